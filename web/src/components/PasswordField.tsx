import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/** A password input whose show/hide toggle has an accessible name. */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-label': 'Toggle password visibility' }} />;
}

/**
 * The error for a "repeat password" field, or undefined. The password rules themselves are the
 * server's: its problem+json names the password field when one is broken.
 */
export function confirmationError(password: string, confirmation: string): string | undefined {
  return confirmation.length > 0 && password !== confirmation ? 'The passwords differ' : undefined;
}
