import { useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type ResponseOf } from './client';

export type ApiToken = ItemOf<ResponseOf<'/api/tokens', 'get'>>;
/** The new token and, this once only, its full secret. */
export type CreatedToken = ResponseOf<'/api/tokens', 'post'>;

/** The record type of API tokens in events and query keys. */
export const apiTokenKey = 'api_token';

/** The caller's own tokens: a short list, so the API does not page it. */
export function useTokens() {
  return useQuery({ queryKey: [apiTokenKey, 'list'], queryFn: () => body(client.GET('/api/tokens')) });
}

export function createToken(draft: BodyOf<'/api/tokens', 'post'>) {
  return body(client.POST('/api/tokens', { body: draft }));
}

export function revokeToken(id: string) {
  return body(client.DELETE('/api/tokens/{id}', { params: { path: { id } } }));
}
