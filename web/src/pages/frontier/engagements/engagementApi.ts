import { useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type QueryOf, type ResponseOf } from '../../../api/client';

/** Third-party assessment calls of the UI (src/http/routes/frontier-engagements.ts). */
export const engagementKey = 'frontier-engagements';

export type Engagement = ResponseOf<'/api/frontier/engagements/{id}', 'get'>;
export type EngagementSummary = ItemOf<ResponseOf<'/api/frontier/engagements', 'get'>>;
export type AssessmentFinding = Engagement['findings'][number];
export type EngagementMove = BodyOf<'/api/frontier/engagements/{id}/moves', 'post'>;
export type EngagementBody = BodyOf<'/api/frontier/engagements', 'post'>;
export type FindingBody = BodyOf<'/api/frontier/engagements/{id}/findings', 'post'>;
export type ConclusionBody = BodyOf<'/api/frontier/engagements/{id}/conclusions', 'put'>;
export type RemediationBody = BodyOf<'/api/frontier/engagements/{id}/findings/{findingId}/remediation', 'post'>;
export type EngagementFilter = QueryOf<'/api/frontier/engagements', 'get'>;

export const useEngagements = (query: EngagementFilter) =>
  useQuery({
    queryKey: [engagementKey, 'list', query],
    queryFn: () => body(client.GET('/api/frontier/engagements', { params: { query } })),
    placeholderData: (p) => p,
  });

export const useEngagement = (id: string) =>
  useQuery({ queryKey: [engagementKey, 'one', id], queryFn: () => body(client.GET('/api/frontier/engagements/{id}', { params: { path: { id } } })) });

export const useRiskScales = () =>
  useQuery({ queryKey: [engagementKey, 'risk-scales'], queryFn: () => body(client.GET('/api/frontier/risk-scales')), staleTime: Number.POSITIVE_INFINITY });

const path = (id: string) => ({ params: { path: { id } } });

export const engagementCalls = {
  create: (b: EngagementBody) => body(client.POST('/api/frontier/engagements', { body: b })),
  move: (id: string, m: EngagementMove) => body(client.POST('/api/frontier/engagements/{id}/moves', { ...path(id), body: m })),
  addFinding: (id: string, f: FindingBody) => body(client.POST('/api/frontier/engagements/{id}/findings', { ...path(id), body: f })),
  remediate: (id: string, findingId: string, r: RemediationBody) =>
    body(client.POST('/api/frontier/engagements/{id}/findings/{findingId}/remediation', { params: { path: { id, findingId } }, body: r })),
  conclude: (id: string, c: ConclusionBody) => body(client.PUT('/api/frontier/engagements/{id}/conclusions', { ...path(id), body: c })),
};

/** Plain words for the state machine's moves (the buttons). */
export const MOVE_LABELS: Record<string, string> = {
  request_access: 'Request access',
  start: 'Start the assessment',
  submit_draft: 'Submit the draft report',
  open_review: 'Open the factual review',
  close_review: 'Close the factual review',
  finalise: 'Finalise the report',
  publish_summary: 'Publish a summary',
  keep_confidential: 'Keep confidential',
  withdraw: 'Withdraw',
};

export const words = (s: string) => s.replace(/_/g, ' ');
