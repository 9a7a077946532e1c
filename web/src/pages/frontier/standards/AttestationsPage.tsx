import { Anchor, Button, Group, Modal, Table } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentSession } from '../../../api/session';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ListState } from '../../../components/ListState';
import { PageHeader } from '../../../components/PageHeader';
import { Pager, usePaging } from '../../../components/Paging';
import { AttestationForm } from './AttestationForm';
import { ReviewForm } from './ReviewForm';
import { ReviewBadge, StandingBadge } from './StandingBadge';
import { type Attestation, STATUS_LABELS, useAttestations } from './standardsApi';

/**
 * Attestations the caller may see: its organisation's (which it attests and changes), and for the
 * clearinghouse every organisation's (which its staff review). Expiry is shown as computed now.
 */
export function AttestationsPage() {
  const session = useCurrentSession();
  const paging = usePaging(50);
  const list = useAttestations({ limit: paging.limit, offset: paging.offset });
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<Attestation | null>(null);
  const [reviewing, setReviewing] = useState<Attestation | null>(null);
  const own = session.user.organisationId;
  const staff = session.user.organisation.coordinator && (session.user.role === 'analyst' || session.user.role === 'admin');
  const writer = session.user.role !== 'viewer';
  return (
    <>
      <PageHeader
        title="Attestations"
        description="Voluntary statements per practice, with evidence and an expiry. Your organisation sees its own; the clearinghouse reviews them."
        action={
          writer && (
            <Group>
              <Anchor component={Link} to={`/frontier/scorecards/${own}`}>
                Your scorecard
              </Anchor>
              <Button onClick={() => setAdding(true)}>Attest a practice</Button>
            </Group>
          )
        }
      />
      <ListState query={list} empty="No attestations yet.">
        {(page) => (
          <>
            <DataTable label="Attestations" columns={['Practice', 'Organisation', 'Status', 'Standing', 'Expires', 'Review']} withActions minWidth={950}>
              {page.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.practiceId}</Table.Td>
                  <Table.Td>
                    {a.organisationId === own ? (
                      'Yours'
                    ) : (
                      <Anchor component={Link} to={`/frontier/scorecards/${a.organisationId}`}>
                        {a.organisationId.slice(0, 8)}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{STATUS_LABELS[a.status]}</Table.Td>
                  <Table.Td>
                    <StandingBadge standing={a.standing} />
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={a.expiresAt} />
                  </Table.Td>
                  <Table.Td>
                    <ReviewBadge review={a.review} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      {writer && a.organisationId === own && (
                        <Button size="xs" variant="light" onClick={() => setChanging(a)}>
                          Change
                        </Button>
                      )}
                      {staff && (
                        <Button size="xs" variant="light" onClick={() => setReviewing(a)}>
                          Review
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Pager page={paging.page} onChange={paging.setPage} total={page.total} pageSize={paging.limit} noun="attestations" />
          </>
        )}
      </ListState>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Attest a practice" size="lg">
        <AttestationForm onDone={() => setAdding(false)} />
      </Modal>
      <Modal opened={changing !== null} onClose={() => setChanging(null)} title="Change an attestation" size="lg">
        {changing && <AttestationForm existing={changing} onDone={() => setChanging(null)} />}
      </Modal>
      <Modal opened={reviewing !== null} onClose={() => setReviewing(null)} title="Review an attestation">
        {reviewing && <ReviewForm attestationId={reviewing.id} onDone={() => setReviewing(null)} />}
      </Modal>
    </>
  );
}
