import { QueryClient } from '@tanstack/react-query';
import { onUnauthorised } from './api/client';
import { ApiError } from './api/problem';
import { adoptSession } from './api/session';

/** The TanStack Query client: no retries on 4xx, and a 401 anywhere ends the session in the UI. */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
  onUnauthorised(() => adoptSession(client, null));
  return client;
}
