import { useQuery } from '@tanstack/react-query';
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

export function useReportQueue(filter: QueueFilter) {
  return useQuery({
    queryKey: [reportKey, 'queue', filter],
    queryFn: () => body(client.GET('/api/reports', { params: { query: { ...filter, limit: 100 } } })),
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
