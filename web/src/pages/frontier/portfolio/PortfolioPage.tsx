import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeError } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { PageHeader } from '../../../components/PageHeader';
import { usePortfolio } from '../access/accessApi';
import { WindowStatusBadge } from '../WindowStatusBadge';

/** Chart colours per window status, in the order the donut and the legend list them. */
const STATUSES: { status: string; label: string; color: string }[] = [
  { status: 'on_track', label: 'On track', color: 'teal.6' },
  { status: 'at_risk', label: 'At risk', color: 'orange.6' },
  { status: 'met', label: 'Met', color: 'green.7' },
  { status: 'late', label: 'Late', color: 'red.6' },
  { status: 'not_provided', label: 'Not provided', color: 'gray.6' },
  { status: 'no_release_date', label: 'No release date', color: 'gray.4' },
];

/** Every designated model the caller may see, with its access window: counts per status and lead time per model. */
export function PortfolioPage() {
  const portfolio = usePortfolio();
  if (portfolio.isPending) return <Text>Loading…</Text>;
  if (portfolio.isError) return <Alert color="red">{describeError(portfolio.error)}</Alert>;
  const items = portfolio.data.items;
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.window.status, (counts.get(i.window.status) ?? 0) + 1);
  const donut = STATUSES.filter((s) => (counts.get(s.status) ?? 0) > 0).map((s) => ({ name: s.label, value: counts.get(s.status) ?? 0, color: s.color }));
  const leadTimes = items.map((i) => ({
    model: `${i.modelName} ${i.version}`,
    'Lead time (days)': i.window.leadTimeDays,
    'Access (days)': i.window.scheduledAccessDays,
  }));
  return (
    <>
      <PageHeader
        title="Portfolio"
        description="Designated models and their voluntary pre-release access windows, as recorded. AISC reports and reminds; it never holds up a release."
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
        <Card withBorder>
          <Title order={3} mb="sm">
            Window status
          </Title>
          {items.length === 0 ? (
            <Text c="dimmed">No designated models yet.</Text>
          ) : (
            <Group align="center" gap="xl">
              <DonutChart
                data={donut}
                chartLabel={`${items.length} ${items.length === 1 ? 'model' : 'models'}`}
                withTooltip
                aria-label="Designated models per window status"
              />
              <Stack>
                {STATUSES.map((s) => (
                  <Text key={s.status} size="sm">
                    {s.label}: <b>{counts.get(s.status) ?? 0}</b>
                  </Text>
                ))}
              </Stack>
            </Group>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} mb="sm">
            Lead time and scheduled access per model
          </Title>
          {items.length === 0 ? (
            <Text c="dimmed">No designated models yet.</Text>
          ) : (
            <BarChart
              h={Math.max(200, 40 * leadTimes.length)}
              data={leadTimes}
              dataKey="model"
              orientation="vertical"
              yAxisProps={{ width: 160 }}
              series={[
                { name: 'Lead time (days)', color: 'blue.6' },
                { name: 'Access (days)', color: 'teal.6' },
              ]}
              withLegend
              aria-label="Lead time and scheduled access days per designated model"
            />
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <DataTable
          label="Designated models"
          columns={['Model version', 'Window', 'Release counted to', 'Lead time', 'Scheduled access', 'Plan']}
          minWidth={900}
        >
          {items.map((i) => (
            <Table.Tr key={i.versionId}>
              <Table.Td>
                <Anchor component={Link} to={`/frontier/versions/${i.versionId}`}>
                  {i.modelName} {i.version}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <WindowStatusBadge status={i.window.status} />
              </Table.Td>
              <Table.Td>
                <DateTime value={i.window.releaseAt} />
              </Table.Td>
              <Table.Td>{i.window.leadTimeDays} days</Table.Td>
              <Table.Td>{i.window.scheduledAccessDays} days</Table.Td>
              <Table.Td>
                {i.planId ? (
                  <Anchor component={Link} to={`/frontier/plans/${i.planId}`}>
                    open
                  </Anchor>
                ) : (
                  'none yet'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
