import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Card, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { type FacilityFilter, opsText, useClusters, useFacilities } from './computeApi';
import { computeOverTime } from './computeSeries';

const STATUSES = [
  { value: 'planned', label: 'Planned' },
  { value: 'under_construction', label: 'Under construction' },
  { value: 'operational', label: 'Operational' },
  { value: 'decommissioned', label: 'Decommissioned' },
];

/** Facilities you may see (filters: country, status), their clusters with figures and flags, and registered compute over time. */
export function ComputePage() {
  const [filter, setFilter] = useState<FacilityFilter>({});
  const facilities = useFacilities(filter);
  const clusters = useClusters();
  const series = clusters.data ? computeOverTime(clusters.data.items) : [];
  return (
    <>
      <PageHeader
        title="Compute registry"
        description="Facilities, clusters and their reportable flags, as registered. A location shows only to the owner and cleared staff unless the owner shares it."
        action={
          <Anchor component={Link} to="/frontier/compute/accelerators">
            Accelerator catalogue
          </Anchor>
        }
      />
      <Card withBorder mb="md">
        <Title order={3} mb="sm">
          Registered compute over time
        </Title>
        {series.length === 0 ? (
          <Text c="dimmed">No operational clusters yet.</Text>
        ) : (
          <AreaChart
            h={240}
            data={series}
            dataKey="day"
            series={[{ name: 'Peak EFLOP/s', color: 'indigo.6' }]}
            curveType="step"
            aria-label="Cumulative peak compute of registered clusters"
          />
        )}
      </Card>
      <Card withBorder mb="md">
        <Group mb="sm" align="end">
          <TextInput
            label="Country"
            placeholder="US"
            maxLength={2}
            value={filter.country ?? ''}
            onChange={(e) => setFilter({ ...filter, country: e.currentTarget.value.toUpperCase() || undefined })}
          />
          <Select
            label="Status"
            clearable
            data={STATUSES}
            value={filter.status ?? null}
            onChange={(v) => setFilter({ ...filter, status: (v ?? undefined) as FacilityFilter['status'] })}
          />
        </Group>
        {facilities.isError && <Alert color="red">{describeError(facilities.error)}</Alert>}
        <DataTable label="Facilities" columns={['Facility', 'Operator', 'Location', 'Power (MW)', 'Status']} minWidth={800}>
          {(facilities.data?.items ?? []).map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{f.name}</Table.Td>
              <Table.Td>{f.operatorName || '—'}</Table.Td>
              <Table.Td>
                {f.locationHidden ? <Text c="dimmed">not shown to you</Text> : [f.country, f.region, f.site].filter(Boolean).join(' · ') || '—'}
              </Table.Td>
              <Table.Td>{f.powerCapacityMw ?? '—'}</Table.Td>
              <Table.Td>{f.status}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Card>
      <Card withBorder>
        <Title order={3} mb="sm">
          Clusters
        </Title>
        <DataTable label="Clusters" columns={['Cluster', 'Peak OP/s', 'H100-equivalents', 'Interconnect', 'Reportable']} minWidth={800}>
          {(clusters.data?.items ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/frontier/compute/clusters/${c.id}`}>
                  {c.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{opsText(c.peakOpsPerSecond.max)}</Table.Td>
              <Table.Td>{c.h100Equivalents.toLocaleString('en-US')}</Table.Td>
              <Table.Td>{c.interconnectGbps === null ? '—' : `${c.interconnectGbps} Gbit/s`}</Table.Td>
              <Table.Td>
                {c.reportable.length === 0 ? (
                  'no'
                ) : (
                  <Group gap={4}>
                    {c.reportable.map((f) => (
                      <Badge key={f.rule} color="orange" variant="light">
                        {f.rule}@{f.version}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
