import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Alert, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Navigate, useParams } from 'react-router';
import { describeError } from '../../../api/problem';
import { useCurrentSession } from '../../../api/session';
import { PageHeader } from '../../../components/PageHeader';
import { type Scorecard, useScorecard } from './standardsApi';

/** Shown for a figure AISC does not track yet: never a made-up zero. */
function NotTracked() {
  return (
    <Text c="dimmed" fs="italic">
      Not tracked yet
    </Text>
  );
}

/** One figure; `untracked` when its source is not tracked yet, else a null value means "none to measure". */
function Figure({ label, value, untracked = false }: { label: string; value: number | null | undefined; untracked?: boolean }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {untracked ? (
        <NotTracked />
      ) : value === null || value === undefined ? (
        <Text fz="xl" c="dimmed">
          —
        </Text>
      ) : (
        <Text fz="xl" fw={700}>
          {value}
        </Text>
      )}
    </Card>
  );
}

/** `/frontier/scorecard`: the caller's own organisation's scorecard. */
export function OwnScorecardPage() {
  const session = useCurrentSession();
  return <Navigate to={`/frontier/scorecards/${session.user.organisationId}`} replace />;
}

function Charts({ s }: { s: Scorecard }) {
  const p = s.participation;
  const donut = [
    { name: 'Implemented', value: p.implemented, color: 'green.7' },
    { name: 'Partly implemented', value: p.partial, color: 'teal.5' },
    { name: 'Planned', value: p.planned, color: 'blue.5' },
    { name: 'Not applicable', value: p.notApplicable, color: 'gray.5' },
    { name: 'Expired or not attested', value: p.notAttested, color: 'red.4' },
  ].filter((d) => d.value > 0);
  const versions = s.preReleaseAccess.versions.map((v) => ({
    version: v.versionId.slice(0, 8),
    'Lead time (days)': v.leadTimeDays,
    'Effective access (days)': v.effectiveAccessDays,
  }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={3} mb="sm">
          Practices attested
        </Title>
        {p.practices === 0 ? (
          <Text c="dimmed">No practices in the catalogue.</Text>
        ) : (
          <Group align="center" gap="xl">
            <DonutChart data={donut} chartLabel={`${Math.round(p.rate * 100)} %`} withTooltip aria-label="Practices by attestation status" />
            <Stack gap={2}>
              {donut.map((d) => (
                <Text key={d.name} size="sm">
                  {d.name}: <b>{d.value}</b>
                </Text>
              ))}
            </Stack>
          </Group>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} mb="sm">
          Pre-release access per designated version
        </Title>
        {versions.length === 0 ? (
          <Text c="dimmed">No designated versions.</Text>
        ) : (
          <BarChart
            h={Math.max(200, 40 * versions.length)}
            data={versions}
            dataKey="version"
            orientation="vertical"
            yAxisProps={{ width: 100 }}
            series={[
              { name: 'Lead time (days)', color: 'blue.6' },
              { name: 'Effective access (days)', color: 'teal.6' },
            ]}
            withLegend
            aria-label="Lead time and effective access days per designated version"
          />
        )}
      </Card>
    </SimpleGrid>
  );
}

/** A developer's own scorecard (the developer and the clearinghouse only): participation, access windows, access kinds, and what is not tracked yet. */
export function ScorecardPage() {
  const { organisationId = '' } = useParams();
  const scorecard = useScorecard(organisationId);
  if (scorecard.isPending) return <Text>Loading…</Text>;
  if (scorecard.isError) return <Alert color="red">{describeError(scorecard.error)}</Alert>;
  const s = scorecard.data;
  const a = s.preReleaseAccess;
  return (
    <>
      <PageHeader
        title="Scorecard"
        description="Your voluntary record: shown to your organisation and the clearinghouse only. The public sees aggregates across developers, never this page."
      />
      <Stack>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Figure label="Attestations current" value={s.participation.current} />
          <Figure label="Designated versions" value={a.designatedVersions} />
          <Figure label="Median lead time (days)" value={a.medianLeadTimeDays} />
          <Figure label="Median effective access, released (days)" value={a.medianEffectiveAccessDays} />
          <Figure label="Windows met" value={a.met} />
          <Figure label="Windows late or not provided" value={a.late + a.notProvided} />
          <Figure label="Third-party assessments completed" value={s.thirdPartyAssessments?.completed} untracked={s.thirdPartyAssessments === null} />
          <Figure label="Findings mitigated before release" value={s.findings?.mitigatedBeforeRelease} untracked={s.findings === null} />
          <Figure label="Incidents reported" value={s.incidents?.reported} untracked={s.incidents === null} />
        </SimpleGrid>
        <Charts s={s} />
        <Card withBorder>
          <Title order={3} mb="sm">
            Access kinds given
          </Title>
          {s.accessKinds.length === 0 ? (
            <Text c="dimmed">None recorded.</Text>
          ) : (
            <BarChart
              h={Math.max(160, 36 * s.accessKinds.length)}
              data={s.accessKinds.map((k) => ({ kind: k.kind, Versions: k.versions }))}
              dataKey="kind"
              orientation="vertical"
              yAxisProps={{ width: 200 }}
              series={[{ name: 'Versions', color: 'indigo.6' }]}
              aria-label="Designated versions per access kind given"
            />
          )}
        </Card>
      </Stack>
    </>
  );
}
