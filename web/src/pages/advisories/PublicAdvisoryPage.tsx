import { Alert, Anchor, Badge, Code, Container, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { Schema } from '../../api/client';
import { describeError } from '../../api/problem';
import { DateTime } from '../../components/DateTime';
import { usePublicAdvisory, type OsvDocument } from './advisoryApi';

const rangeText = (events: readonly Schema<'OsvEvent'>[]) =>
  events
    .map((e) =>
      Object.entries(e)
        .map(([k, v]) => `${k} ${v}`)
        .join(''),
    )
    .join(', ');

/** OSV `database_specific.cwe_ids` (free-form by the OSV schema, so checked here). */
function cweIdsOf(osv: OsvDocument): string[] {
  const ids = osv.database_specific?.cwe_ids;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function Affected({ osv }: { osv: OsvDocument }) {
  return (
    <List>
      {(osv.affected ?? []).map((a) => (
        // an affected entry has no id of its own; its content tells it from its siblings
        <List.Item key={JSON.stringify(a)}>
          <Code>{a.package ? `${a.package.ecosystem}/${a.package.name}` : 'product'}</Code> {(a.ranges ?? []).map((r) => rangeText(r.events)).join('; ')}
          {a.versions?.length ? ` (${a.versions.length} versions listed)` : ''}
        </List.Item>
      ))}
    </List>
  );
}

/** `/advisories/:id`: one published advisory with its downloads in every open format. No sign-in needed. */
export function PublicAdvisoryPage() {
  const { id = '' } = useParams();
  const advisory = usePublicAdvisory(id);
  if (advisory.isPending) return <Loader m="xl" aria-label="Loading" />;
  if (advisory.isError)
    return (
      <Alert color="red" m="xl">
        {describeError(advisory.error)}
      </Alert>
    );
  const a = advisory.data;
  const osv = a.osv!;
  const cweIds = cweIdsOf(osv);
  const path = `/api/advisories/${encodeURIComponent(a.id)}`;
  return (
    <Container size="lg" py="lg">
      <Stack>
        <Group>
          <Title order={1}>{a.id}</Title>
          {a.state === 'withdrawn' && <Badge color="gray">withdrawn</Badge>}
          <Badge variant="light">TLP:{a.marking.tlp}</Badge>
        </Group>
        {a.state === 'withdrawn' && (
          <Alert color="gray" title="Withdrawn">
            This advisory was withdrawn on <DateTime value={a.withdrawnAt} /> and is kept for reference.
          </Alert>
        )}
        <Title order={2}>{a.title}</Title>
        <Text size="sm" c="dimmed">
          Published <DateTime value={a.publishedAt} />, revision {a.revision}, modified <DateTime value={a.modifiedAt} />
          {osv.aliases?.length ? ` · also known as ${osv.aliases.join(', ')}` : ''}
        </Text>
        {osv.details && <Text style={{ whiteSpace: 'pre-wrap' }}>{osv.details}</Text>}
        {osv.severity?.length ? (
          <Text>
            Severity:{' '}
            {osv.severity.map((s) => (
              <Code key={s.score}>{s.score}</Code>
            ))}
          </Text>
        ) : null}
        {cweIds.length ? <Text>Weaknesses: {cweIds.join(', ')}</Text> : null}
        <Title order={3}>Affected</Title>
        <Affected osv={osv} />
        {osv.credits?.length ? (
          <>
            <Title order={3}>Credits</Title>
            <List>
              {osv.credits.map((c) => (
                <List.Item key={c.name}>
                  {c.name}
                  {c.type ? ` (${c.type.toLowerCase()})` : ''}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
        {osv.references?.length ? (
          <>
            <Title order={3}>References</Title>
            <List>
              {osv.references.map((r) => (
                <List.Item key={r.url}>
                  <Anchor href={r.url} rel="noreferrer">
                    {r.url}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
        <Group>
          <Anchor href={`/v1/vulns/${encodeURIComponent(a.id)}`}>OSV</Anchor>
          <Anchor href={`${path}/csaf`}>CSAF 2.0</Anchor>
          {a.cveId && <Anchor href={`${path}/cve5`}>CVE JSON 5</Anchor>}
          <Anchor href={`${path}/stix`}>STIX 2.1</Anchor>
        </Group>
      </Stack>
    </Container>
  );
}
