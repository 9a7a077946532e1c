import { TextInput } from '@mantine/core';
import { confirmationError, PasswordField } from '../components/PasswordField';
import type { FieldErrors } from '../api/useFieldErrors';

export interface NewAccount {
  name: string;
  password: string;
  confirmation: string;
}

interface NewAccountFieldsProps {
  value: NewAccount;
  onChange: (next: NewAccount) => void;
  errors: FieldErrors;
  /** JSON Pointer prefix of these fields in the request body: `''` or `/user`. */
  pointer: string;
  clear: (path: string) => void;
}

/** Name, password and its repetition: shared by first-run setup and accepting an invitation. */
export function NewAccountFields({ value, onChange, errors, pointer, clear }: NewAccountFieldsProps) {
  const set = (field: keyof NewAccount, text: string) => {
    onChange({ ...value, [field]: text });
    if (field !== 'confirmation') clear(`${pointer}/${field}`);
  };
  return (
    <>
      <TextInput
        label="Your name"
        autoComplete="name"
        required
        value={value.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors[`${pointer}/name`]}
      />
      <PasswordField
        label="New password"
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(e) => set('password', e.currentTarget.value)}
        error={errors[`${pointer}/password`]}
      />
      <PasswordField
        label="Repeat password"
        autoComplete="new-password"
        required
        value={value.confirmation}
        onChange={(e) => set('confirmation', e.currentTarget.value)}
        error={confirmationError(value.password, value.confirmation)}
      />
    </>
  );
}
