import { Anchor, Badge, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail, Vulnerability } from './caseApi';

/** One vulnerability's technical details, as its report gives them (ADR 0031). */
function VulnerabilityDetails({ v }: { v: Vulnerability }) {
  return (
    <Stack gap={4} aria-label={`Vulnerability: ${v.title}`} role="group">
      <Text fw={600}>{v.title}</Text>
      <Group gap="xs">
        {v.cwe && <Badge variant="outline">{v.cwe}</Badge>}
        {v.severity && (
          <Badge color="orange">
            {v.severity}
            {v.cvss?.score != null ? ` ${v.cvss.score}` : ''}
          </Badge>
        )}
        {v.ssvc && <Badge color="grape">SSVC: {v.ssvc.decision}</Badge>}
      </Group>
      {v.product && (
        <Text size="sm">
          Affected product: <Code>{v.product}</Code>
          {v.affectedVersions.length > 0 && <> · versions {v.affectedVersions.join(', ')}</>}
        </Text>
      )}
      {v.cvss && (
        <Text size="sm">
          CVSS: <Code>{v.cvss.vector}</Code>
        </Text>
      )}
      {v.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {v.description}
        </Text>
      )}
      {v.proofOfConcept.map((a) => (
        <Anchor key={a.id} size="sm" href={`/api/findings/attachments/${a.id}`}>
          Proof of concept: {a.name} ({a.size} bytes, TLP:RED)
        </Anchor>
      ))}
    </Stack>
  );
}

/** What the case is about: each vulnerability the caller may see, with its details and the PoCs it may download. */
export function VulnerabilitiesCard({ c }: { c: CaseDetail }) {
  return (
    <Card withBorder mb="md">
      <Title order={3} mb="sm">
        What is affected
      </Title>
      <Stack>
        {c.vulnerabilities.map((v) => (
          <VulnerabilityDetails key={v.id} v={v} />
        ))}
        {c.vulnerabilities.length === 0 && <Text c="dimmed">No vulnerabilities recorded.</Text>}
      </Stack>
    </Card>
  );
}
