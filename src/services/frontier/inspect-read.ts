import { AppError } from '../../domain/errors';
import { detectInspectFormat, type InspectRunSummary, readInspectEval, readInspectJson } from '../../standards/inspect';
import { type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS, readEvalArchive } from './inspect-archive';

export interface InspectReadLimits extends ArchiveLimits {
  /** The largest log file accepted, in bytes (AISC_INSPECT_LOG_LIMIT_BYTES). */
  readonly maxLogBytes: number;
}

export const DEFAULT_INSPECT_LIMITS: InspectReadLimits = Object.freeze({ ...DEFAULT_ARCHIVE_LIMITS, maxLogBytes: 64 * 1024 ** 2 });

/**
 * The summary of an Inspect log from its bytes, either format (detected from the bytes, not a
 * name or media type). Bad content throws a FormatError naming what is wrong; a file over the
 * size limit is PAYLOAD_TOO_LARGE before anything is parsed.
 */
export async function readInspectLog(bytes: Buffer, limits: InspectReadLimits = DEFAULT_INSPECT_LIMITS): Promise<InspectRunSummary> {
  if (bytes.length > limits.maxLogBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `The log is ${bytes.length} bytes; the limit is ${limits.maxLogBytes}`, [
      { path: '', message: `larger than ${limits.maxLogBytes} bytes` },
    ]);
  return detectInspectFormat(bytes) === 'eval' ? readInspectEval(await readEvalArchive(bytes, limits)) : readInspectJson(bytes);
}
