import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { engagementCalls, engagementKey, MOVE_LABELS, type RemediationBody } from './engagementApi';

const moveFields = ['/reason', '/summary'] as const;
const remediationFields = ['/note', '/evidence'] as const;

/** A move that carries text: withdrawing (a reason) or publishing (the public summary). */
export function EngagementTextMove({ engagementId, event, onDone }: { engagementId: string; event: 'withdraw' | 'publish_summary'; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(moveFields);
  const [text, setText] = useState('');
  const field = event === 'withdraw' ? '/reason' : '/summary';
  const save = useMutation({
    mutationFn: () => engagementCalls.move(engagementId, event === 'withdraw' ? { event, reason: text } : { event, summary: text }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [engagementKey] });
      onDone();
    },
    onError: report,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={event === 'withdraw' ? 'Why is the engagement withdrawn?' : 'The public summary'}
          required
          autosize
          minRows={3}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            clear(field);
          }}
          error={errors[field]}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} color={event === 'withdraw' ? 'red' : undefined}>
            {MOVE_LABELS[event]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const REMEDIATION_LABELS: Record<string, string> = {
  mitigate: 'Mitigated before release',
  accept: 'Accept the risk',
  dispute: 'Dispute',
  reopen: 'Reopen',
};
export const remediationLabel = (event: string) => REMEDIATION_LABELS[event] ?? event;

/** The developer answers a finding (or the assessor reopens it), with a note and evidence. */
export function RemediationForm({
  engagementId,
  findingId,
  event,
  onDone,
}: {
  engagementId: string;
  findingId: string;
  event: RemediationBody['event'];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(remediationFields);
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const save = useMutation({
    mutationFn: () =>
      engagementCalls.remediate(engagementId, findingId, {
        event,
        note,
        evidence: evidence
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [engagementKey] });
      onDone();
    },
    onError: report,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label="Note"
          required
          autosize
          minRows={2}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            clear('/note');
          }}
          error={errors['/note']}
        />
        <Textarea
          label="Evidence references (one per line)"
          autosize
          minRows={2}
          value={evidence}
          onChange={(e) => {
            setEvidence(e.currentTarget.value);
            clear('/evidence');
          }}
          error={errors['/evidence']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {remediationLabel(event)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
