import { FormatError } from '../problem';
import { summariseInspectLog } from './summary';
import type { InspectRunSummary } from './types';

/**
 * One JSON value from bytes, or a FormatError saying where it breaks: a truncated log ends
 * in the middle of a value, which JSON.parse reports as an unexpected end.
 */
export function parseJsonBytes(bytes: Uint8Array, path = ''): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FormatError('inspect', [{ path, message: 'is not UTF-8 text' }]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    // A log cut short fails where the text ends: V8 says "end of JSON input", or names that position.
    const at = /position (\d+)/.exec(why);
    const truncated = /end of (JSON )?input|Unterminated/i.test(why) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    throw new FormatError('inspect', [{ path, message: `${truncated ? 'is truncated: ' : 'is not valid JSON: '}${why}` }]);
  }
}

/** Samples of a JSON log (`EvalLog.samples`), with how many of them carry an `error`. */
function sampleCounts(log: unknown): { samplesInLog: number; sampleErrors: number } {
  const samples = log && typeof log === 'object' ? (log as { samples?: unknown }).samples : undefined;
  if (!Array.isArray(samples)) return { samplesInLog: 0, sampleErrors: 0 };
  const sampleErrors = samples.filter((s) => s && typeof s === 'object' && (s as { error?: unknown }).error).length;
  return { samplesInLog: samples.length, sampleErrors };
}

/**
 * Summarises an Inspect JSON log (`.json`, inspect_ai's `JSONRecorder`): one `EvalLog` document,
 * header and samples together, so the whole of it is parsed.
 */
export function readInspectJson(bytes: Uint8Array): InspectRunSummary {
  const log = parseJsonBytes(bytes);
  if (!log || typeof log !== 'object' || Array.isArray(log)) throw new FormatError('inspect', [{ path: '', message: 'must be a JSON object (an EvalLog)' }]);
  return summariseInspectLog('json', { log, ...sampleCounts(log) });
}
