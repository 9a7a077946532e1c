import { Alert, Button, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { body, client } from '../../api/client';
import { ApiError } from '../../api/problem';
import { useAdoptSession, useMeta, useSession } from '../../api/session';
import { useFieldErrors } from '../../api/useFieldErrors';
import { PasswordField } from '../../components/PasswordField';
import { PublicFormCard } from '../PublicFormCard';
import { safeNext } from './safeNext';

const fields = ['/email', '/password'] as const;

/** What to say for the answers the login form expects; `null` for anything else. */
function loginMessage(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 401) return 'Wrong email or password.';
  if (error.status === 429) {
    const wait = error.retryAfter ? ` Try again in ${error.retryAfter} seconds.` : ' Try again later.';
    return `Too many login attempts.${wait}`;
  }
  return null;
}

export function LoginPage() {
  const session = useSession();
  const meta = useMeta();
  const adopt = useAdoptSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, report, clear } = useFieldErrors(fields);
  const [formError, setFormError] = useState<string | null>(null);

  const login = useMutation({
    mutationFn: () => body(client.POST('/api/session', { body: { email, password } })),
    onSuccess: (next) => {
      adopt(next);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => {
      const message = loginMessage(error);
      setFormError(message);
      if (message) clear();
      else report(error);
    },
  });

  if (session.data) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = () => {
    setFormError(null);
    login.mutate();
  };

  return (
    <PublicFormCard id="login" title="Log in" onSubmit={submit}>
      {meta.data?.setupNeeded && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} title="Setup needed">
          This AISC has no administrator yet. Open the one-time setup link that the server printed when it started.
        </Alert>
      )}
      {formError && (
        <Alert color="red" role="alert" title="Login failed">
          {formError}
        </Alert>
      )}
      <TextInput
        label="Email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        value={email}
        onChange={(e) => {
          setEmail(e.currentTarget.value);
          clear('/email');
        }}
        error={errors['/email']}
      />
      <PasswordField
        label="Password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => {
          setPassword(e.currentTarget.value);
          clear('/password');
        }}
        error={errors['/password']}
      />
      <Button type="submit" loading={login.isPending} fullWidth>
        Log in
      </Button>
    </PublicFormCard>
  );
}
