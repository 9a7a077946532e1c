import { Button, Group, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { standardsCalls, standardsKey } from './standardsApi';

const fields = ['/decision', '/comment'] as const;

/** The clearinghouse's review of an attestation: accepted, or questioned with a comment (docs/ui-forms.md). */
export function ReviewForm({ attestationId, onDone }: { attestationId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(fields);
  const [decision, setDecision] = useState<'accepted' | 'questioned'>('accepted');
  const [comment, setComment] = useState('');
  const save = useMutation({
    mutationFn: () => standardsCalls.review(attestationId, { decision, ...(comment ? { comment } : {}) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [standardsKey] });
      onDone();
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SegmentedControl
          aria-label="Decision"
          value={decision}
          onChange={(v) => setDecision(v as 'accepted' | 'questioned')}
          data={[
            { value: 'accepted', label: 'Accept' },
            { value: 'questioned', label: 'Question' },
          ]}
        />
        <Textarea
          label="Comment"
          description="Required when questioning."
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            clear('/comment');
          }}
          error={errors['/comment'] ?? errors['/decision']}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Record the review
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
