import { Badge, Button, Card, Group, Select, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../api/problem';
import { DataTable } from '../../components/DataTable';
import { OrganisationName } from '../../components/OrganisationName';
import { useStatements, type CaseDetail, type Vulnerability } from './caseApi';
import { useCaseAction } from './useCaseAction';

const STATUSES = ['affected', 'not_affected', 'under_investigation', 'fixed'];
const JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
];

/** A vendor's statement on one vulnerability (the VEX vocabulary). */
function StatementForm({ caseId, v }: { caseId: string; v: Vulnerability }) {
  const act = useCaseAction(caseId);
  const [status, setStatus] = useState<string | null>(null);
  const [justification, setJustification] = useState<string | null>(null);
  const [fixed, setFixed] = useState('');
  const save = () =>
    act.mutate({
      path: `/vulnerabilities/${v.id}/statement`,
      body: {
        status,
        ...(status === 'not_affected' ? { justification } : {}),
        ...(status === 'fixed' ? { fixedVersions: fixed.split(/[\s,]+/).filter(Boolean) } : {}),
      },
    });
  return (
    <Group align="flex-end">
      <Select label={`Status for ${v.title}`} data={STATUSES} value={status} onChange={setStatus} w={220} />
      {status === 'not_affected' && <Select label="Justification" data={JUSTIFICATIONS} value={justification} onChange={setJustification} w={320} />}
      {status === 'fixed' && <TextInput label="Fixed versions" value={fixed} onChange={(e) => setFixed(e.currentTarget.value)} />}
      <Button disabled={!status} loading={act.isPending} onClick={save}>
        Save statement
      </Button>
      {act.isError && <div role="alert">{describeError(act.error)}</div>}
      {act.isSuccess && <span role="status">Statement saved</span>}
    </Group>
  );
}

/** Vulnerabilities and the statements the caller may see; vendors state theirs, coordinators share them. */
export function StatementsCard({ c, coordinator }: { c: CaseDetail; coordinator: boolean }) {
  const statements = useStatements(c.id);
  const share = useCaseAction(c.id);
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
                <Button size="xs" variant="subtle" onClick={() => share.mutate({ path: `/statements/${s.id}/share` })}>
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
