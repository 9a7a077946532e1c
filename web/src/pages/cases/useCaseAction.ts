import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { casesKey } from './caseApi';

/** Posts to a path below the case and refreshes everything about cases afterwards. */
export function useCaseAction(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => api.post<unknown>(`/api/cases/${caseId}${path}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: [casesKey] }),
  });
}
