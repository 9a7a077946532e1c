import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../../api/problem';
import { notifyError } from '../../../api/useFieldErrors';
import { DataTable } from '../../../components/DataTable';
import { OrganisationName } from '../../../components/OrganisationName';
import { PageHeader } from '../../../components/PageHeader';
import { VersionName } from '../registry/VersionName';
import { ConclusionForm } from './ConclusionForm';
import { EngagementStateBadge } from './EngagementStateBadge';
import { type Engagement, type EngagementMove, engagementCalls, engagementKey, MOVE_LABELS, useEngagement, words } from './engagementApi';
import { FindingForm } from './FindingForm';
import { EngagementTextMove, RemediationForm, remediationLabel } from './TextMoveForm';
import { UploadForm } from '../evaluations/UploadForm';
import { DateTime } from '../../../components/DateTime';

/** The path through the states the stepper shows (domain/frontier/engagement-states.ts ENGAGEMENT_PATH), then the end reached. */
const PATH = ['scoped', 'access_pending', 'in_progress', 'draft_report', 'developer_review', 'final'];
const WORKING = new Set(['in_progress', 'draft_report', 'developer_review']);
const AUDIENCES = [
  { id: 'public', label: 'Public summary' },
  { id: 'partner', label: 'Partner version (TLP:AMBER)' },
  { id: 'government', label: 'Government version' },
] as const;

type Dialog =
  | { kind: 'run' }
  | { kind: 'finding' }
  | { kind: 'conclusion' }
  | { kind: 'text'; event: 'withdraw' | 'publish_summary' }
  | { kind: 'remediation'; findingId: string; event: Engagement['findings'][number]['remediationMoves'][number] };

function StateStepper({ e }: { e: Engagement }) {
  const reached = e.history.map((h) => h.to);
  const end = e.state === 'published_summary' || e.state === 'confidential_only' ? e.state : null;
  const active = end ? PATH.length : Math.max(0, PATH.indexOf(e.state === 'withdrawn' ? (e.history.at(-1)?.from ?? 'scoped') : e.state));
  return (
    <Stepper active={active} size="xs" mb="md" aria-label="Engagement states">
      {PATH.map((s) => (
        <Stepper.Step
          key={s}
          label={words(s)}
          description={s === 'developer_review' && !reached.includes(s) && active > PATH.indexOf(s) ? 'skipped' : undefined}
        />
      ))}
      <Stepper.Step label={end ? words(end) : 'published summary | confidential only'} />
    </Stepper>
  );
}

/** One engagement: its state machine with the moves the caller may make, findings with remediation, conclusions and exports. */
export function EngagementPage() {
  const { engagementId = '' } = useParams();
  const engagement = useEngagement(engagementId);
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const move = useMutation({
    mutationFn: (m: EngagementMove) => engagementCalls.move(engagementId, m),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [engagementKey] }),
    onError: (e) => notifyError(e),
  });
  if (engagement.isPending) return <Text>Loading…</Text>;
  if (engagement.isError) return <Alert color="red">{describeError(engagement.error)}</Alert>;
  const e = engagement.data;
  const assessor = e.parties.includes('assessor');
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader title={e.title} description={`Third-party assessment (${words(e.purpose)}), TLP:${e.tlp}, ${e.classification.toLowerCase()}.`} />
      <Group mb="sm">
        <EngagementStateBadge state={e.state} />
        <Text size="sm">
          Model version <VersionName id={e.versionId} />
        </Text>
        <Text size="sm">
          Assessor <OrganisationName id={e.assessorOrganisationId} />
        </Text>
        <Text size="sm">
          Commissioned by <OrganisationName id={e.commissioningOrganisationId} /> ({e.commissionedBy})
        </Text>
      </Group>
      <StateStepper e={e} />
      {e.state === 'withdrawn' && (
        <Alert color="red" mb="md" title="Withdrawn">
          {e.withdrawalReason}
        </Alert>
      )}
      <Group mb="md" aria-label="Moves">
        {e.moves.map((event) =>
          event === 'withdraw' || event === 'publish_summary' ? (
            <Button key={event} size="xs" variant="light" color={event === 'withdraw' ? 'red' : undefined} onClick={() => setDialog({ kind: 'text', event })}>
              {MOVE_LABELS[event]}
            </Button>
          ) : (
            <Button key={event} size="xs" variant="light" loading={move.isPending && move.variables?.event === event} onClick={() => move.mutate({ event })}>
              {MOVE_LABELS[event]}
            </Button>
          ),
        )}
        {e.moves.length === 0 && (
          <Text size="sm" c="dimmed">
            No move is yours to make now.
          </Text>
        )}
      </Group>
      {e.summary && (
        <Card withBorder mb="md">
          <Title order={3} mb="xs">
            Published summary
          </Title>
          <Text size="sm">{e.summary}</Text>
        </Card>
      )}
      <Card withBorder mb="md">
        <Stack gap={4}>
          <Text size="sm">Domains: {e.scope.domains.map(words).join(', ')}</Text>
          {e.scope.threatModels.length > 0 && <Text size="sm">Threat models: {e.scope.threatModels.join('; ')}</Text>}
          {e.scope.outOfScope.length > 0 && <Text size="sm">Out of scope: {e.scope.outOfScope.join('; ')}</Text>}
          <Text size="sm">
            Independence: chosen by {words(e.independence.assessorChosenBy)}; financial ties: {e.independence.financialTies || 'none declared'}; developer
            review: {e.independence.developerReviewRight ? 'yes' : 'no'}; publication rights: {e.publicationRights}
          </Text>
        </Stack>
      </Card>
      <Card withBorder mb="md">
        <Group justify="space-between" mb="sm">
          <Title order={3}>Evaluation runs</Title>
          {assessor && WORKING.has(e.state) && e.checkpointIds.length > 0 && (
            <Button size="xs" onClick={() => setDialog({ kind: 'run' })}>
              Import an Inspect log
            </Button>
          )}
        </Group>
        <DataTable label="Evaluation runs" columns={['Run', 'Linked']} minWidth={500}>
          {e.runs.map((r) => (
            <Table.Tr key={r.runId}>
              <Table.Td>
                <Anchor component={Link} to={`/frontier/evaluations/${r.runId}`} ff="monospace" size="sm">
                  {r.runId}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <DateTime value={r.linkedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {e.runs.length === 0 && (
          <Text size="sm" c="dimmed">
            No evaluation run is linked yet.
          </Text>
        )}
      </Card>
      <Card withBorder mb="md">
        <Group justify="space-between" mb="sm">
          <Title order={3}>Findings</Title>
          {assessor && WORKING.has(e.state) && (
            <Button size="xs" onClick={() => setDialog({ kind: 'finding' })}>
              Record a finding
            </Button>
          )}
        </Group>
        <DataTable label="Findings" columns={['Severity', 'Domain', 'Title', 'Detail', 'Remediation']} minWidth={800}>
          {e.findings.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Badge variant="light">{f.severity}</Badge>
              </Table.Td>
              <Table.Td>{words(f.domain)}</Table.Td>
              <Table.Td>{f.title}</Table.Td>
              <Table.Td>{f.detail ?? <Text size="sm" c="dimmed">{`restricted (TLP:${f.detailTlp})`}</Text>}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm">{words(f.remediationState)}</Text>
                  {f.remediationMoves.map((event) => (
                    <Button key={event} size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'remediation', findingId: f.id, event })}>
                      {remediationLabel(event)}
                    </Button>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Card>
      <Card withBorder mb="md">
        <Group justify="space-between" mb="sm">
          <Title order={3}>Risk levels per domain</Title>
          {assessor && WORKING.has(e.state) && (
            <Button size="xs" onClick={() => setDialog({ kind: 'conclusion' })}>
              Conclude a risk level
            </Button>
          )}
        </Group>
        <DataTable label="Conclusions" columns={['Domain', 'Common level', 'Framework label', 'Mapping', 'Rationale']} minWidth={700}>
          {e.conclusions.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{words(c.domain)}</Table.Td>
              <Table.Td>
                <Badge>{c.level}</Badge>
              </Table.Td>
              <Table.Td>{c.frameworkLabel ?? '—'}</Table.Td>
              <Table.Td>{c.framework ? `${c.framework}@${c.mappingVersion}` : '—'}</Table.Td>
              <Table.Td>{c.rationale}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Card>
      <Card withBorder mb="md">
        <Title order={3} mb="sm">
          Exports
        </Title>
        <Group>
          {AUDIENCES.filter((a) => a.id !== 'public' || e.state === 'published_summary').map((a) => (
            <Anchor key={a.id} href={`/api/frontier/engagements/${e.id}/export?audience=${a.id}`} target="_blank" rel="noopener">
              {a.label}
            </Anchor>
          ))}
        </Group>
      </Card>
      <Modal opened={dialog !== null} onClose={close} title={dialogTitle(dialog)} size="lg">
        {dialog?.kind === 'run' && (
          <UploadForm
            engagement={e}
            onDone={() => {
              void queryClient.invalidateQueries({ queryKey: [engagementKey] });
              close();
            }}
          />
        )}
        {dialog?.kind === 'finding' && <FindingForm engagementId={e.id} domains={e.scope.domains} onDone={close} />}
        {dialog?.kind === 'conclusion' && <ConclusionForm engagementId={e.id} domains={e.scope.domains} onDone={close} />}
        {dialog?.kind === 'text' && <EngagementTextMove engagementId={e.id} event={dialog.event} onDone={close} />}
        {dialog?.kind === 'remediation' && <RemediationForm engagementId={e.id} findingId={dialog.findingId} event={dialog.event} onDone={close} />}
      </Modal>
    </>
  );
}

function dialogTitle(d: Dialog | null): string {
  if (!d) return '';
  if (d.kind === 'run') return 'Import an Inspect log into the engagement';
  if (d.kind === 'finding') return 'Record a finding';
  if (d.kind === 'conclusion') return 'Conclude a risk level';
  if (d.kind === 'text') return MOVE_LABELS[d.event] ?? d.event;
  return remediationLabel(d.event);
}
