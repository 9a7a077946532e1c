import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type QueryOf, type ResponseOf } from '../../api/client';

/** Intake calls of the UI (findings, reports, triage, the CVSS calculator). */
export const reportKey = 'report';

export type Report = ItemOf<ResponseOf<'/api/reports', 'get'>>;
export type ReportDetail = ResponseOf<'/api/reports/{id}', 'get'>;
export type ReportCase = NonNullable<ReportDetail['case']>;
export type Reputation = NonNullable<NonNullable<Report['reputation']>['organisation']>;
export type QueueFilter = Omit<QueryOf<'/api/reports', 'get'>, 'limit' | 'offset' | 'cursor'>;
export type ItemResult = ResponseOf<'/api/findings', 'post'>;
export type FindingBody = BodyOf<'/api/findings', 'post'>;

/** The queue's reports so far (every page loaded), with its capped count (ADR 0051). */
export interface QueueSoFar {
  items: Report[];
  total: number;
  /** False when `total` is the cap, not the count: there are at least that many. */
  totalExact: boolean;
}

/**
 * The triage queue, a page of 100 at a time: `fetchNextPage` follows the server's `nextCursor`
 * (keyset paging, ADR 0051); `hasNextPage` is false on the last page.
 */
export function useReportQueue(filter: QueueFilter) {
  return useInfiniteQuery({
    queryKey: [reportKey, 'queue', filter],
    queryFn: ({ pageParam }) => body(client.GET('/api/reports', { params: { query: { ...filter, limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    select: (data): QueueSoFar => ({
      items: data.pages.flatMap((p) => p.items),
      total: data.pages[0]?.total ?? 0,
      totalExact: data.pages[0]?.totalExact ?? true,
    }),
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: [reportKey, id],
    queryFn: () => body(client.GET('/api/reports/{id}', { params: { path: { id } } })),
  });
}

export const submitFinding = (finding: FindingBody) => body(client.POST('/api/findings', { body: finding }));
export const transitionReport = (id: string, change: BodyOf<'/api/reports/{id}/transitions', 'post'>) =>
  body(client.POST('/api/reports/{id}/transitions', { params: { path: { id } }, body: change }));
export const assessReport = (id: string, change: BodyOf<'/api/reports/{id}', 'patch'>) =>
  body(client.PATCH('/api/reports/{id}', { params: { path: { id } }, body: change }));
export const scoreVector = (vector: string) => body(client.POST('/api/intake/cvss', { body: { vector } }));
