import { useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type ResponseOf } from '../../api/client';

/** Coordination calls of the UI (see src/http/routes/cases*.ts). */
export const casesKey = 'cases';

export type CaseDetail = ResponseOf<'/api/cases/{id}', 'get'>;
export type CaseSummary = ItemOf<ResponseOf<'/api/cases', 'get'>>;
export type Vulnerability = CaseDetail['vulnerabilities'][number];
export type Proposal = CaseDetail['proposals'][number];
export type CaseVendor = ItemOf<ResponseOf<'/api/cases/{id}/vendors', 'get'>>;
export type Statement = ItemOf<ResponseOf<'/api/cases/{id}/statements', 'get'>>;
export type InboxItem = ItemOf<ResponseOf<'/api/inbox', 'get'>>;

type Paging = { limit: number; offset: number };

export const useCases = (paging: Paging) =>
  useQuery({
    queryKey: [casesKey, 'list', paging],
    queryFn: () => body(client.GET('/api/cases', { params: { query: paging } })),
    placeholderData: (p) => p,
  });

export const fetchCase = (id: string) => body(client.GET('/api/cases/{id}', { params: { path: { id } } }));

export const useCase = (id: string) => useQuery({ queryKey: [casesKey, id], queryFn: () => fetchCase(id) });

export const useCaseVendors = (id: string, paging: Paging) =>
  useQuery({
    queryKey: [casesKey, id, 'vendors', paging],
    queryFn: () => body(client.GET('/api/cases/{id}/vendors', { params: { path: { id }, query: paging } })),
    placeholderData: (p) => p,
  });

export const useStatements = (id: string) =>
  useQuery({
    queryKey: [casesKey, id, 'statements'],
    queryFn: () => body(client.GET('/api/cases/{id}/statements', { params: { path: { id }, query: { limit: 500, offset: 0 } } })),
  });

export const useInbox = (paging: Paging) =>
  useQuery({
    queryKey: [casesKey, 'inbox', paging],
    queryFn: () => body(client.GET('/api/inbox', { params: { query: paging } })),
    placeholderData: (p) => p,
  });

/** The writes below a case; each answers what the server returns, the pages refetch afterwards. */
export const caseCalls = {
  transition: (id: string, change: BodyOf<'/api/cases/{id}/transition', 'post'>) =>
    body(client.POST('/api/cases/{id}/transition', { params: { path: { id } }, body: change })),
  inviteVendors: (id: string, invitation: BodyOf<'/api/cases/{id}/vendors', 'post'>) =>
    body(client.POST('/api/cases/{id}/vendors', { params: { path: { id } }, body: invitation })),
  state: (id: string, vulnerabilityId: string, statement: BodyOf<'/api/cases/{id}/vulnerabilities/{childId}/statement', 'post'>) =>
    body(client.POST('/api/cases/{id}/vulnerabilities/{childId}/statement', { params: { path: { id, childId: vulnerabilityId } }, body: statement })),
  shareStatement: (id: string, statementId: string) =>
    body(client.POST('/api/cases/{id}/statements/{childId}/share', { params: { path: { id, childId: statementId } } })),
  proposeEmbargo: (id: string, proposal: BodyOf<'/api/cases/{id}/embargo/proposals', 'post'>) =>
    body(client.POST('/api/cases/{id}/embargo/proposals', { params: { path: { id } }, body: proposal })),
  acceptProposal: (id: string, proposalId: string) =>
    body(client.POST('/api/cases/{id}/embargo/proposals/{childId}/accept', { params: { path: { id, childId: proposalId } } })),
  decideEmbargo: (id: string, decision: BodyOf<'/api/cases/{id}/embargo/decision', 'post'>) =>
    body(client.POST('/api/cases/{id}/embargo/decision', { params: { path: { id } }, body: decision })),
  draftAdvisory: (id: string, draft: BodyOf<'/api/cases/{id}/advisory', 'post'>) =>
    body(client.POST('/api/cases/{id}/advisory', { params: { path: { id } }, body: draft })),
};

export const openCase = (draft: BodyOf<'/api/cases', 'post'>) => body(client.POST('/api/cases', { body: draft }));
