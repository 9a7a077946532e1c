import { Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useVocabulary } from '../../api/session';
import { DataTable } from '../../components/DataTable';
import { DateTime } from '../../components/DateTime';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { type QueueFilter, type QueueSoFar, type Reputation, useReportQueue } from './api';

const pct = (r: Reputation | null | undefined) => (r?.precision == null ? '—' : `${Math.round(r.precision * 100)} % of ${r.accepted + r.rejected}`);
const SEVERITY_COLOUR: Record<string, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'blue', none: 'gray', unknown: 'gray' };

/** Labels of the queue's sort orders (`reportSorts` of `GET /api/vocabulary`); an unknown one shows as itself. */
const SORT_LABELS: Record<string, string> = { severity: 'Severity', exploited: 'Exploited first', age: 'Oldest', newest: 'Newest', findings: 'Most reported' };

/** How many reports match: exact, or "1,000+" when the server stopped counting at its cap (ADR 0051). */
const matchCount = (q: QueueSoFar) => `${q.total.toLocaleString('en')}${q.totalExact ? '' : '+'}`;

/** The triage queue: reports you may see, filtered and sorted, with each finder's running precision. */
export function TriageQueuePage() {
  const vocabulary = useVocabulary().data;
  const [f, setF] = useState<QueueFilter>({ sort: 'severity' });
  const queue = useReportQueue(f);
  const set = (k: keyof QueueFilter) => (v: string | null) => setF({ ...f, [k]: v ?? undefined });
  return (
    <>
      <PageHeader title="Reports" description="Deduplicated reports of findings. Precision is accepted ÷ decided, per finder organisation and AI model." />
      <Group mb="md" wrap="wrap">
        <Select label="State" clearable data={vocabulary?.reportStates ?? []} value={f.state ?? null} onChange={set('state')} />
        <Select label="Severity" clearable data={vocabulary?.severities ?? []} value={f.severity ?? null} onChange={set('severity')} />
        <Select
          label="Exploited"
          clearable
          data={[
            { value: 'true', label: 'yes' },
            { value: 'false', label: 'no' },
          ]}
          value={f.exploited ?? null}
          onChange={set('exploited')}
        />
        <Select
          label="Reproduction"
          clearable
          data={vocabulary?.reproductionStatuses ?? []}
          value={f.reproductionStatus ?? null}
          onChange={set('reproductionStatus')}
        />
        <TextInput label="Model" value={f.model ?? ''} onChange={(e) => set('model')(e.currentTarget.value || null)} />
        <TextInput label="Product" value={f.product ?? ''} onChange={(e) => set('product')(e.currentTarget.value || null)} />
        <Select
          label="Sort"
          data={(vocabulary?.reportSorts ?? ['severity']).map((sort) => ({ value: sort, label: SORT_LABELS[sort] ?? sort }))}
          value={f.sort ?? 'severity'}
          onChange={set('sort')}
          allowDeselect={false}
        />
      </Group>
      <ListState query={queue} empty="No reports match.">
        {(page) => (
          <>
            <Text size="sm" c="dimmed" mb="xs">
              {page.items.length.toLocaleString('en')} of {matchCount(page)} reports
            </Text>
            <DataTable
              label="Reports"
              columns={['Report', 'Product', 'Severity', 'State', 'Findings', 'Finder precision', 'Model precision', 'Received']}
              minWidth={1000}
            >
              {page.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Link to={`/reports/${r.id}`}>{r.title}</Link> {r.exploited && <Badge color="red">exploited</Badge>}
                  </Table.Td>
                  <Table.Td>{r.product}</Table.Td>
                  <Table.Td>
                    <Badge color={SEVERITY_COLOUR[r.severity] ?? 'gray'}>{r.severity}</Badge>
                  </Table.Td>
                  <Table.Td>{r.state}</Table.Td>
                  <Table.Td>{r.findingCount}</Table.Td>
                  <Table.Td>{pct(r.reputation?.organisation)}</Table.Td>
                  <Table.Td>{r.modelName ? `${r.modelName}: ${pct(r.reputation?.model)}` : '—'}</Table.Td>
                  <Table.Td>
                    <DateTime value={r.createdAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            {queue.hasNextPage && (
              <Group justify="center" mt="md">
                <Button variant="light" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
                  Load more
                </Button>
              </Group>
            )}
          </>
        )}
      </ListState>
    </>
  );
}
