import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { viewerOf } from '../../src/domain/identity/principal';
import { compareEvaluationRuns } from '../../src/services/frontier/evaluation-compare';
import { evaluationRunLog, getEvaluationRun, importEvaluationRun, listEvaluationRuns } from '../../src/services/frontier/evaluation-runs';
import { type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS } from '../../src/services/frontier/inspect-archive';
import { DEFAULT_INSPECT_LIMITS, readInspectLog } from '../../src/services/frontier/inspect-read';
import { FormatError } from '../../src/standards/problem';
import { eventsAfter } from '../../src/store/outbox';
import { frontierEvaluationLogs } from '../../src/store/schema/index';
import { contextFor, DRIVERS } from '../helpers/databases';
import { databasePerFile } from '../helpers/database-per-file';
import { buildZip } from '../helpers/zip';
import { EXPECTED, SAMPLE_FILES } from '../standards/inspect/expected';
import { inspectLog, modelWithCheckpoints, sampleLog } from './evaluations-world';
import { makeModel, registryWorld, type RegistryWorld } from './registry-world';
import { addCheckpoint } from '../../src/services/frontier/lineage';

async function failure(
  p: Promise<unknown>,
): Promise<{ code?: string; message: string; details?: { path: string; message: string }[]; problems?: { path: string; message: string }[] }> {
  try {
    await p;
  } catch (err) {
    return err as never;
  }
  throw new Error('expected a failure');
}
const paths = (err: { details?: { path: string }[] }) => (err.details ?? []).map((d) => d.path);
const problemOf = async (bytes: Buffer, limits = DEFAULT_INSPECT_LIMITS) => {
  const err = await failure(readInspectLog(bytes, limits));
  expect(err, err.message).toBeInstanceOf(FormatError);
  return err.problems![0]!;
};
const header = JSON.stringify(JSON.parse(inspectLog('t', 0.5).toString()));

describe.each(DRIVERS)('evaluation runs from Inspect logs on %s', (driver) => {
  const db = databasePerFile(driver);
  let w: RegistryWorld;
  let ctx: ReturnType<typeof contextFor>;
  beforeAll(() => {
    ctx = contextFor(db().database);
  });
  beforeEach(async () => {
    w = await registryWorld(ctx);
  }, 60_000);

  it.each(SAMPLE_FILES)('imports the public sample %s with the metrics read from it by hand', async (file) => {
    const { checkpoints } = await modelWithCheckpoints(ctx, w.developer);
    const before = (await eventsAfter(ctx.db, 0, 100_000)).length;
    const { run, created } = await importEvaluationRun(ctx, w.developer, { checkpointId: checkpoints[0]!, bytes: sampleLog(file) });
    const e = EXPECTED[file];
    expect(created).toBe(true);
    expect(run).toMatchObject({
      checkpointId: checkpoints[0],
      log: { format: e.format, version: e.version, sizeBytes: sampleLog(file).length },
      evalId: e.evalId,
      runId: e.runId,
      task: e.task,
      taskVersion: e.taskVersion,
      evalModel: e.model,
      dataset: e.dataset,
      status: e.status,
      samples: { total: e.totalSamples, completed: e.completedSamples, inLog: e.samplesInLog, errors: e.sampleErrors },
      error: e.error,
      scores: e.scores,
      usage: e.usage,
      startedAt: new Date(e.startedAt).toISOString(),
      completedAt: new Date(e.completedAt).toISOString(),
      durationSeconds: e.durationSeconds,
      name: `${e.task} on ${e.model}`,
    });
    // one event, marked like the run
    const events = (await eventsAfter(ctx.db, 0, 100_000)).slice(before).filter((x) => x.type === 'evaluation_run.imported');
    expect(events.map((x) => x.recordId)).toEqual([run.id]);
    // the original comes back byte for byte
    const log = await evaluationRunLog(ctx, viewerOf(w.developer), run.id);
    expect(log.format).toBe(e.format);
    expect(log.bytes.equals(sampleLog(file))).toBe(true);
  });

  it('stores a log once: the same bytes again answer the same run and write nothing', async () => {
    const { checkpoints } = await modelWithCheckpoints(ctx, w.developer);
    const bytes = inspectLog('idempotent', 0.7);
    const first = await importEvaluationRun(ctx, w.developer, { checkpointId: checkpoints[0]!, bytes, name: 'first' });
    const events = (await eventsAfter(ctx.db, 0, 100_000)).length;
    const again = await importEvaluationRun(ctx, w.developer, { checkpointId: checkpoints[0]!, bytes, name: 'second' });
    expect(again).toEqual({ run: first.run, created: false });
    expect((await eventsAfter(ctx.db, 0, 100_000)).length).toBe(events);
    const stored = (await ctx.db.select().from(frontierEvaluationLogs)).filter((l) => l.sha256 === first.run.log.sha256);
    expect(stored).toHaveLength(1);
    // JSON is kept gzip-compressed
    expect(stored[0]!.encoding).toBe('gzip');
  });

  it('marks a run for the importer, the developer and the coordinators; another lab gets 404 and sees it in no list', async () => {
    const { modelId, checkpoints } = await modelWithCheckpoints(ctx, w.developer);
    // the clearinghouse's analyst imports (coordinators see the lab's model by default)
    const { run } = await importEvaluationRun(ctx, w.analyst, { checkpointId: checkpoints[0]!, bytes: inspectLog('shared', 0.4) });
    // the lab's model is AMBER+STRICT (the registry's default): the run is no looser
    expect(run.marking).toMatchObject({ tlp: 'AMBER+STRICT', ownerOrganisationId: w.analyst.organisationId, coordinators: true });
    expect(run.marking.access.organisations).toEqual([w.developer.organisationId]);
    expect((await getEvaluationRun(ctx, viewerOf(w.developer), run.id)).id).toBe(run.id);
    expect((await failure(getEvaluationRun(ctx, viewerOf(w.otherLab), run.id))).code).toBe('NOT_FOUND');
    expect((await failure(evaluationRunLog(ctx, viewerOf(w.otherLab), run.id))).code).toBe('NOT_FOUND');
    const theirs = await listEvaluationRuns(ctx, viewerOf(w.otherLab), { limit: 500 });
    expect(theirs.items.map((r) => r.id)).not.toContain(run.id);
    expect((await listEvaluationRuns(ctx, viewerOf(w.otherLab), { modelId, limit: 50 })).items).toEqual([]);
    expect((await failure(compareEvaluationRuns(ctx, viewerOf(w.otherLab), { modelId, task: 'shared' }))).code).toBe('NOT_FOUND');
    // the other lab cannot import against a checkpoint it may not see: the field is named, as a missing one would be
    const err = await failure(importEvaluationRun(ctx, w.otherLab, { checkpointId: checkpoints[0]!, bytes: inspectLog('shared', 0.4) }));
    expect(err.code).toBe('VALIDATION');
    expect(paths(err)).toEqual(['/checkpointId']);
  });

  it('marks a run TLP:AMBER by default when the model allows it, stricter on request, classified like the model', async () => {
    const { model, versionId } = await makeModel(ctx, w.developer, { marking: { tlp: 'AMBER', coordinators: true } });
    const cp = await addCheckpoint(ctx, w.developer, versionId, { hash: `sha256:${'f'.repeat(64)}` });
    const open = await importEvaluationRun(ctx, w.developer, { checkpointId: cp.id, bytes: inspectLog('amber', 0.1) });
    expect(open.run.marking).toMatchObject({ tlp: 'AMBER', classification: 'UNCLASSIFIED', access: { organisations: [] } });
    expect(open.run.modelId).toBe(model.id);
    const strict = await importEvaluationRun(ctx, w.developer, { checkpointId: cp.id, bytes: inspectLog('amber', 0.2), tlp: 'AMBER+STRICT' });
    expect(strict.run.marking.tlp).toBe('AMBER+STRICT');
  });

  it('names a bad checkpoint and every problem of the log in one answer, writing nothing', async () => {
    const events = (await eventsAfter(ctx.db, 0, 100_000)).length;
    const err = await failure(importEvaluationRun(ctx, w.developer, { checkpointId: randomUUID(), bytes: inspectLog('t', 1, { version: 7 }) }));
    expect(err.code).toBe('VALIDATION');
    expect(paths(err)).toEqual(['/checkpointId', '/log/version']);
    expect(err.details![1]!.message).toBe('unsupported Inspect log format version 7 (supported versions: 1, 2)');
    expect((await eventsAfter(ctx.db, 0, 100_000)).length).toBe(events);
  });

  it('refuses a viewer-role colleague (no write)', async () => {
    const { checkpoints } = await modelWithCheckpoints(ctx, w.developer);
    expect((await failure(importEvaluationRun(ctx, w.colleague, { checkpointId: checkpoints[0]!, bytes: inspectLog('t', 1) }))).code).toBe('FORBIDDEN');
  });

  it('lists runs newest first in keyset pages, by model, version, checkpoint and task', async () => {
    const { modelId, versionId, checkpoints } = await modelWithCheckpoints(ctx, w.developer, 2);
    const ids: string[] = [];
    for (const [i, task] of ['a', 'b', 'a'].entries())
      ids.push((await importEvaluationRun(ctx, w.developer, { checkpointId: checkpoints[i % 2]!, bytes: inspectLog(task, i / 10) })).run.id);
    const v = viewerOf(w.developer);
    const first = await listEvaluationRuns(ctx, v, { modelId, limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const second = await listEvaluationRuns(ctx, v, { modelId, limit: 2, after: first.next! });
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], next: null });
    expect((await listEvaluationRuns(ctx, v, { modelId, task: 'a', limit: 50 })).items.map((r) => r.id)).toEqual([ids[2], ids[0]]);
    expect((await listEvaluationRuns(ctx, v, { checkpointId: checkpoints[1]!, limit: 50 })).items.map((r) => r.id)).toEqual([ids[1]]);
    expect((await listEvaluationRuns(ctx, v, { versionId, limit: 50 })).items).toHaveLength(3);
  });

  it('compares a task across checkpoints: the newest run of each, every scorer/metric', async () => {
    const { modelId, checkpoints } = await modelWithCheckpoints(ctx, w.developer, 3);
    await importEvaluationRun(ctx, w.developer, { checkpointId: checkpoints[0]!, bytes: inspectLog('cyber', 0.2) });
    await importEvaluationRun(ctx, w.developer, { checkpointId: checkpoints[2]!, bytes: inspectLog('cyber', 0.6) });
    await importEvaluationRun(ctx, w.developer, { checkpointId: checkpoints[0]!, bytes: inspectLog('cyber', 0.3) });
    await importEvaluationRun(ctx, w.developer, { checkpointId: checkpoints[1]!, bytes: inspectLog('other task', 0.9) });
    const c = await compareEvaluationRuns(ctx, viewerOf(w.developer), { modelId, task: 'cyber' });
    expect(c.metrics).toEqual([{ scorer: 'match', metric: 'accuracy' }]);
    expect(c.checkpoints.map((x) => [x.checkpointId, x.label, x.runs, x.values])).toEqual([
      [checkpoints[0], 'step 1', 2, [{ scorer: 'match', metric: 'accuracy', value: 0.3 }]],
      [checkpoints[2], 'step 3', 1, [{ scorer: 'match', metric: 'accuracy', value: 0.6 }]],
    ]);
  });
});

describe('the .eval reader against hostile archives', () => {
  const good = (extra: { name: string; data: Buffer | string; declaredSize?: number }[] = []) =>
    buildZip([{ name: 'header.json', data: header }, { name: 'summaries.json', data: '[]' }, ...extra]);
  const small: ArchiveLimits = { ...DEFAULT_ARCHIVE_LIMITS, maxEntries: 3, maxTotalBytes: 1_000_000, maxEntryBytes: 100_000, maxRatio: 100 };

  it('reads a well-formed archive built here (so the refusals below are about what they change)', async () => {
    expect(await readInspectLog(good())).toMatchObject({ format: 'eval', task: 't' });
  });

  it('refuses a zip bomb by its compression ratio before inflating it', async () => {
    const bomb = good([{ name: 'samples/1_epoch_1.json', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await problemOf(bomb)).toEqual({ path: '/samples/1_epoch_1.json', message: expect.stringMatching(/inflates \d+× \(more than 1000×: zip bomb\?\)/) });
  });

  it('refuses an archive whose entries together inflate past the total cap, and one with too many entries', async () => {
    const many = good([
      // random hex: barely compressible, so only the total trips
      { name: 'samples/1_epoch_1.json', data: randomBytes(300_000).toString('hex') },
      { name: 'samples/2_epoch_1.json', data: randomBytes(300_000).toString('hex') },
    ]);
    expect((await problemOf(many, { ...DEFAULT_INSPECT_LIMITS, ...small, maxEntries: 10 })).message).toMatch(/inflates to more than 1000000 bytes/);
    expect((await problemOf(many, { ...DEFAULT_INSPECT_LIMITS, ...small })).message).toBe('has 4 entries, more than the 3 allowed');
  });

  it('refuses an entry that inflates to more than it declares', async () => {
    const liar = buildZip([{ name: 'header.json', data: header, declaredSize: 40 }]);
    const p = await problemOf(liar, { ...DEFAULT_INSPECT_LIMITS, maxRatio: 1_000_000 });
    expect(p.path).toBe('/header.json');
    expect(p.message).toMatch(/header.json (is damaged or lies about its size|inflates past 40 bytes)/);
  });

  it.each([
    ['../../etc/cron.d/x', /climbs out of the archive/],
    ['samples/../../x.json', /climbs out of the archive/],
    ['/etc/passwd', /absolute path/],
  ])('refuses path traversal: an entry named %s', async (name, message) => {
    const p = await problemOf(good([{ name, data: '{}' }]));
    expect(p.message).toMatch(/^unsafe archive: /);
    expect(p.message).toMatch(message);
  });

  it('names a truncated .eval, bytes that only look like a zip, and a zip that is no Inspect log', async () => {
    const whole = sampleLog('log_formats.eval');
    expect((await problemOf(whole.subarray(0, whole.length - 100))).message).toMatch(/^is not a readable \.eval \(zip\) archive/);
    expect((await problemOf(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]))).message).toMatch(/^is not a readable \.eval/);
    expect((await problemOf(buildZip([{ name: 'readme.txt', data: 'hello' }]))).message).toMatch(/neither header.json nor _journal\/start.json/);
    expect(await problemOf(buildZip([{ name: 'header.json', data: '{"version": 2, "eval": {' }]))).toEqual({
      path: '/header.json',
      message: expect.stringMatching(/^is truncated/),
    });
  });

  it('refuses a log over the size limit before reading it', async () => {
    const err = await failure(readInspectLog(sampleLog('log_formats.json'), { ...DEFAULT_INSPECT_LIMITS, maxLogBytes: 1024 }));
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('never inflates a sample body to summarise (a damaged sample does not matter)', async () => {
    const zip = good([{ name: 'samples/1_epoch_1.json', data: 'x'.repeat(1000), declaredSize: 10 }]);
    expect(await readInspectLog(zip, { ...DEFAULT_INSPECT_LIMITS, maxRatio: 1_000_000 })).toMatchObject({ samplesInLog: 1 });
  });
});
