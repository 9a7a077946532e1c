import { AppShell, Burger, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldLock } from '@tabler/icons-react';
import { Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentSession, useVocabulary } from '../api/session';
import { useEventStream } from '../live/useEventStream';
import { AccountMenu } from './AccountMenu';
import { Navigation } from './Navigation';
import { PageFallback } from './PageFallback';

const noEventTypes: string[] = [];

/** The authenticated shell: header with the account, navigation from the route table, the page. */
export function AppLayout() {
  const session = useCurrentSession();
  const vocabulary = useVocabulary();
  const [navOpen, nav] = useDisclosure(false);
  const location = useLocation();

  // The stream opens once the event type names are known (a listener is registered per name).
  useEventStream(vocabulary.data !== undefined, vocabulary.data?.eventTypes ?? noEventTypes, session.user.id);
  // On a phone the navigation covers the page: close it after choosing a page.
  const closeNav = nav.close;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the effect's trigger (a navigation), not an input it reads
  useEffect(() => closeNav(), [location.pathname, closeNav]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton component={Link} to="/" aria-label="AISC overview">
              <Group gap={6} wrap="nowrap">
                <IconShieldLock size={24} aria-hidden />
                <Title order={1} size="h4">
                  AISC
                </Title>
                <Text c="dimmed" size="sm" visibleFrom="md">
                  AI Security Clearinghouse
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <AccountMenu session={session} />
        </Group>
      </AppShell.Header>
      {/* The navigation grows with each issue's pages: it scrolls rather than running off short screens. */}
      <AppShell.Navbar p="sm" aria-label="Main navigation" style={{ overflowY: 'auto' }}>
        {/* On a phone the header has no room for the account: it heads the navigation instead. */}
        <Stack gap={0} hiddenFrom="xs" px="sm" pb="sm">
          <Text size="sm" fw={600}>
            {session.user.name || session.user.email}
          </Text>
          <Text size="xs" c="dimmed">
            {session.user.organisation.name}
          </Text>
        </Stack>
        <Navigation session={session} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
