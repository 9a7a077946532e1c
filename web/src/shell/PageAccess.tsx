import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { isAdmin, useSession } from '../api/session';
import type { ShellPage } from '../routes';

/** Keeps admin pages closed to non-admins who type their address (the server checks too). */
export function PageAccess({ access, children }: { access: ShellPage['access']; children: ReactNode }) {
  const { data: session } = useSession();
  if (access === 'admin' && !isAdmin(session)) {
    return (
      <Alert color="yellow" title="Administrators only">
        This page is available to administrators.
      </Alert>
    );
  }
  return children;
}
