import { Button, Group, Input, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { type Attestation, type AttestationBody, STATUS_LABELS, standardsCalls, standardsKey, useCatalogues } from './standardsApi';

const fields = ['/practiceId', '/status', '/evidence', '/expiresAt', '/statement'] as const;
type Evidence = NonNullable<AttestationBody['evidence']>[number];
const EVIDENCE_KINDS: { value: Evidence['kind']; label: string }[] = [
  { value: 'link', label: 'Link (https)' },
  { value: 'document', label: 'Document reference' },
  { value: 'assessment', label: 'Assessment engagement id' },
];

/** A date field's value as the API's date-time (midnight UTC), or '' for the server to name. */
const isoDay = (day: string) => (day ? new Date(`${day}T00:00:00Z`).toISOString() : '');

/**
 * Attests a practice for the caller's organisation, or changes an attestation (docs/ui-forms.md):
 * the server checks evidence against the practice and names every bad field.
 */
export function AttestationForm({ existing, onDone }: { existing?: Attestation; onDone: () => void }) {
  const queryClient = useQueryClient();
  const catalogues = useCatalogues();
  const current = catalogues.data?.items.find((c) => c.current);
  const { errors, report, clear } = useFieldErrors(fields);
  const [practiceId, setPracticeId] = useState<string | null>(existing?.practiceId ?? null);
  const [status, setStatus] = useState<string | null>(existing?.status ?? 'implemented');
  const [evidence, setEvidence] = useState<Evidence[]>(existing?.evidence.map((e) => ({ kind: e.kind, ref: e.ref })) ?? []);
  const [expiresAt, setExpiresAt] = useState(existing ? existing.expiresAt.slice(0, 10) : '');
  const [statement, setStatement] = useState(existing?.statement ?? '');
  const practice = current?.practices.find((p) => p.id === practiceId);
  const save = useMutation({
    mutationFn: () => {
      const claim = { status: (status ?? '') as Attestation['status'], evidence, expiresAt: isoDay(expiresAt), ...(statement ? { statement } : {}) };
      return existing ? standardsCalls.change(existing.id, claim) : standardsCalls.attest({ practiceId: practiceId ?? '', ...claim });
    },
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
  const setRow = (i: number, row: Partial<Evidence>) => {
    setEvidence((rows) => rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
    clear('/evidence');
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label="Practice"
          required
          disabled={!!existing}
          data={(current?.practices ?? []).map((p) => ({ value: p.id, label: p.title }))}
          value={practiceId}
          onChange={(v) => {
            setPracticeId(v);
            clear('/practiceId');
          }}
          error={errors['/practiceId']}
          description={
            practice
              ? practice.evidenceRequired
                ? 'Evidence is required to attest it implemented or partly implemented.'
                : 'Evidence is optional.'
              : undefined
          }
        />
        <Select
          label="Status"
          required
          data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            clear('/status');
          }}
          error={errors['/status']}
        />
        <Input.Wrapper label="Evidence" error={errors['/evidence']}>
          <Stack gap="xs">
            {evidence.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <Group key={i} align="flex-end" wrap="nowrap">
                <Select
                  aria-label={`Evidence ${i + 1} kind`}
                  data={EVIDENCE_KINDS}
                  value={row.kind}
                  onChange={(v) => setRow(i, { kind: (v ?? 'link') as Evidence['kind'] })}
                  allowDeselect={false}
                  w={220}
                />
                <TextInput
                  aria-label={`Evidence ${i + 1} reference`}
                  value={row.ref}
                  onChange={(e) => setRow(i, { ref: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                <Button variant="subtle" color="red" onClick={() => setEvidence((rows) => rows.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </Group>
            ))}
            <Group>
              <Button variant="light" size="xs" onClick={() => setEvidence((rows) => [...rows, { kind: 'link', ref: '' }])}>
                Add evidence
              </Button>
            </Group>
          </Stack>
        </Input.Wrapper>
        <TextInput
          label="Expires on"
          type="date"
          required
          value={expiresAt}
          onChange={(e) => {
            setExpiresAt(e.currentTarget.value);
            clear('/expiresAt');
          }}
          error={errors['/expiresAt']}
        />
        <Textarea
          label="Statement"
          description="Required when the practice does not apply: say why."
          value={statement}
          onChange={(e) => {
            setStatement(e.currentTarget.value);
            clear('/statement');
          }}
          error={errors['/statement']}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {existing ? 'Save the change' : 'Attest'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
