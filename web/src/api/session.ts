import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import { ApiError } from './problem';
import type { Meta, Session } from './types';

export const sessionKey = ['session'] as const;
export const metaKey = ['meta'] as const;

/** `GET /api/session`, or `null` when nobody is logged in. */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/session', { expectUnauthorised: true });
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
    // Nothing cached from one user may be shown to the next.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== metaKey[0] });
  }
  client.setQueryData(sessionKey, session);
}

export function useAdoptSession(): (session: Session | null) => void {
  const client = useQueryClient();
  return (session) => adoptSession(client, session);
}

export function useMeta() {
  return useQuery({ queryKey: metaKey, queryFn: () => api.get<Meta>('/api/meta'), staleTime: 5 * 60_000 });
}

/** The label the server gives an id in one of the `GET /api/meta` vocabularies. */
export function labelOf(list: { id: string; label: string }[] | undefined, id: string): string {
  return list?.find((entry) => entry.id === id)?.label ?? id;
}

/** A `GET /api/meta` vocabulary as options of a Mantine Select or MultiSelect. */
export function toOptions(list: { id: string; label: string }[] | undefined): { value: string; label: string }[] {
  return (list ?? []).map((entry) => ({ value: entry.id, label: entry.label }));
}
