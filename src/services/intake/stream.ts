import { AppError } from '../../domain/errors';
import { ItemSplitter, type SplitItem } from '../../standards/json-stream/item-splitter';
import { FormatError } from '../../standards/problem';
import type { RawItem } from './check-items';

/** Per-request limits of a bulk submission (issue 4: up to 100,000 findings per request). */
export const MAX_ITEMS_PER_REQUEST = 100_000;
export const MAX_BATCH_BYTES = 1_073_741_824;
export const MAX_ITEM_CHARS = 2_000_000;
export const MAX_ITEM_DEPTH = 32;

function toRaw(s: SplitItem): RawItem {
  if (s.index >= MAX_ITEMS_PER_REQUEST) return { index: s.index, problem: `over the limit of ${MAX_ITEMS_PER_REQUEST} items per request` };
  // Parsed where it is checked (check-items.ts): on the intake thread when there is one.
  return s;
}

/**
 * Reads a bulk body as it arrives (never whole): a JSON array or NDJSON, item by item.
 * A body that is not an array, is cut off, or exceeds the byte limit is a request error.
 */
export async function* readItems(body: AsyncIterable<Uint8Array | string>, mode: 'array' | 'ndjson'): AsyncGenerator<RawItem> {
  try {
    yield* splitItems(body, mode);
  } catch (err) {
    if (!(err instanceof FormatError)) throw err;
    throw new AppError('VALIDATION', 'The body is not a JSON array of findings', err.problems);
  }
}

async function* splitItems(body: AsyncIterable<Uint8Array | string>, mode: 'array' | 'ndjson'): AsyncGenerator<RawItem> {
  const splitter = new ItemSplitter(mode, { maxItemChars: MAX_ITEM_CHARS, maxDepth: MAX_ITEM_DEPTH });
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for await (const chunk of body) {
    bytes += chunk.length;
    if (bytes > MAX_BATCH_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `A bulk submission is at most ${MAX_BATCH_BYTES} bytes`);
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    for (const s of splitter.push(text)) yield toRaw(s);
  }
  for (const s of splitter.push(decoder.decode())) yield toRaw(s);
  for (const s of splitter.end()) yield toRaw(s);
}
