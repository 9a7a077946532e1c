import { Alert, Card, Table, Text } from '@mantine/core';
import { describeError } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { useCatalogue } from './computeApi';

const cell = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US'));

/** The shipped accelerator catalogue with TPP, performance density and ECCN computed. */
export function AcceleratorsPage() {
  const catalogue = useCatalogue();
  if (catalogue.isPending) return <Text>Loading…</Text>;
  if (catalogue.isError) return <Alert color="red">{describeError(catalogue.error)}</Alert>;
  const c = catalogue.data;
  return (
    <>
      <PageHeader title="Accelerator catalogue" description={`Catalogue ${c.version}, rules ${c.rulesVersion}. ${c.unit}.`} />
      <Card withBorder>
        <DataTable label="Accelerators" columns={['Vendor', 'Model', 'FP64', 'TF32', 'BF16', 'FP8', 'INT8', 'Memory GB', 'TPP', 'PD', 'ECCN']} minWidth={1100}>
          {c.accelerators.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.vendor}</Table.Td>
              <Table.Td title={a.source}>{a.model}</Table.Td>
              <Table.Td>{cell(a.peakDense.fp64)}</Table.Td>
              <Table.Td>{cell(a.peakDense.tf32)}</Table.Td>
              <Table.Td>{cell(a.peakDense.bf16)}</Table.Td>
              <Table.Td>{cell(a.peakDense.fp8)}</Table.Td>
              <Table.Td>{cell(a.peakDense.int8)}</Table.Td>
              <Table.Td>{cell(a.memoryGB)}</Table.Td>
              <Table.Td>{cell(a.tpp)}</Table.Td>
              <Table.Td>{cell(a.performanceDensity)}</Table.Td>
              <Table.Td title={a.export.reason}>{a.export.eccn}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
