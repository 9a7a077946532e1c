import { useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type ResponseOf } from '../../../api/client';

/** Voluntary pre-release access calls of the UI (src/http/routes/frontier-access*.ts). */
export const accessKey = 'frontier-access';

export type Plan = ResponseOf<'/api/frontier/plans/{id}', 'get'>;
export type PlanSummary = ItemOf<ResponseOf<'/api/frontier/plans', 'get'>>;
export type Grant = Plan['grants'][number];
export type Nomination = ItemOf<ResponseOf<'/api/frontier/partners', 'get'>>;
export type Portfolio = ResponseOf<'/api/frontier/portfolio', 'get'>;

type Paging = { limit: number; offset: number };

export const usePlans = (paging: Paging) =>
  useQuery({
    queryKey: [accessKey, 'plans', paging],
    queryFn: () => body(client.GET('/api/frontier/plans', { params: { query: paging } })),
    placeholderData: (p) => p,
  });

export const usePlan = (id: string) =>
  useQuery({ queryKey: [accessKey, 'plan', id], queryFn: () => body(client.GET('/api/frontier/plans/{id}', { params: { path: { id } } })) });

export const useNominations = (paging: Paging) =>
  useQuery({
    queryKey: [accessKey, 'partners', paging],
    queryFn: () => body(client.GET('/api/frontier/partners', { params: { query: paging } })),
    placeholderData: (p) => p,
  });

/** The first page of the portfolio (up to 500 designated versions; the API pages on with `after`). */
export const usePortfolio = () =>
  useQuery({ queryKey: [accessKey, 'portfolio'], queryFn: () => body(client.GET('/api/frontier/portfolio', { params: { query: { limit: 500 } } })) });

/** The plan of a version, if the caller may see one (`GET /api/frontier/plans?versionId=`). */
export const usePlanOfVersion = (versionId: string) => {
  const plans = useQuery({
    queryKey: [accessKey, 'plans', { versionId }],
    queryFn: () => body(client.GET('/api/frontier/plans', { params: { query: { versionId, limit: 1, offset: 0 } } })),
  });
  return plans.data?.items[0] ?? null;
};

/** The access log of one grant (sessions of use, newest pages first as the server orders them). */
export const useSessions = (planId: string, grantId: string) =>
  useQuery({
    queryKey: [accessKey, 'sessions', planId, grantId],
    queryFn: () =>
      body(client.GET('/api/frontier/plans/{id}/grants/{grantId}/sessions', { params: { path: { id: planId, grantId }, query: { limit: 100, offset: 0 } } })),
  });

export type AccessPolicy = ResponseOf<'/api/frontier/access-policy', 'get'>;
export type TermsBody = BodyOf<'/api/frontier/plans/{id}/grants/{grantId}/terms', 'put'>;
export type Protection = TermsBody['protections'][number]['protection'];

export const useAccessPolicy = () => useQuery({ queryKey: [accessKey, 'policy'], queryFn: () => body(client.GET('/api/frontier/access-policy')) });

/** The writes; each answers what the server returns, the pages refetch afterwards. */
export const accessCalls = {
  createPlan: (plan: BodyOf<'/api/frontier/plans', 'post'>) => body(client.POST('/api/frontier/plans', { body: plan })),
  addGrant: (planId: string, grant: BodyOf<'/api/frontier/plans/{id}/grants', 'post'>) =>
    body(client.POST('/api/frontier/plans/{id}/grants', { params: { path: { id: planId } }, body: grant })),
  addOutage: (planId: string, grantId: string, outage: BodyOf<'/api/frontier/plans/{id}/grants/{grantId}/outages', 'post'>) =>
    body(client.POST('/api/frontier/plans/{id}/grants/{grantId}/outages', { params: { path: { id: planId, grantId } }, body: outage })),
  setTerms: (planId: string, grantId: string, terms: TermsBody) =>
    body(client.PUT('/api/frontier/plans/{id}/grants/{grantId}/terms', { params: { path: { id: planId, grantId } }, body: terms })),
  acknowledge: (planId: string, grantId: string, ack: BodyOf<'/api/frontier/plans/{id}/grants/{grantId}/acknowledgements', 'post'>) =>
    body(client.POST('/api/frontier/plans/{id}/grants/{grantId}/acknowledgements', { params: { path: { id: planId, grantId } }, body: ack })),
  recordSessions: (planId: string, grantId: string, sessions: BodyOf<'/api/frontier/plans/{id}/grants/{grantId}/sessions', 'post'>) =>
    body(client.POST('/api/frontier/plans/{id}/grants/{grantId}/sessions', { params: { path: { id: planId, grantId } }, body: sessions })),
  setPolicy: (policy: BodyOf<'/api/frontier/access-policy', 'put'>) => body(client.PUT('/api/frontier/access-policy', { body: policy })),
  nominate: (nomination: BodyOf<'/api/frontier/partners', 'post'>) => body(client.POST('/api/frontier/partners', { body: nomination })),
  transitionPartner: (id: string, change: BodyOf<'/api/frontier/partners/{id}/transitions', 'post'>) =>
    body(client.POST('/api/frontier/partners/{id}/transitions', { params: { path: { id } }, body: change })),
};
