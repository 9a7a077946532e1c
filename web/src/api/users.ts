import { useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type QueryOf, type ResponseOf } from './client';

export type User = ItemOf<ResponseOf<'/api/users', 'get'>>;
export type UserStatus = User['status'];
export type Invitation = ResponseOf<'/api/users', 'post'>['invitation'];

/** The record type of users in events and query keys. */
export const userKey = 'user';

/** The invitation form: fields not chosen yet are null. */
export type NewUser = { email: string; name: string } & { [K in 'organisationId' | 'role' | 'clearance']: string | null };

export function useUsers(params: QueryOf<'/api/users', 'get'>) {
  return useQuery({
    queryKey: [userKey, 'list', params],
    queryFn: () => body(client.GET('/api/users', { params: { query: params } })),
    placeholderData: (previous) => previous,
  });
}

/** Invites a user; the answer carries the invitation link, shown once. */
export function inviteUser(draft: NewUser) {
  // Fields not chosen yet are left out, so the server names them as missing rather than null.
  const chosen = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== null && value !== ''));
  return body(client.POST('/api/users', { body: chosen as BodyOf<'/api/users', 'post'> }));
}

export function updateUser(id: string, change: BodyOf<'/api/users/{id}', 'patch'>) {
  return body(client.PATCH('/api/users/{id}', { params: { path: { id } }, body: change }));
}
