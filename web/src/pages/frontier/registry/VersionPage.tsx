import { Alert, Anchor, Button, Card, Group, Modal, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '../../../api/problem';
import { useVocabulary } from '../../../api/session';
import { notifyError } from '../../../api/useFieldErrors';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { PageHeader } from '../../../components/PageHeader';
import { accessCalls, accessKey, usePlanOfVersion } from '../access/accessApi';
import { InquiryForm } from '../inquiries/InquiryForm';
import { RuleSetResults } from '../RuleSetResults';
import { CheckpointsCard } from './CheckpointsCard';
import { DesignationCard } from './DesignationCard';
import { FactForm } from './FactForm';
import { LineageCard } from './LineageCard';
import { type Fact, useFactHistory, useVersion } from './registryApi';
import { useRuleSetResults } from './useRuleSetResults';

/** A fact's value as people write it: yes/no, 2e26 FLOP for the huge quantities, 0.62 for scores. */
function formatValue(v: number | boolean, unit: string): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  const n =
    Math.abs(v) >= 1e7
      ? v
          .toExponential(3)
          .replace(/\.?0+e/, 'e')
          .replace('e+', 'e')
      : v.toLocaleString(undefined, { maximumSignificantDigits: 6 });
  return unit === 'boolean' || unit === 'ratio' || unit === 'score' ? n : `${n} ${unit}`;
}

function FactRows({ facts, onHistory }: { facts: Fact[]; onHistory?: (key: string) => void }) {
  const vocabulary = useVocabulary();
  const labels = new Map((vocabulary.data?.frontier.facts ?? []).map((f) => [f.key, f.label]));
  return (
    <>
      {facts.map((f) => (
        <Table.Tr key={f.id}>
          <Table.Td>
            {labels.get(f.key) ?? f.key}
            {f.benchmarkVersion ? ` (version ${f.benchmarkVersion})` : ''}
          </Table.Td>
          <Table.Td>{formatValue(f.value, f.unit)}</Table.Td>
          <Table.Td>{f.method}</Table.Td>
          <Table.Td>{f.confidence ?? '—'}</Table.Td>
          <Table.Td>{f.source || '—'}</Table.Td>
          <Table.Td>
            <DateTime value={f.asOf} />
          </Table.Td>
          <Table.Td>
            <DateTime value={f.recordedAt} />
          </Table.Td>
          {onHistory && (
            <Table.Td>
              <Button size="compact-xs" variant="subtle" onClick={() => onHistory(f.key)}>
                History
              </Button>
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </>
  );
}

const FACT_COLUMNS = ['Fact', 'Value', 'Method', 'Confidence', 'Source', 'As of', 'Recorded'];

/** The current facts (the newest declaration of each key), each with its history on demand. */
function FactsCard({ versionId, facts }: { versionId: string; facts: Fact[] }) {
  const [declaring, setDeclaring] = useState(false);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const history = useFactHistory(versionId, historyOf);
  return (
    <Card withBorder mb="md">
      <Group justify="space-between" mb="sm">
        <Title order={3}>Facts</Title>
        <Button size="xs" onClick={() => setDeclaring(true)}>
          Declare a fact
        </Button>
      </Group>
      <DataTable label="Facts" columns={FACT_COLUMNS} withActions minWidth={900}>
        <FactRows facts={facts} onHistory={setHistoryOf} />
      </DataTable>
      {facts.length === 0 && (
        <Text c="dimmed" size="sm" mt="sm">
          No facts declared yet.
        </Text>
      )}
      <Modal opened={declaring} onClose={() => setDeclaring(false)} title="Declare a fact" size="lg">
        <FactForm versionId={versionId} onDone={() => setDeclaring(false)} />
      </Modal>
      <Modal opened={historyOf !== null} onClose={() => setHistoryOf(null)} title={`History of ${historyOf ?? ''}`} size="xl">
        {history.isError && <Alert color="red">{describeError(history.error)}</Alert>}
        <DataTable label="Fact history" columns={FACT_COLUMNS} minWidth={900}>
          <FactRows facts={[...(history.data?.items ?? [])].reverse()} />
        </DataTable>
      </Modal>
    </Card>
  );
}

/** "Is my model covered?": every rule set's answer on the declared facts, and the way to ask the authority. */
function CoverageCard({ versionId }: { versionId: string }) {
  const { results, error } = useRuleSetResults(versionId);
  const [asking, setAsking] = useState(false);
  const [asked, setAsked] = useState(false);
  return (
    <Card withBorder mb="md">
      <Group justify="space-between" mb="xs">
        <Title order={3}>Is this model covered?</Title>
        <Button size="xs" onClick={() => setAsking(true)}>
          Ask whether it is covered
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        What each transparent rule set says about the declared facts. These results propose; the designating authority's analysts answer an inquiry. The
        authority's own criteria are classified and never stored here.
      </Text>
      {asked && (
        <Alert color="blue" mb="sm">
          Your inquiry is recorded and sent to the designating authority.
        </Alert>
      )}
      {error && <Alert color="red">{describeError(error)}</Alert>}
      {results && <RuleSetResults results={results} />}
      <Modal opened={asking} onClose={() => setAsking(false)} title="Ask whether this model is covered" size="lg">
        <InquiryForm
          versionId={versionId}
          onDone={() => {
            setAsking(false);
            setAsked(true);
          }}
        />
      </Modal>
    </Card>
  );
}

/** One model version: release plan, facts with history, rule-set results, the designation outcome, and access planning. */
export function VersionPage() {
  const { versionId = '' } = useParams();
  const version = useVersion(versionId);
  const existingPlan = usePlanOfVersion(versionId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const plan = useMutation({
    mutationFn: () => accessCalls.createPlan({ versionId }),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: [accessKey] });
      void navigate(`/frontier/plans/${p.id}`);
    },
    onError: (e) => notifyError(e),
  });
  if (version.isPending) return <Text>Loading…</Text>;
  if (version.isError) return <Alert color="red">{describeError(version.error)}</Alert>;
  const v = version.data;
  return (
    <>
      <PageHeader
        title={`${v.model.name} ${v.version}`}
        description={`Release channels: ${v.releaseChannels.join(', ') || 'none recorded'}`}
        action={
          existingPlan ? (
            <Button component={Link} to={`/frontier/plans/${existingPlan.id}`} variant="light">
              Open the access plan
            </Button>
          ) : (
            <Button loading={plan.isPending} onClick={() => plan.mutate()}>
              Plan access
            </Button>
          )
        }
      />
      <Text size="sm" mb="md">
        Model:{' '}
        <Anchor component={Link} to={`/frontier/models/${v.modelId}`}>
          {v.model.name}
        </Anchor>{' '}
        · Planned release to trusted partners: <DateTime value={v.plannedTrustedPartnerRelease} empty="not recorded" /> · Planned public release:{' '}
        <DateTime value={v.plannedGeneralRelease} empty="not recorded" />
      </Text>
      <DesignationCard versionId={versionId} />
      <CoverageCard versionId={versionId} />
      <FactsCard versionId={versionId} facts={v.facts} />
      <CheckpointsCard versionId={versionId} />
      <LineageCard versionId={versionId} />
    </>
  );
}
