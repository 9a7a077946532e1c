import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useVocabulary } from '../../../api/session';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { isoOf } from '../access/GrantForm';
import { chosen, oneOf, wordOptions } from '../formChecks';
import { registryCalls, registryKey } from './registryApi';

/** The form declares one fact: the body's `facts[0]` (POST takes a list). */
const F = '/facts/0';
const fields = [`${F}/key`, `${F}/value`, `${F}/unit`, `${F}/method`, `${F}/confidence`, `${F}/source`, `${F}/asOf`, `${F}/benchmarkVersion`] as const;
const EVALUATION = 'evaluations';

/**
 * Declares one fact of a version (docs/ui-forms.md). The unit is the one the registry records the
 * fact in (FACT_SPECS); an evaluation score names its benchmark. A new declaration never
 * overwrites: the previous value stays in the history.
 */
export function FactForm({ versionId, onDone }: { versionId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const vocabulary = useVocabulary();
  const specs = vocabulary.data?.frontier.facts ?? [];
  const { errors, report, clear } = useFieldErrors(fields);
  const [key, setKey] = useState<string | null>(null);
  const [benchmark, setBenchmark] = useState('');
  const [value, setValue] = useState('');
  const [method, setMethod] = useState<string | null>('declared');
  const [confidence, setConfidence] = useState<number | string>('');
  const [source, setSource] = useState('');
  const [asOf, setAsOf] = useState('');
  const [benchmarkVersion, setBenchmarkVersion] = useState('');
  const spec = key === EVALUATION ? { unit: 'score', kind: 'score' } : specs.find((s) => s.key === key);
  const boolean = spec?.kind === 'boolean';
  const save = useMutation({
    mutationFn: () => {
      const c = chosen({ key, method: oneOf(vocabulary.data?.frontier.factMethods, method), value: value.trim() }, F);
      return registryCalls.declareFacts(versionId, {
        facts: [
          {
            key: c.key === EVALUATION ? `${EVALUATION}.${benchmark}` : c.key,
            // Not a number: NaN travels as null and the server names the field.
            value: boolean ? c.value === 'true' : Number(c.value),
            unit: spec?.unit ?? '',
            method: c.method,
            confidence: typeof confidence === 'number' ? confidence : null,
            source,
            asOf: asOf ? isoOf(asOf) : null,
            benchmarkVersion: key === EVALUATION && benchmarkVersion ? benchmarkVersion : null,
          },
        ],
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [registryKey] });
      onDone();
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const keyOptions = [...specs.map((s) => ({ value: s.key, label: s.label })), { value: EVALUATION, label: 'Evaluation score (named benchmark)' }];
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label="Fact"
          required
          data={keyOptions}
          value={key}
          onChange={(v) => {
            setKey(v);
            setValue('');
            clear(`${F}/key`);
          }}
          error={errors[`${F}/key`]}
        />
        {key === EVALUATION && (
          <SimpleGrid cols={2}>
            <TextInput label="Benchmark" required value={benchmark} onChange={(e) => setBenchmark(e.currentTarget.value)} />
            <TextInput
              label="Benchmark version"
              value={benchmarkVersion}
              onChange={(e) => {
                setBenchmarkVersion(e.currentTarget.value);
                clear(`${F}/benchmarkVersion`);
              }}
              error={errors[`${F}/benchmarkVersion`]}
            />
          </SimpleGrid>
        )}
        {boolean ? (
          <Select
            label="Value"
            required
            data={[
              { value: 'true', label: 'yes' },
              { value: 'false', label: 'no' },
            ]}
            value={value || null}
            onChange={(v) => {
              setValue(v ?? '');
              clear(`${F}/value`);
            }}
            error={errors[`${F}/value`]}
          />
        ) : (
          <TextInput
            label="Value"
            description={spec ? `in ${spec.unit}; 1.2e25 is fine` : undefined}
            required
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              clear(`${F}/value`);
            }}
            error={errors[`${F}/value`] ?? errors[`${F}/unit`]}
          />
        )}
        <SimpleGrid cols={2}>
          <Select
            label="Method"
            required
            data={wordOptions(vocabulary.data?.frontier.factMethods)}
            value={method}
            onChange={(v) => {
              setMethod(v);
              clear(`${F}/method`);
            }}
            error={errors[`${F}/method`]}
          />
          <NumberInput
            label="Confidence (0–1)"
            min={0}
            max={1}
            step={0.05}
            decimalScale={2}
            value={confidence}
            onChange={(v) => {
              setConfidence(v);
              clear(`${F}/confidence`);
            }}
            error={errors[`${F}/confidence`]}
          />
          <TextInput
            label="Source"
            value={source}
            onChange={(e) => {
              setSource(e.currentTarget.value);
              clear(`${F}/source`);
            }}
            error={errors[`${F}/source`]}
          />
          <TextInput
            label="As of"
            type="datetime-local"
            value={asOf}
            onChange={(e) => {
              setAsOf(e.currentTarget.value);
              clear(`${F}/asOf`);
            }}
            error={errors[`${F}/asOf`]}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Record the fact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
