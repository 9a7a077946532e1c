import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectLog, sampleLog } from '../frontier/evaluations-world';
import { cli } from '../helpers/cli';
import { vectorPath } from '../helpers/vectors';
import { intakeWorld, type IntakeWorld } from '../intake/world';

/** `aisc import --format inspect` (issue 12) against a real server, and its one-line errors. */
describe('aisc import --format inspect', () => {
  let w: IntakeWorld;
  let checkpointId: string;
  const dir = mkdtempSync(join(tmpdir(), 'aisc-inspect-'));
  beforeAll(async () => {
    w = await intakeWorld();
    const m = await w.call(w.reporterA, 'POST', '/api/frontier/models', { name: 'CLI evaluated', versions: [{ version: '1' }] });
    const c = await w.call(w.reporterA, 'POST', `/api/frontier/versions/${m.json.versions[0].id}/checkpoints`, { hash: `sha256:${'b'.repeat(64)}` });
    checkpointId = c.json.id;
  }, 120_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await w?.close();
  });
  const remote = () => ['--server', w.url, '--token', w.reporterA];

  it('imports an .eval file and, the second time, answers the run imported before', async () => {
    const file = vectorPath('standards/inspect/log_formats.eval');
    const first = await cli(['import', '--format', 'inspect', file, '--checkpoint', checkpointId, ...remote()], {});
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^imported: run [0-9a-f-]{36} \(popularity on ollama\/llama3\.1, success, 1\/1 samples\) — match: accuracy=0, stderr=0\n$/);
    const again = await cli(['import', '--format', 'inspect', file, '--checkpoint', checkpointId, ...remote(), '--json'], {});
    expect(again.code).toBe(0);
    const out = JSON.parse(again.stdout);
    expect(out.created).toBe(false);
    expect(first.stdout).toContain(out.run.id);
  });

  it('says in one line what is wrong, with a non-zero exit', async () => {
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, sampleLog('log_formats.json').subarray(0, 3000));
    const bad = await cli(['import', '--format', 'inspect', truncated, '--checkpoint', checkpointId, ...remote()], {});
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/\/log.*is truncated/);
    const future = join(dir, 'future.json');
    writeFileSync(future, inspectLog('t', 1, { version: 5 }));
    const unknown = await cli(['import', '--format', 'inspect', future, '--checkpoint', randomUUID(), ...remote()], {});
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/\/checkpointId/);
    expect(unknown.stderr).toMatch(/unsupported Inspect log format version 5 \(supported versions: 1, 2\)/);
    const noCheckpoint = await cli(['import', '--format', 'inspect', future, ...remote()], {});
    expect(noCheckpoint.code).not.toBe(0);
    expect(noCheckpoint.stderr).toMatch(/--checkpoint ID/);
    const nowho = await cli(['import', '--format', 'inspect', future, '--checkpoint', checkpointId], { AISC_DATA_DIR: join(dir, 'none') });
    expect(nowho.code).not.toBe(0);
    expect(nowho.stderr).toMatch(/--as EMAIL/);
    const missing = await cli(['import', '--format', 'inspect', join(dir, 'nope.eval'), '--checkpoint', checkpointId, ...remote()], {});
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no such file/);
  });
});
