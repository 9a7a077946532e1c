import { useQuery } from '@tanstack/react-query';
import { body, client, type ItemOf, type QueryOf, type ResponseOf } from '../../api/client';

/**
 * The OSV fields the pages show (OSV 1.7). The server's advisory schema types `osv` as unknown
 * (src/http/routes/advisory-schemas.ts); delete this once it names the OSV document (issue 10 §2).
 */
export interface OsvDocument {
  id: string;
  aliases?: string[];
  summary?: string;
  details?: string;
  withdrawn?: string;
  severity?: { type: string; score: string }[];
  affected?: { package?: { ecosystem: string; name: string }; ranges?: { type: string; events: Record<string, string>[] }[]; versions?: string[] }[];
  references?: { type: string; url: string }[];
  credits?: { name: string; type?: string }[];
  database_specific?: { cwe_ids?: string[] };
}

/** An advisory as the API answers it, with its OSV document typed. */
export type Advisory = Omit<ResponseOf<'/api/advisories/{id}', 'get'>, 'osv'> & { osv: OsvDocument | null };
type AdvisoryPage = { items: Advisory[]; total: number };
export type AdvisoryState = NonNullable<QueryOf<'/api/advisories', 'get'>['state']>;

export const advisoriesKey = 'advisories';

/** Published advisories (the public list): the same for everyone, signed in or not. */
export function usePublicAdvisories(q: string, paging: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [advisoriesKey, 'public', q, paging],
    queryFn: async () => (await body(client.GET('/api/public/advisories', { params: { query: { q, ...paging } } }))) as AdvisoryPage,
    placeholderData: (previous) => previous,
  });
}

export function usePublicAdvisory(id: string) {
  return useQuery({
    queryKey: [advisoriesKey, 'public', id],
    queryFn: async () => (await body(client.GET('/api/public/advisories/{id}', { params: { path: { id } } }))) as Advisory,
  });
}

/** What the signed-in coordinator may see, drafts included. */
export function useDeskAdvisories(state: AdvisoryState | null, paging: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [advisoriesKey, 'desk', state, paging],
    queryFn: async () =>
      (await body(client.GET('/api/advisories', { params: { query: { ...(state ? { state } : {}), source: 'aisc', ...paging } } }))) as AdvisoryPage,
    placeholderData: (previous) => previous,
  });
}

/** Item type of a page answer, for components that take one advisory. */
export type AdvisoryItem = ItemOf<AdvisoryPage>;
