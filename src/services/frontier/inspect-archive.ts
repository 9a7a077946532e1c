import type { Readable } from 'node:stream';
import yauzl, { type Entry } from 'yauzl';
import { archiveNameProblem, type EvalArchive, isSummaryEntry, parseJsonBytes } from '../../standards/inspect';
import { FormatError } from '../../standards/problem';

/** How much an `.eval` archive may hold before it is refused as a zip bomb (ADR 0102). */
export interface ArchiveLimits {
  /** Entries in the central directory. */
  readonly maxEntries: number;
  /** Declared uncompressed bytes of all entries together. */
  readonly maxTotalBytes: number;
  /** Uncompressed bytes of one entry that is read (a header, the summaries). */
  readonly maxEntryBytes: number;
  /** Uncompressed ÷ compressed size of any one entry. */
  readonly maxRatio: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = Object.freeze({
  maxEntries: 200_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntryBytes: 256 * 1024 ** 2,
  maxRatio: 1000,
});

const refuse = (message: string, path = ''): FormatError => new FormatError('inspect', [{ path, message }]);

/** yauzl's errors in the words of the problem: the bytes are not a zip, or it lies about a size. */
function zipError(err: unknown, name?: string): FormatError {
  if (err instanceof FormatError) return err;
  const why = err instanceof Error ? err.message : String(err);
  if (/too many bytes|too few bytes|unexpected EOF|invalid|not enough|end of central directory/i.test(why)) {
    return refuse(name ? `entry ${name} is damaged or lies about its size: ${why}` : `is not a readable .eval (zip) archive: ${why}`, name ? `/${name}` : '');
  }
  return refuse(name ? `entry ${name} cannot be read: ${why}` : `is not a readable .eval (zip) archive: ${why}`, name ? `/${name}` : '');
}

/** Reads one entry's stream, stopping as soon as it passes `cap` bytes (what it declares is not trusted). */
async function drain(stream: Readable, cap: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    n += chunk.length;
    if (n > cap) {
      stream.destroy();
      throw refuse(`entry ${name} inflates past ${cap} bytes`, `/${name}`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The entries of an `.eval` log the summary needs, from its bytes, with the zip-bomb and
 * traversal checks done on the central directory before anything is inflated: entry count,
 * each name, each declared size and compression ratio, and the declared total. Only summary
 * entries are inflated (sample transcripts never are), each with yauzl's check that it inflates
 * to exactly its declared size and a hard cap of our own.
 */
export async function readEvalArchive(bytes: Buffer, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<EvalArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: true });
  } catch (err) {
    throw zipError(err);
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw refuse(`has ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed`);
    const wanted: { name: string; entry: Entry }[] = [];
    const names: string[] = [];
    let total = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        const name = Buffer.from(entry.fileName as unknown as Uint8Array).toString('utf8');
        const bad = archiveNameProblem(name);
        if (bad) throw refuse(`unsafe archive: ${bad}`, `/${name}`);
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) throw refuse(`inflates to more than ${limits.maxTotalBytes} bytes (zip bomb?)`);
        if (entry.uncompressedSize > Math.max(entry.compressedSize, 1) * limits.maxRatio)
          throw refuse(
            `entry ${name} inflates ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))}× (more than ${limits.maxRatio}×: zip bomb?)`,
            `/${name}`,
          );
        names.push(name);
        if (name.endsWith('/')) continue;
        if (isSummaryEntry(name)) {
          if (entry.uncompressedSize > limits.maxEntryBytes)
            throw refuse(`entry ${name} declares ${entry.uncompressedSize} bytes, more than the ${limits.maxEntryBytes} allowed`, `/${name}`);
          wanted.push({ name, entry });
        }
      }
    } catch (err) {
      throw zipError(err);
    }
    const entries = new Map<string, unknown>();
    for (const { name, entry } of wanted) {
      let data: Buffer;
      try {
        data = await drain(await zip.openReadStreamPromise(entry), Math.min(entry.uncompressedSize, limits.maxEntryBytes), name);
      } catch (err) {
        throw zipError(err, name);
      }
      entries.set(name, parseJsonBytes(data, `/${name}`));
    }
    return { entries, names };
  } finally {
    zip.close();
  }
}
