import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { registryKey } from '../registry/registryApi';
import { inquiryCalls, inquiryKey } from './inquiryApi';

const fields = ['/versionId', '/question'] as const;

/** Asks the designating authority whether a version is covered (docs/ui-forms.md). */
export function InquiryForm({ versionId, onDone }: { versionId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(fields);
  const [question, setQuestion] = useState('');
  const ask = useMutation({
    mutationFn: () => inquiryCalls.open({ versionId, question }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === registryKey || q.queryKey[0] === inquiryKey });
      onDone();
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label="Your question"
          description="What the authority's analysts should know: release plans, the facts you are unsure of."
          required
          autosize
          minRows={3}
          value={question}
          onChange={(e) => {
            setQuestion(e.currentTarget.value);
            clear('/question');
          }}
          error={errors['/question'] ?? errors['/versionId']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={ask.isPending}>
            Send the inquiry
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
