import { Button, Group, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { registryKey } from '../registry/registryApi';
import { reviewCalls, reviewKey } from './reviewApi';

const fields = ['/outcome', '/basis', '/rationale', '/rationaleSummary', '/rationaleVisibility'] as const;

type Outcome = 'designated' | 'not_designated' | 'deferred';
type Visibility = 'full' | 'summary' | 'none';

const VISIBILITY: { value: Visibility; label: string; description: string }[] = [
  { value: 'full', label: 'Full', description: 'The developer sees the whole rationale.' },
  { value: 'summary', label: 'Summary', description: 'The developer sees only the summary below.' },
  { value: 'none', label: 'None', description: 'The developer sees the outcome only.' },
];

/**
 * The authority decision of a cleared analyst (docs/ui-forms.md): outcome, the (possibly
 * classified) basis, the rationale, a summary for the developer, and how much of the rationale
 * the developer sees. The basis never leaves the review.
 */
export function DecisionForm({ reviewId }: { reviewId: string }) {
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(fields);
  const [outcome, setOutcome] = useState<Outcome>('designated');
  const [basis, setBasis] = useState('');
  const [rationale, setRationale] = useState('');
  const [summary, setSummary] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('summary');
  const decide = useMutation({
    mutationFn: () => reviewCalls.decide(reviewId, { outcome, basis, rationale, rationaleSummary: summary || null, rationaleVisibility: visibility }),
    onSuccess: () => void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === reviewKey || q.queryKey[0] === registryKey }),
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Authority decision">
      <Stack>
        <div>
          <Text size="sm" fw={500} mb={4} id="decision-outcome">
            Outcome
          </Text>
          <SegmentedControl
            aria-labelledby="decision-outcome"
            data={[
              { value: 'designated', label: 'Designate' },
              { value: 'not_designated', label: 'Do not designate' },
              { value: 'deferred', label: 'Ask for evidence' },
            ]}
            value={outcome}
            onChange={(v) => {
              setOutcome(v === 'not_designated' || v === 'deferred' ? v : 'designated');
              clear('/outcome');
            }}
          />
          {errors['/outcome'] && (
            <Text c="red" size="xs">
              {errors['/outcome']}
            </Text>
          )}
        </div>
        <Textarea
          label="Basis"
          description="Classified: the evaluation run and the criteria met. It stays in the review."
          required
          autosize
          minRows={2}
          value={basis}
          onChange={(e) => {
            setBasis(e.currentTarget.value);
            clear('/basis');
          }}
          error={errors['/basis']}
        />
        <Textarea
          label="Rationale"
          required
          autosize
          minRows={3}
          value={rationale}
          onChange={(e) => {
            setRationale(e.currentTarget.value);
            clear('/rationale');
          }}
          error={errors['/rationale']}
        />
        <Textarea
          label="Summary for the developer"
          autosize
          minRows={2}
          value={summary}
          onChange={(e) => {
            setSummary(e.currentTarget.value);
            clear('/rationaleSummary');
          }}
          error={errors['/rationaleSummary']}
        />
        <Radio.Group
          label="What the developer sees of the rationale"
          value={visibility}
          onChange={(v) => {
            setVisibility(v === 'full' || v === 'none' ? v : 'summary');
            clear('/rationaleVisibility');
          }}
          error={errors['/rationaleVisibility']}
        >
          <Stack gap={6} mt={6}>
            {VISIBILITY.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} description={o.description} />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button type="submit" loading={decide.isPending}>
            Record the decision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
