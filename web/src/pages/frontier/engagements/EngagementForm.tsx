import { Button, Checkbox, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { toOptions, useVocabulary } from '../../../api/session';
import { OrganisationSelect } from '../../../components/OrganisationSelect';
import { VersionSelect } from '../registry/VersionSelect';
import { type EngagementBody, engagementCalls, engagementKey, words } from './engagementApi';

const fields = [
  '/versionId',
  '/title',
  '/assessorOrganisationId',
  '/commissioningOrganisationId',
  '/purpose',
  '/scope/domains',
  '/scope/threatModels',
  '/scope/outOfScope',
  '/independence',
  '/publicationRights',
  '/startsOn',
  '/endsOn',
  '/classification',
] as const;

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const dayIso = (d: string) => (d ? new Date(`${d}T00:00:00Z`).toISOString() : null);

/** Commissions a third-party assessment of a model version (docs/ui-forms.md): every bad field is shown beside it. */
export function EngagementForm({ versionId: givenVersion = '', onDone }: { versionId?: string; onDone: () => void }) {
  const vocabulary = useVocabulary();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { errors, report, clear } = useFieldErrors(fields);
  const [versionId, setVersionId] = useState(givenVersion);
  const [title, setTitle] = useState('');
  const [assessor, setAssessor] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<string | null>('supplementation');
  const [domains, setDomains] = useState<string[]>([]);
  const [threatModels, setThreatModels] = useState('');
  const [outOfScope, setOutOfScope] = useState('');
  const [financialTies, setFinancialTies] = useState('');
  const [chosenBy, setChosenBy] = useState<string | null>('developer');
  const [reviewRight, setReviewRight] = useState(true);
  const [publication, setPublication] = useState<string | null>('summary');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const save = useMutation({
    mutationFn: () =>
      engagementCalls.create({
        versionId,
        title,
        assessorOrganisationId: assessor ?? '',
        purpose: purpose as EngagementBody['purpose'],
        scope: { domains: domains as EngagementBody['scope']['domains'], threatModels: lines(threatModels), outOfScope: lines(outOfScope) },
        independence: { financialTies, assessorChosenBy: chosenBy as EngagementBody['independence']['assessorChosenBy'], developerReviewRight: reviewRight },
        publicationRights: publication as EngagementBody['publicationRights'],
        startsOn: dayIso(startsOn),
        endsOn: dayIso(endsOn),
      }),
    onSuccess: (e) => {
      void queryClient.invalidateQueries({ queryKey: [engagementKey] });
      onDone();
      void navigate(`/frontier/engagements/${e.id}`);
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const edit =
    <T,>(path: (typeof fields)[number], set: (v: T) => void) =>
    (v: T) => {
      set(v);
      clear(path);
    };
  const f = vocabulary.data?.frontier;
  const plain = (list: readonly string[] | undefined) => (list ?? []).map((v) => ({ value: v, label: words(v) }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <VersionSelect
          label="Model version"
          description="Among the model versions you may see: type part of the model's name or of the version"
          required
          value={versionId || null}
          onChange={(id) => edit('/versionId', setVersionId)(id ?? '')}
          error={errors['/versionId']}
        />
        <TextInput label="Title" required value={title} onChange={(e) => edit('/title', setTitle)(e.currentTarget.value)} error={errors['/title']} />
        <OrganisationSelect
          label="Assessor (a third-party assessor organisation)"
          required
          value={assessor}
          onChange={edit('/assessorOrganisationId', setAssessor)}
          error={errors['/assessorOrganisationId'] ?? errors['/commissioningOrganisationId']}
        />
        <Select
          label="Purpose"
          required
          data={plain(f?.engagementPurposes)}
          value={purpose}
          onChange={edit('/purpose', setPurpose)}
          error={errors['/purpose']}
        />
        <MultiSelect
          label="Risk domains in scope"
          required
          data={toOptions(f?.riskDomains)}
          value={domains}
          onChange={edit('/scope/domains', setDomains)}
          error={errors['/scope/domains']}
        />
        <Textarea
          label="Threat models (one per line)"
          autosize
          minRows={2}
          value={threatModels}
          onChange={(e) => setThreatModels(e.currentTarget.value)}
          error={errors['/scope/threatModels']}
        />
        <Textarea
          label="Out of scope (one per line)"
          autosize
          minRows={2}
          value={outOfScope}
          onChange={(e) => setOutOfScope(e.currentTarget.value)}
          error={errors['/scope/outOfScope']}
        />
        <TextInput
          label="Financial ties between assessor and developer"
          value={financialTies}
          onChange={(e) => setFinancialTies(e.currentTarget.value)}
          error={errors['/independence']}
        />
        <Group grow>
          <Select label="Who chose the assessor" required data={plain(f?.assessorChosenBy)} value={chosenBy} onChange={setChosenBy} />
          <Select
            label="Publication rights"
            required
            data={plain(f?.publicationRights)}
            value={publication}
            onChange={edit('/publicationRights', setPublication)}
            error={errors['/publicationRights']}
          />
        </Group>
        <Checkbox
          label="The developer may review the draft for factual accuracy"
          checked={reviewRight}
          onChange={(e) => setReviewRight(e.currentTarget.checked)}
        />
        <Group grow>
          <TextInput
            label="Starts on"
            type="date"
            value={startsOn}
            onChange={(e) => edit('/startsOn', setStartsOn)(e.currentTarget.value)}
            error={errors['/startsOn']}
          />
          <TextInput label="Ends on" type="date" value={endsOn} onChange={(e) => edit('/endsOn', setEndsOn)(e.currentTarget.value)} error={errors['/endsOn']} />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Commission
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
