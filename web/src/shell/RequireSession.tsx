import { Alert, Button, Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { describeError } from '../api/problem';
import { useSession } from '../api/session';
import { PageFallback } from './PageFallback';

/** Renders the shell for a logged-in user; anyone else goes to the login page and comes back. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <PageFallback />;
  if (session.isError) {
    return (
      <Container size="sm" py="xl">
        <Alert color="red" title="The server could not be reached">
          {describeError(session.error)}
          <Button mt="md" variant="light" onClick={() => void session.refetch()}>
            Try again
          </Button>
        </Alert>
      </Container>
    );
  }
  if (!session.data) {
    const next = location.pathname + location.search + location.hash;
    const target = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}
