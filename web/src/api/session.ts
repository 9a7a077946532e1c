import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { body, client, type ResponseOf, setCsrfToken } from './client';
import { ApiError } from './problem';

export type Session = ResponseOf<'/api/session', 'get'>;
export type SessionUser = Session['user'];

export const sessionKey = ['session'] as const;
export const metaKey = ['meta'] as const;

/** `GET /api/session`, or `null` when nobody is logged in. */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await body(client.GET('/api/session'));
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** The logged-in session; only for components rendered inside the authenticated shell. */
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession used outside the authenticated shell');
  return data;
}

/** Admins of an organisation and platform administrators may use the admin pages. */
export function isAdmin(session: Session | null | undefined): boolean {
  return !!session && (session.platformAdmin || session.user.role === 'admin');
}

/** Stores a session the server just answered (login, setup, invitation) without refetching. */
export function adoptSession(client: QueryClient, session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  if (session === null) {
    // Nothing cached from one user may be shown to the next; the vocabularies are the same for all.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== metaKey[0] && q.queryKey[0] !== vocabularyKey[0] });
  }
  client.setQueryData(sessionKey, session);
}

export function useAdoptSession(): (session: Session | null) => void {
  const client = useQueryClient();
  return (session) => adoptSession(client, session);
}

/** `GET /api/meta`: whether the first administrator still has to be set up. */
export function useMeta() {
  return useQuery({ queryKey: metaKey, queryFn: () => body(client.GET('/api/meta')), staleTime: 5 * 60_000 });
}

export type Vocabulary = ResponseOf<'/api/vocabulary', 'get'>;
export const vocabularyKey = ['vocabulary'] as const;

/**
 * `GET /api/vocabulary`: every closed list of values (states, severities, ecosystems, SSVC, TLP,
 * organisation kinds, sectors, roles), read from the domain's constants on the server. The lists
 * change only with a release, so one fetch serves the whole session.
 */
export function useVocabulary() {
  return useQuery({
    queryKey: vocabularyKey,
    queryFn: () => body(client.GET('/api/vocabulary')),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** The label the server gives an id in one of its labelled vocabularies. */
export function labelOf(list: readonly { id: string; label: string }[] | undefined, id: string): string {
  return list?.find((entry) => entry.id === id)?.label ?? id;
}

/** The id of a vocabulary entry a picker chose, typed as the vocabulary types it (`undefined` if not in it). */
export function idIn<Id extends string>(list: readonly { id: Id }[] | undefined, chosen: string | null): Id | undefined {
  return list?.find((entry) => entry.id === chosen)?.id;
}

/** A labelled vocabulary, or a list of plain values, as options of a Mantine Select or MultiSelect. */
export function toOptions(list: readonly ({ id: string; label: string } | string)[] | undefined): { value: string; label: string }[] {
  return (list ?? []).map((entry) => (typeof entry === 'string' ? { value: entry, label: entry } : { value: entry.id, label: entry.label }));
}
