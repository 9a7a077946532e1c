import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip } from '../helpers/zip';
import { intakeWorld, type IntakeWorld } from '../intake/world';
import { EXPECTED } from '../standards/inspect/expected';
import { inspectLog, sampleLog } from './evaluations-world';

let n = 0;
const paths = (json: { errors?: { path: string }[] }) => (json.errors ?? []).map((e) => e.path);

describe('evaluation runs over HTTP', () => {
  // One server for the file; lab A registers a model with checkpoints, lab B is another AI developer.
  let w: IntakeWorld;
  beforeAll(async () => {
    w = await intakeWorld({ AISC_INSPECT_LOG_LIMIT_BYTES: String(200_000) });
  }, 120_000);
  afterAll(() => w?.close());

  const checkpointOf = async (token: string) => {
    const m = await w.call(token, 'POST', '/api/frontier/models', { name: `Evaluated ${++n}`, versions: [{ version: '1.0' }] });
    expect(m.status, m.text).toBe(201);
    const versionId = m.json.versions[0].id as string;
    const hash = `sha256:${(++n).toString(16).padStart(64, 'a')}`;
    const c = await w.call(token, 'POST', `/api/frontier/versions/${versionId}/checkpoints`, { hash, label: 'pre-release' });
    expect(c.status, c.text).toBe(201);
    return { modelId: m.json.id as string, versionId, checkpointId: c.json.id as string };
  };
  const upload = (token: string, query: string, body: Buffer, type = 'application/octet-stream') =>
    fetch(`${w.url}/api/frontier/evaluation-runs?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: new Uint8Array(body),
    });

  it('imports a .json log as JSON and an .eval as a zip (201), the same bytes again answer 200 with the same run', async () => {
    const { checkpointId, modelId } = await checkpointOf(w.reporterA);
    const json = await upload(
      w.reporterA,
      `checkpointId=${checkpointId}&name=${encodeURIComponent('security guide, step 1')}`,
      sampleLog('log_read_sample.json'),
      'application/json',
    );
    expect(json.status).toBe(201);
    const run = await json.json();
    expect(run).toMatchObject({
      name: 'security guide, step 1',
      task: 'popularity',
      scores: EXPECTED['log_read_sample.json'].scores,
      marking: { tlp: 'AMBER+STRICT' }, // the model's TLP (the registry's default): a run is never looser
    });
    const zip = await upload(w.reporterA, `checkpointId=${checkpointId}`, sampleLog('log_formats.eval'), 'application/zip');
    expect(zip.status).toBe(201);
    expect(await zip.json()).toMatchObject({ log: { format: 'eval' }, usage: EXPECTED['log_formats.eval'].usage });
    const again = await upload(w.reporterA, `checkpointId=${checkpointId}`, sampleLog('log_read_sample.json'), 'application/json');
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(run.id);
    // read, list, download, compare
    expect((await w.call(w.reporterA, 'GET', `/api/frontier/evaluation-runs/${run.id}`)).json.id).toBe(run.id);
    const list = await w.call(w.reporterA, 'GET', `/api/frontier/evaluation-runs?modelId=${modelId}&limit=1`);
    expect(list.json.items).toHaveLength(1);
    expect(list.json.next).toEqual(expect.any(String));
    const log = await fetch(`${w.url}/api/frontier/evaluation-runs/${run.id}/log`, { headers: { authorization: `Bearer ${w.reporterA}` } });
    expect(log.headers.get('content-type')).toMatch(/^application\/json/);
    expect(log.headers.get('content-disposition')).toMatch(/attachment/);
    expect(Buffer.from(await log.arrayBuffer()).equals(sampleLog('log_read_sample.json'))).toBe(true);
    const cmp = await w.call(w.reporterA, 'GET', `/api/frontier/evaluation-runs/compare?modelId=${modelId}&task=popularity`);
    expect(cmp.status, cmp.text).toBe(200);
    expect(cmp.json.checkpoints).toHaveLength(1);
    expect(cmp.json.metrics).toEqual([
      { scorer: 'match', metric: 'accuracy' },
      { scorer: 'match', metric: 'stderr' },
    ]);
    // another lab: 404 on the run, its log and the comparison; absent from its list
    expect((await w.call(w.reporterB, 'GET', `/api/frontier/evaluation-runs/${run.id}`)).status).toBe(404);
    expect((await w.call(w.reporterB, 'GET', `/api/frontier/evaluation-runs/${run.id}/log`)).status).toBe(404);
    expect((await w.call(w.reporterB, 'GET', `/api/frontier/evaluation-runs/compare?modelId=${modelId}&task=popularity`)).status).toBe(404);
    const theirs = await w.call(w.reporterB, 'GET', `/api/frontier/evaluation-runs?limit=500`);
    expect(theirs.json.items.map((r: { id: string }) => r.id)).not.toContain(run.id);
  });

  it('answers problem+json naming every bad field: the checkpoint, the log', async () => {
    const r = await upload(w.reporterA, `checkpointId=${randomUUID()}`, inspectLog('t', 1, { version: 9 }), 'application/json');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = await r.json();
    expect(paths(problem)).toEqual(['/checkpointId', '/log/version']);
    const { checkpointId } = await checkpointOf(w.reporterA);
    // lab B cannot import against lab A's checkpoint: the same answer as for a checkpoint that does not exist
    const b = await upload(w.reporterB, `checkpointId=${checkpointId}`, inspectLog('t', 1), 'application/json');
    expect(b.status).toBe(400);
    expect(paths(await b.json())).toEqual(['/checkpointId']);
    const missing = await upload(w.reporterA, 'name=x', inspectLog('t', 1), 'application/json');
    expect(missing.status).toBe(400);
    expect(paths(await missing.json())).toContain('/checkpointId');
    const traversal = await upload(w.reporterA, `checkpointId=${checkpointId}`, buildZip([{ name: '../evil.json', data: '{}' }]), 'application/zip');
    expect(traversal.status).toBe(400);
    expect((await traversal.json()).errors[0]).toEqual({ path: '/log/../evil.json', message: expect.stringMatching(/climbs out of the archive/) });
    const truncated = await upload(w.reporterA, `checkpointId=${checkpointId}`, sampleLog('log_formats.json').subarray(0, 4000), 'application/json');
    expect((await truncated.json()).errors[0]).toEqual({ path: '/log', message: expect.stringMatching(/^is truncated/) });
  });

  it('refuses a log over the configured limit with 413', async () => {
    const { checkpointId } = await checkpointOf(w.reporterA);
    const r = await upload(w.reporterA, `checkpointId=${checkpointId}`, Buffer.alloc(300_000, 0x20), 'application/json');
    expect(r.status).toBe(413);
  });
});
