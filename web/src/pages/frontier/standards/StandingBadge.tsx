import { Badge } from '@mantine/core';

/** Whether an attestation still stands: computed by the server from its expiry date when read. */
export function StandingBadge({ standing }: { standing: 'current' | 'expired' }) {
  return standing === 'expired' ? <Badge color="red">Expired</Badge> : <Badge color="teal">Current</Badge>;
}

/** The clearinghouse's review of an attestation, or none yet. */
export function ReviewBadge({ review }: { review: { decision: 'accepted' | 'questioned' } | null }) {
  if (!review)
    return (
      <Badge color="gray" variant="light">
        Not reviewed
      </Badge>
    );
  return review.decision === 'accepted' ? (
    <Badge color="green" variant="light">
      Accepted
    </Badge>
  ) : (
    <Badge color="orange" variant="light">
      Questioned
    </Badge>
  );
}
