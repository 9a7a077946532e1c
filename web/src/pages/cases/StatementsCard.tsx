import { Badge, Button, Card, Group, Select, Table, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useVocabulary, type Vocabulary } from '../../api/session';
import { useFieldErrors } from '../../api/useFieldErrors';
import { DataTable } from '../../components/DataTable';
import { OrganisationName } from '../../components/OrganisationName';
import { type CaseDetail, caseCalls, useStatements, type Vulnerability } from './caseApi';
import { useCaseAction } from './useCaseAction';

const fields = ['/status', '/justification', '/fixedVersions'] as const;

/** A vendor's statement on one vulnerability (the VEX vocabulary). */
function StatementForm({ caseId, v }: { caseId: string; v: Vulnerability }) {
  const vocabulary = useVocabulary().data;
  const { errors, report, clear } = useFieldErrors(fields);
  const act = useCaseAction(report);
  const [status, setStatus] = useState<Vocabulary['vendorStatuses'][number] | null>(null);
  const [justification, setJustification] = useState<Vocabulary['vexJustifications'][number] | null>(null);
  const [fixed, setFixed] = useState('');
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!status) return;
    act.mutate(() =>
      caseCalls.state(caseId, v.id, {
        status,
        ...(status === 'not_affected' && justification ? { justification } : {}),
        ...(status === 'fixed' ? { fixedVersions: fixed.split(/[\s,]+/).filter(Boolean) } : {}),
      }),
    );
  };
  return (
    <form onSubmit={save} noValidate>
      <Group align="flex-start">
        <Select
          label={`Status for ${v.title}`}
          data={vocabulary?.vendorStatuses ?? []}
          value={status}
          onChange={(chosen) => {
            setStatus(vocabulary?.vendorStatuses.find((s) => s === chosen) ?? null);
            clear('/status');
          }}
          error={errors['/status']}
          w={220}
        />
        {status === 'not_affected' && (
          <Select
            label="Justification"
            data={vocabulary?.vexJustifications ?? []}
            value={justification}
            onChange={(chosen) => {
              setJustification(vocabulary?.vexJustifications.find((j) => j === chosen) ?? null);
              clear('/justification');
            }}
            error={errors['/justification']}
            w={320}
          />
        )}
        {status === 'fixed' && (
          <TextInput
            label="Fixed versions"
            value={fixed}
            onChange={(e) => {
              setFixed(e.currentTarget.value);
              clear('/fixedVersions');
            }}
            error={errors['/fixedVersions']}
          />
        )}
        <Button type="submit" disabled={!status} loading={act.isPending} mt={25}>
          Save statement
        </Button>
        {act.isSuccess && <span role="status">Statement saved</span>}
      </Group>
    </form>
  );
}

/** Vulnerabilities and the statements the caller may see; vendors state theirs, coordinators share them. */
export function StatementsCard({ c, coordinator }: { c: CaseDetail; coordinator: boolean }) {
  const statements = useStatements(c.id);
  const share = useCaseAction();
  return (
    <Card withBorder mb="md">
      <Title order={3} mb="sm">
        Vulnerabilities and statements
      </Title>
      {!coordinator && c.vulnerabilities.map((v) => <StatementForm key={v.id} caseId={c.id} v={v} />)}
      <DataTable label="Statements" columns={['Vulnerability', 'Vendor', 'Status', '']} minWidth={700}>
        {(statements.data?.items ?? []).map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{c.vulnerabilities.find((v) => v.id === s.vulnerabilityId)?.title ?? s.vulnerabilityId}</Table.Td>
            <Table.Td>
              <OrganisationName id={s.vendorOrganisationId} />
            </Table.Td>
            <Table.Td>
              <Badge variant="light">{s.status}</Badge> {s.justification ?? ''} {s.fixedVersions.join(', ')}
            </Table.Td>
            <Table.Td>
              {coordinator && !s.shared && (
                <Button size="xs" variant="subtle" onClick={() => share.mutate(() => caseCalls.shareStatement(c.id, s.id))}>
                  Share with all vendors
                </Button>
              )}
              {s.shared && <Badge variant="outline">shared</Badge>}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Card>
  );
}
