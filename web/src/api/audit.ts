import { useQuery } from '@tanstack/react-query';
import { auditKey } from '../live/useEventStream';
import { api, query } from './client';
import type { AuditEntry, Page } from './types';

export interface AuditFilter {
  recordType: string;
  recordId: string;
}

export function useAudit(filter: AuditFilter, paging: { limit: number; offset: number }) {
  const params = { ...filter, ...paging };
  return useQuery({
    queryKey: [auditKey, params],
    queryFn: () => api.get<Page<AuditEntry>>(`/api/audit${query(params)}`),
    placeholderData: (previous) => previous,
  });
}
