import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { OneTimeSecret } from './OneTimeSecret';

export interface SecretResult {
  label: string;
  value: string;
  warning: string;
  /** More to say under the secret (an expiry date). */
  note?: ReactNode;
}

interface SecretResultModalProps {
  opened: boolean;
  onClose: () => void;
  /** Clears the form and the secret once the dialog has finished closing. */
  onReset: () => void;
  title: string;
  resultTitle: string;
  /** The created secret; while `null` the dialog shows the form (`children`). */
  result: SecretResult | null;
  children: ReactNode;
}

/**
 * A dialog that creates something with a form and then shows its secret once (API token,
 * webhook signing secret, invitation link). The secret is dropped when the dialog closes.
 */
export function SecretResultModal({ opened, onClose, onReset, title, resultTitle, result, children }: SecretResultModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={onReset} title={result ? resultTitle : title} size="lg">
      {result ? (
        <Stack>
          <OneTimeSecret label={result.label} value={result.value} warning={result.warning} />
          {result.note}
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        children
      )}
    </Modal>
  );
}
