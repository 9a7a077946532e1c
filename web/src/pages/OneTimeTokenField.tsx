import { TextInput } from '@mantine/core';

interface OneTimeTokenFieldProps {
  label: string;
  value: string;
  onChange: (token: string) => void;
  error: string | undefined;
}

/** The field for a one-time token (setup, invitation) when the link did not carry it. */
export function OneTimeTokenField({ label, value, onChange, error }: OneTimeTokenFieldProps) {
  return (
    <TextInput label={label} required value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} autoComplete="off" spellCheck={false} />
  );
}
