import { Anchor, Badge, Button, Group, Modal, Select, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { PageHeader } from '../../../components/PageHeader';
import { type Run, useModelChoices, useRuns } from './evaluationsApi';
import { MetricChart } from './MetricChart';
import { UploadForm } from './UploadForm';

const STATUS_COLOURS: Record<string, string> = { success: 'green', error: 'red', cancelled: 'gray', started: 'blue' };

/** A run's status as a badge. */
export const RunStatus = ({ status }: { status: string }) => (
  <Badge color={STATUS_COLOURS[status] ?? 'gray'} variant="light">
    {status}
  </Badge>
);

/** The first metric of the first scorer, as the list's one figure. */
const headline = (r: Run) => {
  const s = r.scores[0];
  const [metric, value] = Object.entries(s?.metrics ?? {})[0] ?? [];
  return s && metric ? `${s.name} ${metric} ${value ?? '—'}` : '—';
};

/** Imported evaluation runs (pre-deployment test evidence, issue 12): filters, keyset pages, the upload and a chart. */
export function RunsPage() {
  const navigate = useNavigate();
  const [modelId, setModelId] = useState<string | null>(null);
  const [task, setTask] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const models = useModelChoices();
  const runs = useRuns({ modelId: modelId ?? undefined, task: task.trim() || undefined, after: cursors.at(-1) });
  const filter = (f: () => void) => {
    f();
    setCursors([]);
  };
  return (
    <>
      <PageHeader
        title="Evaluation runs"
        description="Pre-deployment test evidence: Inspect evaluation logs imported against model checkpoints, each stored once. Evidence is recorded, never a gate."
        action={<Button onClick={() => setUploading(true)}>Import an Inspect log</Button>}
      />
      <Group mb="md" align="flex-end">
        <Select
          label="Model"
          placeholder="Any model"
          clearable
          searchable
          data={(models.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={modelId}
          onChange={(v) => filter(() => setModelId(v))}
        />
        <TextInput label="Task" placeholder="Any task" value={task} onChange={(e) => filter(() => setTask(e.currentTarget.value))} />
      </Group>
      {runs.isError && <Text c="red">{describeError(runs.error)}</Text>}
      {runs.isPending && <Text>Loading…</Text>}
      {runs.isSuccess && runs.data.items.length === 0 && <Text c="dimmed">No evaluation runs{modelId || task ? ' match' : ' yet'}.</Text>}
      {runs.isSuccess && runs.data.items.length > 0 && (
        <>
          <DataTable
            label="Evaluation runs"
            columns={['Run', 'Task', 'Model (as Inspect named it)', 'Status', 'Samples', 'Headline', 'Imported']}
            minWidth={900}
          >
            {runs.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/frontier/evaluations/${r.id}`}>
                    {r.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.task}</Table.Td>
                <Table.Td>{r.evalModel}</Table.Td>
                <Table.Td>
                  <RunStatus status={r.status} />
                </Table.Td>
                <Table.Td>
                  {r.samples.completed}/{r.samples.total}
                </Table.Td>
                <Table.Td>{headline(r)}</Table.Td>
                <Table.Td>
                  <DateTime value={r.importedAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" size="xs" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Newer
            </Button>
            <Button variant="default" size="xs" disabled={!runs.data.next} onClick={() => setCursors((c) => [...c, runs.data.next!])}>
              Older
            </Button>
          </Group>
        </>
      )}
      <MetricChart modelId={modelId} task={task.trim()} />
      <Modal opened={uploading} onClose={() => setUploading(false)} title="Import an Inspect log" size="lg">
        <UploadForm
          onDone={(run, created) => {
            setUploading(false);
            notifications.show({ color: created ? 'green' : 'blue', message: created ? `Imported ${run.name}` : `This log was imported before: ${run.name}` });
            void navigate(`/frontier/evaluations/${run.id}`);
          }}
        />
      </Modal>
    </>
  );
}
