import { Card, Group, SimpleGrid, Stack, Table, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { isAdmin, labelOf, useCurrentSession, useVocabulary } from '../api/session';
import { PageHeader } from '../components/PageHeader';
import { shellPages } from '../routes';

/** The landing page: who you are here, and the pages you may use. */
export function OverviewPage() {
  const session = useCurrentSession();
  const vocabulary = useVocabulary().data;
  const { user } = session;
  const pages = shellPages.filter((p) => p.nav && p.path !== '' && (p.access === 'any' || isAdmin(session)));

  return (
    <Stack>
      <PageHeader title={`Welcome, ${user.name || user.email}`} description="AI Security Clearinghouse" />
      <Card withBorder maw={560}>
        <Table variant="vertical" layout="fixed" withRowBorders={false} aria-label="Your account">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={140}>Email</Table.Th>
              <Table.Td>{user.email}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Organisation</Table.Th>
              <Table.Td>
                {user.organisation.name}{' '}
                <Text span c="dimmed" size="sm">
                  ({labelOf(vocabulary?.organisationKinds, user.organisation.kind)})
                </Text>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Td>
                {labelOf(vocabulary?.roles, user.role)}
                {session.platformAdmin ? ' · platform administrator' : ''}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Clearance</Table.Th>
              <Table.Td>{labelOf(vocabulary?.clearances, user.clearance)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} maw={900}>
        {pages.map(({ path, nav }) => {
          const PageIcon = nav!.icon;
          return (
            <UnstyledButton key={path} component={Link} to={`/${path}`}>
              <Card withBorder padding="md">
                <Group>
                  <ThemeIcon variant="light" size="lg" aria-hidden>
                    <PageIcon size={20} />
                  </ThemeIcon>
                  <Text fw={600}>{nav!.label}</Text>
                </Group>
              </Card>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
