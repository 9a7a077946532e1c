import { Alert, Button, Card, Group, MultiSelect, NumberInput, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type BodyOf, body, client } from '../../../api/client';
import { describeError } from '../../../api/problem';
import { idIn, toOptions, useVocabulary } from '../../../api/session';
import { useFieldErrors } from '../../../api/useFieldErrors';
import { useUsers } from '../../../api/users';
import { PageHeader } from '../../../components/PageHeader';
import { chosen } from '../formChecks';
import { type AccessPolicy, accessCalls, accessKey, useAccessPolicy } from '../access/accessApi';
import { reviewKey } from '../reviews/reviewApi';

const policyFields = ['/windowDays', '/mode', '/milestone', '/reminderOffsetsDays'] as const;

/** "30, 14, 7, 1" → [30, 14, 7, 1]; a part that is not a number stays NaN so the server names it. */
const offsetsOf = (text: string) =>
  text
    .split(/[,\s]+/)
    .filter((part) => part !== '')
    .map(Number);

/** The deployment's access-window policy: how the voluntary window is read and when reminders go out (docs/ui-forms.md). */
function AccessPolicyForm({ policy }: { policy: AccessPolicy }) {
  const queryClient = useQueryClient();
  const { errors, report, clear } = useFieldErrors(policyFields);
  const [windowDays, setWindowDays] = useState<number | string>(policy.windowDays);
  const [mode, setMode] = useState<string>(policy.mode);
  const [milestone, setMilestone] = useState<string>(policy.milestone);
  const [offsets, setOffsets] = useState(policy.reminderOffsetsDays.join(', '));
  const [saved, setSaved] = useState(false);
  const frontier = useVocabulary().data?.frontier;
  const save = useMutation({
    mutationFn: () => {
      const c = chosen({
        windowDays: typeof windowDays === 'number' ? windowDays : undefined,
        mode: frontier?.windowModes.find((m) => m === mode),
        milestone: frontier?.releaseMilestones.find((m) => m === milestone),
      });
      return accessCalls.setPolicy({ ...c, reminderOffsetsDays: offsetsOf(offsets) });
    },
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: [accessKey] });
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Access-window policy">
      <Stack>
        <NumberInput
          label="Window (days)"
          required
          value={windowDays}
          onChange={(v) => {
            setWindowDays(v);
            clear('/windowDays');
          }}
          error={errors['/windowDays']}
        />
        <Radio.Group
          label="How the order's window is read"
          description="Summaries of the order differ on the wording; the two readings are both kept and the status of every plan follows the one chosen here."
          value={mode}
          onChange={(v) => {
            setMode(v);
            clear('/mode');
          }}
          error={errors['/mode']}
        >
          <Stack gap="xs" mt="xs">
            <Radio
              value="minimum"
              label="Minimum — access at least N days before release"
              description="The reading of most summaries: a plan is on track when the scheduled access before release reaches the window, late when it falls short."
            />
            <Radio
              value="maximum"
              label="Maximum — access for up to N days before release"
              description="The reading of the coverage of the text: the window caps how long a release may wait, so any access before release counts and nothing is late."
            />
          </Stack>
        </Radio.Group>
        <Radio.Group
          label="Release the window is counted to"
          value={milestone}
          onChange={(v) => {
            setMilestone(v);
            clear('/milestone');
          }}
          error={errors['/milestone']}
        >
          <Group mt="xs">
            <Radio value="trusted_partner" label="Release to trusted partners (falls back to the public release)" />
            <Radio value="general" label="Public release" />
          </Group>
        </Radio.Group>
        <TextInput
          label="Reminder offsets (days before each release milestone)"
          description="Comma-separated, e.g. 30, 14, 7, 1. Reminders go to the developer and the grantees."
          value={offsets}
          onChange={(e) => {
            setOffsets(e.currentTarget.value);
            clear('/reminderOffsetsDays');
          }}
          error={errors['/reminderOffsetsDays']}
        />
        {saved && <Alert color="green">The policy is recorded. Every plan's window is computed under it from now on.</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save the policy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const settingsKey = [reviewKey, 'designation-settings'] as const;
type Settings = BodyOf<'/api/frontier/designation-settings', 'put'>;
const settingsFields = ['/classification', '/panelUserIds'] as const;

/** Who designates: the classification of new reviews and the panel of cleared analysts (docs/ui-forms.md). */
function DesignationSettingsForm({ settings }: { settings: { classification: string; panelUserIds: string[] } }) {
  const queryClient = useQueryClient();
  const vocabulary = useVocabulary();
  const users = useUsers({ limit: 200, offset: 0 });
  const { errors, report, clear } = useFieldErrors(settingsFields);
  const [classification, setClassification] = useState<string | null>(settings.classification);
  const [panel, setPanel] = useState<string[]>(settings.panelUserIds);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const c = chosen({ classification: idIn(vocabulary.data?.classifications, classification) as Settings['classification'] | undefined });
      return body(client.PUT('/api/frontier/designation-settings', { body: { classification: c.classification, panelUserIds: panel } }));
    },
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: settingsKey });
    },
    onError: report,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.name} <${u.email}> — clearance ${u.clearance.replace(/_/g, ' ').toLowerCase()}`,
  }));
  // Panel members the user list does not show (another page, another organisation) stay selectable by id.
  for (const id of panel) if (!options.some((o) => o.value === id)) options.push({ value: id, label: id });
  return (
    <form onSubmit={submit} noValidate aria-label="Designation settings">
      <Stack>
        <Select
          label="Classification of new reviews"
          required
          data={toOptions(vocabulary.data?.classifications)}
          value={classification}
          onChange={(v) => {
            setClassification(v);
            clear('/classification');
          }}
          error={errors['/classification']}
        />
        <MultiSelect
          label="Designation panel"
          description="The authority's cleared analysts, named on every review opened without a person. Each must be an active user cleared for the classification."
          searchable
          data={options}
          value={panel}
          onChange={(v) => {
            setPanel(v);
            clear('/panelUserIds');
          }}
          error={errors['/panelUserIds']}
        />
        {saved && <Alert color="green">The designation settings are recorded.</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save the designation settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Platform admins: the deployment's access-window policy and designation settings (both audited). */
export function FrontierSettingsPage() {
  const policy = useAccessPolicy();
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => body(client.GET('/api/frontier/designation-settings')) });
  return (
    <>
      <PageHeader
        title="Frontier settings"
        description="Everything here is voluntary: the window is recorded and reminded, never a condition of a release. Every change is audited."
      />
      <Card withBorder mb="md">
        <Title order={3} mb="sm">
          Access-window policy
        </Title>
        {policy.isError && <Alert color="red">{describeError(policy.error)}</Alert>}
        {policy.isPending && <Text>Loading…</Text>}
        {policy.data && <AccessPolicyForm policy={policy.data} />}
      </Card>
      <Card withBorder mb="md">
        <Title order={3} mb="sm">
          Designation
        </Title>
        {settings.isError && <Alert color="red">{describeError(settings.error)}</Alert>}
        {settings.isPending && <Text>Loading…</Text>}
        {settings.data && <DesignationSettingsForm settings={settings.data} />}
      </Card>
    </>
  );
}
