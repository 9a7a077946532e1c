import { Badge, Card, Group, Text, Title } from '@mantine/core';
import { DateTime } from '../../components/DateTime';
import type { ReportCase } from './api';

/** What each case state means to the finder (domain/cases/case-states.ts). */
const MEANING: Record<string, string> = {
  open: 'A coordination case is open; no vendor has been told yet.',
  coordinating: 'The affected vendors have been told and are working on it.',
  embargoed: 'A public date is agreed; until then the finding stays confidential.',
  scheduled: 'The advisory is written and will be published on the agreed date.',
  disclosed: 'The vulnerability is public.',
  closed: 'The case is closed.',
};

/** The finder's view of the case its report is in: its status and public date, never who takes part. */
export function ReportCaseStatus({ c }: { c: ReportCase | null }) {
  return (
    <Card withBorder mb="md" aria-label="Coordination case">
      <Title order={4} mb="xs">
        Coordination case
      </Title>
      {c ? (
        <>
          <Group gap="xs" mb="xs">
            <Text>Case status:</Text>
            <Badge>{c.state}</Badge>
          </Group>
          <Text size="sm" mb="xs">
            {MEANING[c.state] ?? ''}
          </Text>
          <Text size="sm">
            Public date: <DateTime value={c.publicAt} empty="not agreed yet" />
          </Text>
          {c.publishedAt && (
            <Text size="sm">
              Published: <DateTime value={c.publishedAt} />
            </Text>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Not in a coordination case yet.
        </Text>
      )}
    </Card>
  );
}
