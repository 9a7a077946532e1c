import { DEFAULT_INSPECT_LIMITS, readInspectLog } from '../src/services/frontier/inspect-read';
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
    return [
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
