import { Autocomplete, Button, Group, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { AuditFilter } from '../../api/audit';
import { useVocabulary } from '../../api/session';

/** Record types of the platform core; event types (`organisation.created`) add later ones. */
const coreRecordTypes = ['organisation', 'user', 'api_token', 'webhook', 'webhook_delivery', 'note'];

/** The record type and id to show the audit trail of; applied on submit. */
export function AuditFilterForm({ value, onApply }: { value: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  const eventTypes = useVocabulary().data?.eventTypes;
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);

  const recordTypes = useMemo(() => [...new Set([...coreRecordTypes, ...(eventTypes ?? []).map((type) => type.split('.')[0] ?? type)])].sort(), [eventTypes]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ recordType: draft.recordType.trim(), recordId: draft.recordId.trim() });
  };

  return (
    <form onSubmit={submit} aria-label="Filter the audit trail">
      <Group align="flex-end" mb="md" wrap="wrap">
        <Autocomplete
          label="Record type"
          placeholder="Any"
          data={recordTypes}
          value={draft.recordType}
          onChange={(recordType) => setDraft((d) => ({ ...d, recordType }))}
          w={220}
        />
        <TextInput
          label="Record id"
          placeholder="Any"
          value={draft.recordId}
          onChange={(e) => {
            const recordId = e.currentTarget.value;
            setDraft((d) => ({ ...d, recordId }));
          }}
          w={320}
          spellCheck={false}
        />
        <Button type="submit">Filter</Button>
        <Button variant="default" onClick={() => onApply({ recordType: '', recordId: '' })}>
          Clear filter
        </Button>
      </Group>
    </form>
  );
}
