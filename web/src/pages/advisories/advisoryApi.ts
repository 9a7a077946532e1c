import { useQuery } from '@tanstack/react-query';
import { body, client, type ItemOf, type QueryOf, type ResponseOf } from '../../api/client';

/** An advisory as the API answers it; `osv` is its published OSV record (OSV 1.7), null before publication. */
export type Advisory = ResponseOf<'/api/advisories/{id}', 'get'>;
export type OsvDocument = NonNullable<Advisory['osv']>;
type AdvisoryPage = ResponseOf<'/api/advisories', 'get'>;
export type AdvisoryState = NonNullable<QueryOf<'/api/advisories', 'get'>['state']>;

export const advisoriesKey = 'advisories';

/** Published advisories (the public list): the same for everyone, signed in or not. */
export function usePublicAdvisories(q: string, paging: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [advisoriesKey, 'public', q, paging],
    queryFn: () => body(client.GET('/api/public/advisories', { params: { query: { q, ...paging } } })),
    placeholderData: (previous) => previous,
  });
}

export function usePublicAdvisory(id: string) {
  return useQuery({
    queryKey: [advisoriesKey, 'public', id],
    queryFn: () => body(client.GET('/api/public/advisories/{id}', { params: { path: { id } } })),
  });
}

/** What the signed-in coordinator may see, drafts included. */
export function useDeskAdvisories(state: AdvisoryState | null, paging: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [advisoriesKey, 'desk', state, paging],
    queryFn: () => body(client.GET('/api/advisories', { params: { query: { ...(state ? { state } : {}), source: 'aisc', ...paging } } })),
    placeholderData: (previous) => previous,
  });
}

/** Item type of a page answer, for components that take one advisory. */
export type AdvisoryItem = ItemOf<AdvisoryPage>;
