import { Alert, Button, Checkbox, FileInput, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, describeError } from '../../api/problem';
import { PageHeader } from '../../components/PageHeader';
import { type ItemResult, submitFinding } from './api';

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
  const [files, setFiles] = useState<File[]>([]);
  const [result, setResult] = useState<ItemResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Problems the server named by JSON Pointer (RFC 9457 `errors[]`), shown on their fields.
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const err = (path: string) =>
    Object.entries(fieldErrors)
      .filter(([k]) => k === path || k.startsWith(`${path}/`))
      .map(([, m]) => m)
      .join('; ') || undefined;
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string | number | boolean | null) => setF({ ...f, [k]: v ?? '' });

  async function submit() {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    setResult(null);
    try {
      const proofOfConcept = await Promise.all(
        files.map(async (x) => ({ name: x.name, mediaType: x.type || 'application/octet-stream', contentBase64: await toBase64(x) })),
      );
      const body = {
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
      setResult(await submitFinding(body));
    } catch (e) {
      const problems = e instanceof ApiError ? e.fieldErrors : [];
      const byPath: Record<string, string> = {};
      for (const p of problems) byPath[p.path] = byPath[p.path] ? `${byPath[p.path]}; ${p.message}` : p.message;
      setFieldErrors(byPath);
      setError([describeError(e), ...problems.map((p) => `${p.path || '/'}: ${p.message}`)].join('\n'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title="Submit a finding" description="One finding with its provenance." />
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
            data={[
              { value: 'human', label: 'A person' },
              { value: 'ai', label: 'An AI system' },
              { value: 'hybrid', label: 'A person with an AI system' },
            ]}
            value={f.finderKind}
            onChange={set('finderKind')}
            allowDeselect={false}
          />
          <TextInput label="AI model" error={err('/provenance/model')} value={f.model} onChange={(e) => set('model')(e.currentTarget.value)} />
          <Select
            label="Autonomy"
            error={err('/provenance/autonomy')}
            clearable
            data={['fully-autonomous', 'human-directed', 'human-validated']}
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
              <Checkbox label="Name the AI model in the credit" mt="lg" checked={f.creditModel} onChange={(e) => set('creditModel')(e.currentTarget.checked)} />
            )}
          </Group>
        )}
        {error && (
          <Alert color="red" title="The finding was not accepted" style={{ whiteSpace: 'pre-line' }}>
            {error}
          </Alert>
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
          <Button onClick={submit} loading={busy} disabled={!f.description.trim()}>
            Submit finding
          </Button>
        </Group>
      </Stack>
    </>
  );
}
