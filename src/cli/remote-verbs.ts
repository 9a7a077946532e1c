import type { AiscClient } from '../client';
import { AppError } from '../domain/errors';
import { remoteClient } from './client';
import type { CliIo, GlobalOptions } from './io';

/**
 * What the verbs that work only on a server share (`aisc cases …`, `aisc frontier models|inquiries|reviews|plans …`):
 * the client they need, one page size, dates as days, and one JSON object read from a file.
 */

/** The server's client; without `--server` (or AISC_SERVER) one clear error naming the missing option. */
export function requireServer(io: CliIo, globals: GlobalOptions, verbs: string): AiscClient {
  const client = remoteClient(io, globals);
  if (!client)
    throw new AppError('VALIDATION', `${verbs} talk to a server: give --server URL --token T (or AISC_SERVER, AISC_TOKEN)`, [
      { path: '/server', message: 'required' },
    ]);
  return client;
}

/** The date part of an ISO timestamp, or a dash. */
export const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');

const PAGE = 200;

/** Every page of an offset-paged listing, in order. */
export async function allPages<Item>(page: (query: { limit: number; offset: number }) => Promise<{ items: Item[]; total: number }>): Promise<Item[]> {
  const out: Item[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { items, total } = await page({ limit: PAGE, offset });
    out.push(...items);
    if (offset + PAGE >= total) return out;
  }
}

/** One JSON object from a text (a file's, or stdin's); the server names every bad field inside it. */
export function parseJsonObject(text: string, file: string, what: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new AppError('VALIDATION', `${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`, [{ path: '', message: 'not JSON' }]);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new AppError('VALIDATION', `${file} must hold one JSON object (${what})`, [{ path: '', message: 'must be an object' }]);
  return doc as Record<string, unknown>;
}
