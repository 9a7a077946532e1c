import { useQuery } from '@tanstack/react-query';
import { api, query } from './client';
import type { Invitation, Page, User } from './types';

/** The record type of users in events and query keys. */
export const userKey = 'user';

export interface NewUser {
  email: string;
  name: string;
  organisationId: string | null;
  role: string | null;
  clearance: string | null;
}

export function useUsers(params: { organisationId?: string | null; limit: number; offset: number }) {
  return useQuery({
    queryKey: [userKey, 'list', params],
    queryFn: () => api.get<Page<User>>(`/api/users${query(params)}`),
    placeholderData: (previous) => previous,
  });
}

/** Invites a user; the answer carries the invitation link, shown once. */
export function inviteUser(draft: NewUser) {
  // Fields not chosen yet are left out, so the server names them as missing rather than null.
  const body = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== null && value !== ''));
  return api.post<{ user: User; invitation: Invitation }>('/api/users', body);
}

export function updateUser(id: string, change: { role?: string; clearance?: string; disabled?: boolean }) {
  return api.patch<User>(`/api/users/${encodeURIComponent(id)}`, change);
}
