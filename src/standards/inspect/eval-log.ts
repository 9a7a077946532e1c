import { FormatError } from '../problem';
import { summariseInspectLog } from './summary';
import type { InspectRunSummary } from './types';

/**
 * The `.eval` layout (inspect_ai `log/_recorders/eval.py`), a zip of JSON entries:
 * - `header.json`: the finished log without samples (version, status, eval, plan, results, stats, error);
 * - `_journal/start.json`: version, eval and plan, written when the run starts;
 * - `summaries.json`: one summary per sample (id, epoch, scores, error…), written at the end;
 *   `_journal/summaries/<n>.json` the same in flushes while the run goes;
 * - `reductions.json`: per-sample scores reduced across epochs;
 * - `samples/<id>_epoch_<n>.json`: the sample transcripts — not needed for the summary.
 * Older writers (inspect_ai 0.3.4x) put `start.json`, `results.json` and `summary.json` at the root.
 */
export const EVAL_HEADER = 'header.json';
export const EVAL_JOURNAL_START = '_journal/start.json';
export const EVAL_LEGACY_START = 'start.json';
export const EVAL_LEGACY_RESULTS = 'results.json';
export const EVAL_SUMMARIES = 'summaries.json';
export const EVAL_LEGACY_SUMMARIES = 'summary.json';
const JOURNAL_SUMMARY = /^_journal\/summaries\/(\d+)\.json$/;
const SAMPLE = /^samples\/[^/]+\.json$/;

/** Whether the summary reads this entry (every small entry; never a sample body). */
export function isSummaryEntry(name: string): boolean {
  return (
    [EVAL_HEADER, EVAL_JOURNAL_START, EVAL_LEGACY_START, EVAL_LEGACY_RESULTS, EVAL_SUMMARIES, EVAL_LEGACY_SUMMARIES].includes(name) ||
    JOURNAL_SUMMARY.test(name)
  );
}

export const isSampleEntry = (name: string): boolean => SAMPLE.test(name);

/** The entries of an `.eval` the summary reads, parsed, and the names of all the others. */
export interface EvalArchive {
  /** Parsed JSON of each summary entry (`isSummaryEntry`), by name. */
  readonly entries: ReadonlyMap<string, unknown>;
  /** Every entry name in the archive. */
  readonly names: readonly string[];
}

const listAt = (v: unknown, name: string): unknown[] => {
  if (Array.isArray(v)) return v;
  throw new FormatError('inspect', [{ path: `/${name}`, message: 'must be a list of sample summaries' }]);
};

/** The sample summaries: `summaries.json` when the run finished, else every journal flush in order. */
function summariesOf(a: EvalArchive): unknown[] {
  for (const name of [EVAL_SUMMARIES, EVAL_LEGACY_SUMMARIES]) if (a.entries.has(name)) return listAt(a.entries.get(name), name);
  return [...a.entries.keys()]
    .map((n) => ({ n, m: JOURNAL_SUMMARY.exec(n) }))
    .filter((x) => x.m)
    .sort((x, y) => Number(x.m![1]) - Number(y.m![1]))
    .flatMap((x) => listAt(a.entries.get(x.n), x.n));
}

/**
 * Summarises an `.eval` log from its header and summaries alone. A finished log has
 * `header.json`; a run still going (or killed) has only the journal's start, and its status
 * is `started` unless the legacy `results.json` says otherwise.
 */
export function readInspectEval(a: EvalArchive): InspectRunSummary {
  const summaries = summariesOf(a);
  const samplesInLog = summaries.length > 0 ? summaries.length : a.names.filter(isSampleEntry).length;
  const sampleErrors = summaries.filter((s) => s && typeof s === 'object' && (s as { error?: unknown }).error).length;
  if (a.entries.has(EVAL_HEADER)) return summariseInspectLog('eval', { log: a.entries.get(EVAL_HEADER), samplesInLog, sampleErrors, base: `/${EVAL_HEADER}` });
  const startName = [EVAL_JOURNAL_START, EVAL_LEGACY_START].find((n) => a.entries.has(n));
  if (!startName)
    throw new FormatError('inspect', [{ path: '', message: `is not an Inspect .eval log: it has neither ${EVAL_HEADER} nor ${EVAL_JOURNAL_START}` }]);
  const start = a.entries.get(startName);
  const results = a.entries.get(EVAL_LEGACY_RESULTS);
  const log = { status: 'started', ...(results && typeof results === 'object' ? results : {}), ...(start && typeof start === 'object' ? start : {}) };
  return summariseInspectLog('eval', { log, samplesInLog, sampleErrors, base: `/${startName}` });
}
