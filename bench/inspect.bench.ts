import { parseConfig } from '../src/config/config';
import { createLogger } from '../src/runtime/logger';
import { startServer } from '../src/runtime/server';
import { CLI_ACTOR } from '../src/services/actor';
import { importEvaluationRun } from '../src/services/frontier/evaluation-runs';
import { addCheckpoint } from '../src/services/frontier/lineage';
import { createModel } from '../src/services/frontier/models';
import { DEFAULT_INSPECT_LIMITS, readInspectLog } from '../src/services/frontier/inspect-read';
import { createOrganisation } from '../src/services/organisations';
import { localSubmitter } from '../src/services/intake/local-submitter';
import { createUser } from '../src/services/users';
import { buildZip } from '../test/helpers/zip';
import type { BenchResult, BenchSuite } from './harness';

const SAMPLES = 2000;

/** One sample as Inspect writes it, with a transcript of a few kilobytes (deterministic text). */
function sample(i: number) {
  const text = (n: number) => `sample ${i} message ${n}: ${'the model considers the request and answers step by step. '.repeat(8)}`;
  return {
    id: i,
    epoch: 1,
    input: text(0),
    target: 'Yes',
    messages: Array.from({ length: 6 }, (_, n) => ({ role: n % 2 ? 'assistant' : 'user', content: text(n) })),
    scores: { match: { value: i % 3 ? 'C' : 'I', answer: 'Yes' } },
    model_usage: { 'lab/model': { input_tokens: 400, output_tokens: 120, total_tokens: 520 } },
  };
}

const header = {
  version: 2,
  status: 'success',
  eval: { run_id: 'bench', task: 'bench_task', task_version: 1, model: 'lab/model', dataset: { name: 'bench', samples: SAMPLES } },
  results: {
    total_samples: SAMPLES,
    completed_samples: SAMPLES,
    scores: [{ name: 'match', scorer: 'match', metrics: { accuracy: { name: 'accuracy', value: 0.66 }, stderr: { name: 'stderr', value: 0.01 } } }],
  },
  stats: { started_at: '2026-05-01T10:00:00Z', completed_at: '2026-05-01T11:00:00Z', model_usage: {} },
};

/** Calls `fn` for about `ms` milliseconds (after one warm-up call); answers calls per second. */
async function callsPerSecond(fn: () => Promise<unknown> | unknown, ms: number): Promise<number> {
  await fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    calls++;
  }
  return calls / ((performance.now() - start) / 1000);
}

/**
 * Inspect log import (issue 12): summarising a log of 2,000 samples from its bytes, in both
 * formats, against JSON.parse of the same JSON bytes in the same run. The .eval is summarised
 * from its header and summaries alone, so it beats parsing the whole JSON log.
 */
export const suite: BenchSuite = {
  name: 'Inspect log import (issue 12)',
  async run(): Promise<BenchResult[]> {
    const samples = Array.from({ length: SAMPLES }, (_, i) => sample(i + 1));
    const json = Buffer.from(JSON.stringify({ ...header, samples }));
    const summaries = samples.map((s) => ({ id: s.id, epoch: s.epoch, input: s.input, target: s.target, scores: s.scores }));
    const evalZip = buildZip([
      { name: 'header.json', data: JSON.stringify(header) },
      { name: 'summaries.json', data: JSON.stringify(summaries) },
      ...samples.map((s) => ({ name: `samples/${s.id}_epoch_1.json`, data: JSON.stringify(s) })),
    ]);
    const limits = { ...DEFAULT_INSPECT_LIMITS, maxLogBytes: 1024 ** 3 };
    for (const bytes of [json, evalZip]) {
      const s = await readInspectLog(bytes, limits);
      if (s.samplesInLog !== SAMPLES) throw new Error(`read ${s.samplesInLog} samples, not ${SAMPLES}`);
    }
    const mb = (b: Buffer) => b.length / 1024 ** 2;
    const parse = await callsPerSecond(() => JSON.parse(json.toString('utf8')), 3000);
    const ours = await callsPerSecond(() => readInspectLog(json, limits), 3000);
    const zipped = await callsPerSecond(() => readInspectLog(evalZip, limits), 3000);
    const note = (calls: number) => `${Math.round(calls * SAMPLES).toLocaleString('en-US')} samples/s`;
    const stored = await importThroughput(header, samples);
    return [
      {
        name: `.json log imported end to end (${mb(json).toFixed(1)} MB each, PGlite): read, hash, compress, store the run, audit and event`,
        value: stored.logsPerSecond * mb(json),
        unit: 'MB/s',
        baseline: { name: 'JSON.parse of the same bytes', value: parse * mb(json) },
        notes: `${note(stored.logsPerSecond)}; ${stored.logs} distinct logs, one transaction each`,
      },
      {
        name: `.json log (${mb(json).toFixed(1)} MB, ${SAMPLES.toLocaleString('en-US')} samples): detect, parse, summarise`,
        value: ours * mb(json),
        unit: 'MB/s',
        baseline: { name: 'JSON.parse of the same bytes', value: parse * mb(json) },
        goal: '≥ 0.8× JSON.parse',
        met: ours >= 0.8 * parse,
        notes: `${note(ours)} (JSON.parse alone: ${note(parse)})`,
      },
      {
        name: `.eval log (${mb(evalZip).toFixed(1)} MB zipped, the same samples): header and summaries only`,
        value: zipped * mb(json),
        unit: 'MB/s of the equivalent JSON',
        baseline: { name: 'JSON.parse of the equivalent .json log', value: parse * mb(json) },
        goal: '> JSON.parse (sample bodies are never inflated)',
        met: zipped > parse,
        notes: `${note(zipped)}; ${(zipped * mb(evalZip)).toFixed(1)} MB/s of the zip's own bytes`,
      },
    ];
  },
};

/**
 * Imports distinct copies of the log (a different run id each, so each is stored) through the
 * service into an in-memory PGlite, one transaction each, for about three seconds.
 */
async function importThroughput(head: typeof header, samples: readonly unknown[]): Promise<{ logsPerSecond: number; logs: number }> {
  const r = parseConfig({ AISC_DATA_DIR: 'memory://', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', AISC_WORKER: 'false' });
  if (!r.ok) throw new Error('config');
  const server = await startServer(r.config, { log: createLogger('silent'), webRoot: '/nonexistent' });
  try {
    const ctx = server.runtime.ctx;
    const lab = await createOrganisation(ctx, CLI_ACTOR, { name: 'Bench Lab', kind: 'ai_developer' });
    await createUser(ctx, CLI_ACTOR, { email: 'bench@lab.test', name: 'Bench', organisationId: lab.id, role: 'member', password: 'bench password long' });
    const p = await localSubmitter(ctx, 'bench@lab.test');
    const model = await createModel(ctx, p, { name: 'bench model', versions: [{ version: '1' }] });
    const checkpoint = await addCheckpoint(ctx, p, model.versions[0]!.id, { hash: `sha256:${'b'.repeat(64)}` });
    const body = JSON.stringify(samples);
    let n = 0;
    // The header with another run id, then the same samples (stringified once, outside the timing).
    const next = () => Buffer.from(`${JSON.stringify({ ...head, eval: { ...head.eval, run_id: `bench-${n++}` } }).slice(0, -1)},"samples":${body}}`);
    const once = async () => {
      const { created } = await importEvaluationRun(ctx, p, { checkpointId: checkpoint.id, bytes: next() });
      if (!created) throw new Error('a log was not stored');
    };
    const logsPerSecond = await callsPerSecond(once, 3000);
    return { logsPerSecond, logs: n };
  } finally {
    await server.close();
  }
}
