import { Alert, Anchor, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { PageHeader } from '../../../components/PageHeader';
import { useRun } from './evaluationsApi';
import { RunStatus } from './RunsPage';

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm">{children}</Text>
  </Stack>
);

/** One evaluation run: what the log says (task, model, dataset, timing), its scores per scorer, token usage and errors. */
export function RunPage() {
  const { runId = '' } = useParams();
  const run = useRun(runId);
  if (run.isPending) return <Text>Loading…</Text>;
  if (run.isError) return <Alert color="red">{describeError(run.error)}</Alert>;
  const r = run.data;
  return (
    <>
      <PageHeader
        title={r.name}
        description={`Inspect ${r.log.format === 'eval' ? '.eval' : '.json'} log, format version ${r.log.version}, ${(r.log.sizeBytes / 1024).toFixed(1)} KiB · TLP:${r.marking.tlp}`}
        action={
          <Anchor href={`/api/frontier/evaluation-runs/${r.id}/log`} download>
            Download the original log
          </Anchor>
        }
      />
      {(r.error || r.samples.errors > 0) && (
        <Alert color="red" mb="md" title="Errors">
          {r.error && <Code block>{r.error}</Code>}
          {r.samples.errors > 0 && (
            <Text size="sm">
              {r.samples.errors} of {r.samples.inLog} samples ended with an error.
            </Text>
          )}
        </Alert>
      )}
      <Card withBorder mb="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Field label="Task">
            {r.task} (version {r.taskVersion})
          </Field>
          <Field label="Model (as Inspect named it)">{r.evalModel}</Field>
          <Field label="Status">
            <RunStatus status={r.status} />
          </Field>
          <Field label="Samples completed">
            {r.samples.completed} of {r.samples.total}
          </Field>
          <Field label="Dataset">{r.dataset.name ? `${r.dataset.name}${r.dataset.samples !== null ? ` (${r.dataset.samples} samples)` : ''}` : '—'}</Field>
          <Field label="Started">
            <DateTime value={r.startedAt} />
          </Field>
          <Field label="Duration">{r.durationSeconds !== null ? `${r.durationSeconds} s` : '—'}</Field>
          <Field label="Checkpoint">
            <Anchor component={Link} to={`/frontier/versions/${r.versionId}`}>
              {r.checkpointId.slice(0, 8)}… of its version
            </Anchor>
          </Field>
          <Field label="Run id">{r.runId}</Field>
          <Field label="Eval id">{r.evalId ?? '—'}</Field>
          <Field label="Log SHA-256">
            <Text span size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {r.log.sha256}
            </Text>
          </Field>
          <Field label="Imported">
            <DateTime value={r.importedAt} />
          </Field>
        </SimpleGrid>
      </Card>
      <Group align="flex-start" grow>
        <Card withBorder>
          <Title order={3} mb="sm">
            Scores
          </Title>
          <DataTable label="Scores" columns={['Scorer', 'Reducer', 'Metric', 'Value']} minWidth={500}>
            {r.scores.flatMap((s) =>
              Object.entries(s.metrics).map(([metric, value]) => (
                <Table.Tr key={`${s.name}/${metric}`}>
                  <Table.Td>{s.name === s.scorer ? s.name : `${s.name} (${s.scorer})`}</Table.Td>
                  <Table.Td>{s.reducer ?? '—'}</Table.Td>
                  <Table.Td>{metric}</Table.Td>
                  <Table.Td>{value ?? '—'}</Table.Td>
                </Table.Tr>
              )),
            )}
          </DataTable>
          {r.scores.length === 0 && <Text c="dimmed">The log holds no scores.</Text>}
        </Card>
        <Card withBorder>
          <Title order={3} mb="sm">
            Token usage
          </Title>
          <DataTable label="Token usage" columns={['Model', 'Input', 'Output', 'Total']} minWidth={500}>
            {r.usage.map((u) => (
              <Table.Tr key={u.model}>
                <Table.Td>{u.model}</Table.Td>
                <Table.Td>{u.inputTokens.toLocaleString()}</Table.Td>
                <Table.Td>{u.outputTokens.toLocaleString()}</Table.Td>
                <Table.Td>{u.totalTokens.toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Card>
      </Group>
    </>
  );
}
