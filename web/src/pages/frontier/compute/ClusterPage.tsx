import { Alert, Badge, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { describeError } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { opsText, useCluster } from './computeApi';

const PRECISIONS = ['max', 'fp64', 'tf32', 'bf16', 'fp8', 'int8'] as const;

/** One cluster: its inventory, computed figures per precision, export classes and reportable flags with their rule versions. */
export function ClusterPage() {
  const { clusterId = '' } = useParams();
  const cluster = useCluster(clusterId);
  if (cluster.isPending) return <Text>Loading…</Text>;
  if (cluster.isError) return <Alert color="red">{describeError(cluster.error)}</Alert>;
  const c = cluster.data;
  return (
    <>
      <PageHeader title={c.name} description={`Status ${c.status}; figures computed under rules version ${c.rulesVersion}. Peaks are dense (no sparsity).`} />
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
        <Card withBorder>
          <Title order={3} mb="sm">
            Figures
          </Title>
          <DataTable label="Aggregate peak per precision" columns={['Precision', 'Peak OP/s']} minWidth={300}>
            {PRECISIONS.map((p) => (
              <Table.Tr key={p}>
                <Table.Td>{p === 'max' ? 'best per chip (rules)' : p}</Table.Td>
                <Table.Td>{opsText(c.peakOpsPerSecond[p])}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Text mt="sm">H100-equivalents (BF16): {c.h100Equivalents.toLocaleString('en-US')}</Text>
          <Text>Interconnect: {c.interconnectGbps === null ? 'not declared' : `${c.interconnectGbps} Gbit/s`}</Text>
        </Card>
        <Card withBorder>
          <Title order={3} mb="sm">
            Flags and export classes
          </Title>
          <Stack gap="xs">
            {c.reportable.length === 0 ? (
              <Text>Reportable under no rule.</Text>
            ) : (
              c.reportable.map((f) => (
                <div key={f.rule}>
                  <Badge color="orange" variant="light">
                    reportable: {f.rule}@{f.version} ({f.status})
                  </Badge>
                  <Text size="sm">{f.reason}</Text>
                </div>
              ))
            )}
            <Text size="sm">
              Chips: {c.export.chipEccns.join(', ') || 'none controlled'}; computer: {c.export.computerEccns.join(', ') || '—'} ({c.export.rule}@
              {c.export.ruleVersion}){c.export.undeterminedChips.length > 0 && `; undetermined: ${c.export.undeterminedChips.join(', ')}`}
            </Text>
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <DataTable label="Inventory" columns={['Accelerator', 'Count']} minWidth={400}>
          {c.inventory.map((l) => (
            <Table.Tr key={l.acceleratorId}>
              <Table.Td>{l.acceleratorId}</Table.Td>
              <Table.Td>{l.count.toLocaleString('en-US')}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
