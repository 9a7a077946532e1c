import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Card, Container, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { describeError } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { type PublishedScorecards, usePublishedScorecards } from './standardsApi';

type Table_ = PublishedScorecards['tables'][number];

function TableCard({ t }: { t: Table_ }) {
  const shown = t.cells.filter((c) => c.developers !== null);
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t.title}
      </Title>
      {!t.tracked ? (
        <Text c="dimmed" fs="italic">
          Not tracked yet
        </Text>
      ) : (
        <>
          {shown.length > 0 && shown.some((c) => (c.developers ?? 0) > 0) && (
            <BarChart
              h={160}
              data={shown.map((c) => ({ group: c.key, Developers: c.developers ?? 0 }))}
              dataKey="group"
              series={[{ name: 'Developers', color: 'blue.6' }]}
              aria-label={`${t.title}: published groups`}
              mb="sm"
            />
          )}
          <DataTable label={t.title} columns={['Group', 'Developers', 'Mean effective access (days)']} minWidth={360}>
            {t.cells.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>{c.key.replaceAll('_', ' ')}</Table.Td>
                <Table.Td>{c.developers === null ? <Text c="dimmed">withheld</Text> : c.developers}</Table.Td>
                <Table.Td>
                  {c.meanEffectiveAccessDays === undefined ? (
                    '—'
                  ) : c.meanEffectiveAccessDays === null ? (
                    <Text c="dimmed">withheld</Text>
                  ) : (
                    c.meanEffectiveAccessDays
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </>
      )}
    </Card>
  );
}

/**
 * `/scorecards`: the published scorecards, no sign-in. Aggregates across developers only: a
 * group smaller than the minimum, and the groups that would give it away by subtraction, are
 * withheld (ADR 0105).
 */
export function PublishedScorecardsPage() {
  const published = usePublishedScorecards();
  return (
    <Container size="xl" py="lg">
      <Title order={1} mb="xs">
        Voluntary standards: published scorecards
      </Title>
      {published.isPending && <Text>Loading…</Text>}
      {published.isError && <Alert color="red">{describeError(published.error)}</Alert>}
      {published.data && (
        <>
          <Text c="dimmed" mb="md">
            Aggregates across AI developers as of {published.data.asOf.slice(0, 10)} (practice catalogue {published.data.catalogueVersion}). No figure rests on
            fewer than {published.data.minGroupSize} developers; groups that would reveal a smaller one are withheld too.
          </Text>
          {published.data.developers === null ? (
            <Alert color="gray" mb="md">
              Fewer than {published.data.minGroupSize} developers take part so far: nothing is published yet.
            </Alert>
          ) : (
            <Text mb="md">
              Developers counted: <b>{published.data.developers}</b>
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {published.data.tables.map((t) => (
              <TableCard key={t.id} t={t} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Container>
  );
}
