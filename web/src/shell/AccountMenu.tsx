import { Button, Group, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { body, client } from '../api/client';
import { type Session, useAdoptSession } from '../api/session';
import { notifyError } from '../api/useFieldErrors';

/** The current user and organisation, and the logout button. */
export function AccountMenu({ session }: { session: Session }) {
  const adopt = useAdoptSession();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => body(client.DELETE('/api/session')),
    onSuccess: () => {
      adopt(null);
      void navigate('/login', { replace: true });
    },
    onError: (error) => notifyError(error, 'Logout failed'),
  });

  return (
    <Group gap="sm" wrap="nowrap">
      <Stack gap={0} align="flex-end" visibleFrom="xs">
        <Text size="sm" fw={600} lh={1.2} data-testid="current-user">
          {session.user.name || session.user.email}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2} data-testid="current-organisation">
          {session.user.organisation.name}
        </Text>
      </Stack>
      <Button variant="subtle" size="compact-sm" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => logout.mutate()} loading={logout.isPending}>
        Log out
      </Button>
    </Group>
  );
}
