import { Alert, Button, Checkbox, FileInput, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useVocabulary } from '../../api/session';
import { useFieldErrors } from '../../api/useFieldErrors';
import { PageHeader } from '../../components/PageHeader';
import { type FindingBody, submitFinding } from './api';

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
};

/**
 * Who may download a proof of concept, exactly as the policy decides it: TLP:RED names people,
 * not organisations (src/services/intake/rows.ts `proofMarking`: the submitter and the
 * clearinghouse's analysts and administrators; src/services/cases/share-poc.ts: the people of
 * each vendor invited to a case about the report — for a campaign entry limited to one vendor,
 * that vendor only — named when it is invited).
 */
const POC_AUDIENCE =
  "Stored TLP:RED. Only you, the clearinghouse's analysts and administrators and, once your report is in a coordination case, the people of each vendor invited to act on it can download it — not your colleagues.";

const fields = [
  '/title',
  '/description',
  '/provenance/finderKind',
  '/provenance/model',
  '/provenance/autonomy',
  '/target/purl',
  '/target/cpe',
  '/target/repository',
  '/location/file',
  '/location/line',
  '/location/function',
  '/location/endpoint',
  '/weakness/cwe',
  '/severity/cvss',
  '/exploited',
  '/proofOfConcept',
  '/publicCredit/name',
] as const;

/** Labels of the finder kinds the vocabulary serves (`GET /api/vocabulary`); an unknown kind shows as itself. */
const FINDER_LABELS: Record<string, string> = { human: 'A person', ai: 'An AI system', hybrid: 'A person with an AI system' };

/** The web form for one finding, with proof-of-concept files (stored TLP:RED). */
export function SubmitFindingPage() {
  const [f, setF] = useState({
    title: '',
    description: '',
    finderKind: 'human',
    model: '',
    autonomy: '',
    purl: '',
    cpe: '',
    repository: '',
    file: '',
    line: '' as number | string,
    fn: '',
    endpoint: '',
    cwe: '',
    cvss: '',
    exploited: false,
    creditConsent: false,
    creditName: '',
    creditModel: false,
  });
  const vocabulary = useVocabulary().data;
  const [files, setFiles] = useState<File[]>([]);
  const { errors, report, clear } = useFieldErrors(fields);
  const err = (path: (typeof fields)[number]) => errors[path];
  const set = (k: keyof typeof f) => (v: string | number | boolean | null) => {
    setF({ ...f, [k]: v ?? '' });
    clear();
  };

  const submission = useMutation({
    mutationFn: async () => {
      const proofOfConcept = await Promise.all(
        files.map(async (x) => ({ name: x.name, mediaType: x.type || 'application/octet-stream', contentBase64: await toBase64(x) })),
      );
      const finding = {
        ...(f.title ? { title: f.title } : {}),
        description: f.description,
        provenance: { finderKind: f.finderKind, ...(f.model ? { model: { name: f.model } } : {}), ...(f.autonomy ? { autonomy: f.autonomy } : {}) },
        target: { ...(f.purl ? { purl: f.purl } : {}), ...(f.cpe ? { cpe: f.cpe } : {}), ...(f.repository ? { repository: f.repository } : {}) },
        location: {
          ...(f.file ? { file: f.file } : {}),
          ...(f.line ? { line: Number(f.line) } : {}),
          ...(f.fn ? { function: f.fn } : {}),
          ...(f.endpoint ? { endpoint: f.endpoint } : {}),
        },
        ...(f.cwe ? { weakness: { cwe: f.cwe } } : {}),
        ...(f.cvss ? { severity: { cvss: f.cvss } } : {}),
        exploited: f.exploited,
        ...(proofOfConcept.length ? { proofOfConcept } : {}),
        // "Credit me publicly as …": asked of every finder; nothing is published without consent.
        publicCredit: f.creditConsent
          ? { consent: true, ...(f.creditName.trim() ? { name: f.creditName.trim() } : {}), ...(f.creditModel ? { model: true } : {}) }
          : { consent: false },
      };
      // The pickers hold vocabulary values as strings; the server checks them and names any bad one.
      return submitFinding(finding as FindingBody);
    },
    onError: report,
  });
  const result = submission.data ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    submission.mutate();
  };

  return (
    <>
      <PageHeader title="Submit a finding" description="One finding with its provenance." />
      <form onSubmit={submit} noValidate>
        <Stack maw={760}>
          <TextInput label="Title" error={err('/title')} value={f.title} onChange={(e) => set('title')(e.currentTarget.value)} />
          <Textarea
            label="Description"
            error={err('/description')}
            required
            autosize
            minRows={4}
            value={f.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
          />
          <Group grow>
            <Select
              label="Found by"
              data={(vocabulary?.finderKinds ?? [f.finderKind]).map((kind) => ({ value: kind, label: FINDER_LABELS[kind] ?? kind }))}
              value={f.finderKind}
              onChange={set('finderKind')}
              allowDeselect={false}
            />
            <TextInput label="AI model" error={err('/provenance/model')} value={f.model} onChange={(e) => set('model')(e.currentTarget.value)} />
            <Select
              label="Autonomy"
              error={err('/provenance/autonomy')}
              clearable
              data={vocabulary?.autonomyLevels ?? []}
              value={f.autonomy || null}
              onChange={set('autonomy')}
            />
          </Group>
          <Group grow>
            <TextInput
              label="Package URL"
              error={err('/target/purl')}
              placeholder="pkg:npm/example@1.2.3"
              value={f.purl}
              onChange={(e) => set('purl')(e.currentTarget.value)}
            />
            <TextInput
              label="CPE"
              error={err('/target/cpe')}
              placeholder="cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:*"
              value={f.cpe}
              onChange={(e) => set('cpe')(e.currentTarget.value)}
            />
            <TextInput label="Repository" error={err('/target/repository')} value={f.repository} onChange={(e) => set('repository')(e.currentTarget.value)} />
          </Group>
          <Group grow>
            <TextInput label="File" error={err('/location/file')} value={f.file} onChange={(e) => set('file')(e.currentTarget.value)} />
            <NumberInput label="Line" error={err('/location/line')} min={1} value={f.line} onChange={set('line')} />
            <TextInput label="Function" error={err('/location/function')} value={f.fn} onChange={(e) => set('fn')(e.currentTarget.value)} />
            <TextInput
              label="Endpoint"
              error={err('/location/endpoint')}
              placeholder="GET /api/items/:id"
              value={f.endpoint}
              onChange={(e) => set('endpoint')(e.currentTarget.value)}
            />
          </Group>
          <Group grow>
            <TextInput label="CWE" error={err('/weakness/cwe')} placeholder="CWE-79" value={f.cwe} onChange={(e) => set('cwe')(e.currentTarget.value)} />
            <TextInput
              label="CVSS vector"
              error={err('/severity/cvss')}
              placeholder="CVSS:3.1/AV:N/…"
              value={f.cvss}
              onChange={(e) => set('cvss')(e.currentTarget.value)}
            />
          </Group>
          <Checkbox label="Exploited in the wild" checked={f.exploited} onChange={(e) => set('exploited')(e.currentTarget.checked)} />
          <FileInput label="Proof of concept" description={POC_AUDIENCE} multiple clearable value={files} onChange={setFiles} />
          <Checkbox
            label="Credit me publicly on the advisory"
            description="Only when the advisory is published. Until then only the clearinghouse's analysts see who reported it; other reporters of the same bug see a count."
            checked={f.creditConsent}
            onChange={(e) => setF({ ...f, creditConsent: e.currentTarget.checked, ...(e.currentTarget.checked ? {} : { creditName: '', creditModel: false }) })}
          />
          {f.creditConsent && (
            <Group grow>
              <TextInput
                label="Credit me as"
                error={err('/publicCredit/name')}
                placeholder="your organisation's name"
                value={f.creditName}
                onChange={(e) => set('creditName')(e.currentTarget.value)}
              />
              {f.finderKind !== 'human' && (
                <Checkbox
                  label="Name the AI model in the credit"
                  mt="lg"
                  checked={f.creditModel}
                  onChange={(e) => set('creditModel')(e.currentTarget.checked)}
                />
              )}
            </Group>
          )}
          {result && (
            <Alert
              color={result.status === 'accepted' ? 'green' : 'yellow'}
              title={result.status === 'accepted' ? 'Accepted as a new report' : `Duplicate (${result.match ?? ''}) of an existing report`}
            >
              {result.reportId ? (
                <Link to={`/reports/${result.reportId}`}>Open the report</Link>
              ) : (
                // ADR 0013: someone reported it first; the report is theirs unless the analysts share it.
                `Someone reported this first. Your finding ${result.findingId ?? ''} is kept and credited to you; the clearinghouse's analysts decide whether to share the original report.`
              )}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={submission.isPending} disabled={!f.description.trim()}>
              Submit finding
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
