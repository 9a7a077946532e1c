import { useQuery } from '@tanstack/react-query';
import { auditKey } from '../live/useEventStream';
import { body, client, type ItemOf, type ResponseOf } from './client';

export type AuditEntry = ItemOf<ResponseOf<'/api/audit', 'get'>>;

export interface AuditFilter {
  recordType: string;
  recordId: string;
}

export function useAudit(filter: AuditFilter, paging: { limit: number; offset: number }) {
  const params = { ...filter, ...paging };
  return useQuery({
    queryKey: [auditKey, params],
    queryFn: () => body(client.GET('/api/audit', { params: { query: params } })),
    placeholderData: (previous) => previous,
  });
}
