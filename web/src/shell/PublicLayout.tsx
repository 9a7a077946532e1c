import { Anchor, Box, Center, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { PageFallback } from './PageFallback';

/** A centred card layout for the pages used without a session: login, setup, invitation. */
export function PublicLayout() {
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Container size={460} py={48} component="main">
        <Stack gap="lg">
          <Center>
            <Group gap="xs">
              <IconShieldLock size={32} aria-hidden />
              <Title order={1} size="h2">
                AISC
              </Title>
            </Group>
          </Center>
          <Text c="dimmed" ta="center" size="sm">
            AI Security Clearinghouse
          </Text>
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
          <Text c="dimmed" ta="center" size="xs">
            <Anchor href="/api/docs" size="xs">
              API documentation
            </Anchor>
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}
