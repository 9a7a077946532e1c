import { useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type Known, type QueryOf, type ResponseOf } from '../../api/client';

/** Intake calls of the UI (findings, reports, triage, the CVSS calculator). */
export const reportKey = 'report';

/**
 * Fields the server sends on a report that its `Report` response schema does not name yet
 * (it is a loose object: src/http/routes/intake-schemas.ts). Delete this once the schema is
 * strict (issue 10 §2): the generated type then carries them, and any drift fails the type check.
 */
interface ReportSchemaGap {
  cweName: string | null;
  cvss: { vector: string; score: number } | null;
  finderKind: string;
  modelName: string | null;
  reproduction: { status: string; by: string | null; at: string | null };
  ssvc: { decision?: string } | null;
  closesAt: string | null;
}

/** The same for the findings of `GET /api/reports/{id}` (typed there as `{ id }` and more). */
interface FindingSchemaGap {
  organisationId: string;
  title: string;
  description: string;
  provenance: { finderKind: string; model: { name: string; version: string | null } | null };
  location: { file: string | null; line: number | null; function: string | null };
  proofOfConcept: Array<{ id: string; name: string; size: number; tlp: string }>;
}

export type Report = Known<ItemOf<ResponseOf<'/api/reports', 'get'>>> & ReportSchemaGap;
type ReportDetailAnswer = ResponseOf<'/api/reports/{id}', 'get'>;
export type ReportDetail = Omit<Known<ReportDetailAnswer>, 'findings'> &
  ReportSchemaGap & { findings: Array<Known<ReportDetailAnswer['findings'][number]> & FindingSchemaGap> };
export type ReportCase = NonNullable<ReportDetailAnswer['case']>;
export type Reputation = NonNullable<NonNullable<Report['reputation']>['organisation']>;
export type QueueFilter = Omit<QueryOf<'/api/reports', 'get'>, 'limit' | 'offset'>;
export type ItemResult = ResponseOf<'/api/findings', 'post'>;
export type FindingBody = BodyOf<'/api/findings', 'post'>;

/**
 * Types an answer with the fields its loose schema does not name yet (see `ReportSchemaGap`).
 * The one unchecked conversion of the intake calls; it goes with the gap types.
 */
function withSchemaGap<T>(answer: object): T {
  return answer as T;
}

export function useReportQueue(filter: QueueFilter) {
  return useQuery({
    queryKey: [reportKey, 'queue', filter],
    queryFn: async () =>
      withSchemaGap<{ items: Report[]; total: number }>(await body(client.GET('/api/reports', { params: { query: { ...filter, limit: 100 } } }))),
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: [reportKey, id],
    queryFn: async () => withSchemaGap<ReportDetail>(await body(client.GET('/api/reports/{id}', { params: { path: { id } } }))),
  });
}

export const submitFinding = (finding: FindingBody) => body(client.POST('/api/findings', { body: finding }));
export const transitionReport = (id: string, change: BodyOf<'/api/reports/{id}/transitions', 'post'>) =>
  body(client.POST('/api/reports/{id}/transitions', { params: { path: { id } }, body: change }));
export const assessReport = (id: string, change: BodyOf<'/api/reports/{id}', 'patch'>) =>
  body(client.PATCH('/api/reports/{id}', { params: { path: { id } }, body: change }));
export const scoreVector = (vector: string) => body(client.POST('/api/intake/cvss', { body: { vector } }));
