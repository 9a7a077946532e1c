import { Alert, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { describeError } from '../../api/problem';
import { useVocabulary } from '../../api/session';
import { PageHeader } from '../../components/PageHeader';
import { assessReport, reportKey, transitionReport, useReport } from './api';
import { CvssCalculator } from './CvssCalculator';
import { ReportCaseStatus } from './ReportCaseStatus';

/** The SSVC decision points in the order the tree walks them; their values come from `GET /api/vocabulary`. */
const SSVC_LABELS = {
  exploitation: 'Exploitation',
  automatable: 'Automatable',
  technicalImpact: 'Technical impact',
  missionWellbeing: 'Mission and well-being',
} as const;
type SsvcPoint = keyof typeof SSVC_LABELS;
const SSVC_POINTS = Object.keys(SSVC_LABELS) as SsvcPoint[];

/** A value the vocabulary lists, typed as the vocabulary types it. */
const among = <V extends string>(values: readonly V[] | undefined, chosen: string | undefined): V | undefined => values?.find((v) => v === chosen);

/** Button labels for the report workflow's events (domain/intake state machine). */
const ACTION_LABELS: Record<string, string> = {
  'start-triage': 'Start triage',
  accept: 'Accept',
  reject: 'Reject',
  'mark-duplicate': 'Mark duplicate',
  'request-info': 'Ask for information',
  'provide-info': 'Information provided',
  reopen: 'Reopen',
  close: 'Close',
};
const actionLabel = (event: string) => ACTION_LABELS[event] ?? event.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** One report: its findings and credits; for analysts, the triage actions, SSVC and the CVSS calculator. */
export function ReportPage() {
  const { reportId = '' } = useParams();
  const report = useReport(reportId);
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const vocabulary = useVocabulary().data;
  const [ssvc, setSsvc] = useState<Partial<Record<SsvcPoint, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await client.invalidateQueries({ queryKey: [reportKey] });
    } catch (e) {
      setError(describeError(e));
    }
  };
  if (report.isPending) return <Text>Loading…</Text>;
  if (report.isError) return <Alert color="red">{describeError(report.error)}</Alert>;
  const r = report.data;
  const exploitation = among(vocabulary?.ssvc.exploitation, ssvc.exploitation);
  const automatable = among(vocabulary?.ssvc.automatable, ssvc.automatable);
  const technicalImpact = among(vocabulary?.ssvc.technicalImpact, ssvc.technicalImpact);
  const missionWellbeing = among(vocabulary?.ssvc.missionWellbeing, ssvc.missionWellbeing);
  const decided = exploitation && automatable && technicalImpact && missionWellbeing ? { exploitation, automatable, technicalImpact, missionWellbeing } : null;
  return (
    <>
      <PageHeader title={r.title} description={`${r.product} · ${r.cwe ?? 'no CWE'}${r.cweName ? ` (${r.cweName})` : ''} · ${r.findingCount} finding(s)`} />
      <Group mb="md">
        <Badge>{r.state}</Badge>
        <Badge color="orange">
          {r.severity}
          {r.cvss ? ` ${r.cvss.score}` : ''}
        </Badge>
        {r.exploited && <Badge color="red">exploited in the wild</Badge>}
        {r.ssvc?.decision && <Badge color="grape">SSVC: {r.ssvc.decision}</Badge>}
        <Badge variant="outline">reproduction: {r.reproduction.status}</Badge>
      </Group>
      {r.reason && (
        <Alert mb="md" title={r.state === 'needs-info' ? 'Information requested' : 'Reason'}>
          {r.reason}
          {r.closesAt ? ` (closes ${new Date(r.closesAt).toLocaleDateString()})` : ''}
        </Alert>
      )}
      {error && (
        <Alert color="red" mb="md">
          {error}
        </Alert>
      )}
      {(r.case || r.state === 'accepted') && <ReportCaseStatus c={r.case} />}
      {r.actions.length > 0 && (
        <Card withBorder mb="md">
          <Stack>
            <Title order={4}>Triage</Title>
            <Group align="flex-end">
              <TextInput label="Reason (shown to the reporter)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={360} />
              <TextInput label="Duplicate of (report id)" value={duplicateOf} onChange={(e) => setDuplicateOf(e.currentTarget.value)} w={320} />
            </Group>
            <Group>
              {r.actions.map((event) => (
                <Button
                  key={event}
                  variant="light"
                  onClick={() => run(() => transitionReport(r.id, { event, ...(reason ? { reason } : {}), ...(duplicateOf ? { duplicateOf } : {}) }))}
                >
                  {actionLabel(event)}
                </Button>
              ))}
            </Group>
            <Group align="flex-end">
              {SSVC_POINTS.map((point) => (
                <Select
                  key={point}
                  label={SSVC_LABELS[point]}
                  data={vocabulary?.ssvc[point] ?? []}
                  value={ssvc[point] ?? null}
                  onChange={(v) => setSsvc({ ...ssvc, [point]: v ?? undefined })}
                />
              ))}
              <Button disabled={!decided} onClick={() => decided && run(() => assessReport(r.id, { ssvc: decided }))}>
                Decide SSVC
              </Button>
            </Group>
            <Group>
              {(['reproduced', 'failed'] as const).map((status) => (
                <Button key={status} variant="default" onClick={() => run(() => assessReport(r.id, { reproduction: status }))}>
                  Mark {status}
                </Button>
              ))}
              <Button variant="default" onClick={() => run(() => assessReport(r.id, { knownExploited: !r.knownExploited }))}>
                {r.knownExploited ? 'Clear known-exploited' : 'Mark known-exploited'}
              </Button>
            </Group>
            <CvssCalculator
              initial={r.cvss?.vector ?? 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'}
              onUse={(cvss) => run(() => assessReport(r.id, { cvss }))}
            />
          </Stack>
        </Card>
      )}
      <Title order={4} mb="xs">
        Credits
      </Title>
      <Text mb="md">
        {r.credits
          .map((c) => `${c.organisation} (${c.findings} finding${c.findings === 1 ? '' : 's'}${c.models.length ? `, ${c.models.join(', ')}` : ''})`)
          .join('; ')}
        {r.otherCredits ? `${r.credits.length ? '; ' : ''}${r.otherCredits} other organisation${r.otherCredits === 1 ? '' : 's'} also reported it` : ''}
      </Text>
      <Title order={4} mb="xs">
        Findings you may see
      </Title>
      <Stack>
        {r.findings.map((f) => (
          <Card key={f.id} withBorder>
            <Text fw={600}>{f.title}</Text>
            <Text size="sm" c="dimmed">
              {f.provenance.finderKind}
              {f.provenance.model ? ` · ${f.provenance.model.name}` : ''} · {[f.location.file, f.location.line, f.location.function].filter(Boolean).join(':')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {f.description}
            </Text>
            {f.proofOfConcept.map((a) => (
              <a key={a.id} href={`/api/findings/attachments/${a.id}`}>
                {a.name} ({a.size} bytes, TLP:{a.tlp})
              </a>
            ))}
          </Card>
        ))}
      </Stack>
    </>
  );
}
