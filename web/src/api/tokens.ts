import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { ApiToken, Page } from './types';

/** The record type of API tokens in events and query keys. */
export const apiTokenKey = 'api_token';

export interface CreatedToken {
  token: ApiToken;
  /** The full token, returned by the server this once only. */
  secret: string;
}

/** The caller's own tokens: a short list, so the API does not page it. */
export function useTokens() {
  return useQuery({ queryKey: [apiTokenKey, 'list'], queryFn: () => api.get<Page<ApiToken>>('/api/tokens') });
}

export function createToken(body: { name: string; scopes: string[]; expiresInDays?: number }) {
  return api.post<CreatedToken>('/api/tokens', body);
}

export function revokeToken(id: string) {
  return api.delete(`/api/tokens/${encodeURIComponent(id)}`);
}
