import { Alert, Button, Group, Modal, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { DateTime } from './DateTime';

/** What the API wants to end an agreed embargo early (src/domain/cases/early-disclosure.ts). */
export interface EarlyDisclosureBody {
  confirmEmbargoEnd?: string;
  reason?: string;
}

/** An agreed embargo still running: its date, else null (a proposal binds nobody). */
export function agreedEmbargoEnd(embargo: { state: string; publicAt: string | null } | undefined): string | null {
  if (!embargo || (embargo.state !== 'active' && embargo.state !== 'revise') || !embargo.publicAt) return null;
  return Date.parse(embargo.publicAt) > Date.now() ? embargo.publicAt : null;
}

/**
 * The confirmation before "Publish now" / "Disclose now" (issue 9 item 18). Under an agreed
 * embargo it names the agreed date, asks why, and sends both: the server refuses without
 * them, records the reason and tells every participant. Otherwise a plain confirmation.
 */
export function EarlyDisclosureModal(props: {
  opened: boolean;
  onClose: () => void;
  /** "Publish now" or "Disclose now". */
  action: string;
  /** What is made public, for the question. */
  subject: string;
  agreed: string | null;
  pending: boolean;
  onConfirm: (body: EarlyDisclosureBody) => void;
}) {
  const [reason, setReason] = useState('');
  const { agreed } = props;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={agreed ? 'End the agreed embargo early?' : `${props.action}?`}>
      {agreed ? (
        <>
          <Alert
            color="orange"
            mb="sm"
            title={
              <>
                Embargo agreed until <DateTime value={agreed} />
              </>
            }
          >
            Every participant agreed to keep {props.subject} private until <DateTime value={agreed} />. {props.action} ends that embargo early: the case is
            disclosed and every participant is told, with your reason.
          </Alert>
          <Textarea
            label="Reason"
            description="Recorded in the audit trail and sent to every participant"
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        </>
      ) : (
        <Text>
          {props.action}: {props.subject} becomes public at once.
        </Text>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
        <Button
          color={agreed ? 'orange' : undefined}
          disabled={agreed !== null && !reason.trim()}
          loading={props.pending}
          onClick={() => props.onConfirm(agreed ? { confirmEmbargoEnd: agreed, reason: reason.trim() } : {})}
        >
          {agreed ? `End the embargo: ${props.action.toLowerCase()}` : props.action}
        </Button>
      </Group>
    </Modal>
  );
}
