import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { Page } from '../../api/types';

/** Coordination calls of the UI (see src/http/routes/cases*.ts). */
export const casesKey = 'cases';

export interface Proposal {
  id: string;
  publicAt: string;
  reason: string | null;
  extension: boolean;
  proposedByOrganisationId: string;
  status: string;
}

export interface ProofOfConcept {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

/** A case vulnerability with its report's technical details (ADR 0031). */
export interface Vulnerability {
  id: string;
  title: string;
  product: string | null;
  cwe: string | null;
  vendorOrganisationId: string | null;
  description: string | null;
  affectedVersions: string[];
  severity: string | null;
  cvss: { vector: string; score: number | null } | null;
  ssvc: { decision: string; vector: string } | null;
  proofOfConcept: ProofOfConcept[];
}

export interface CaseSummary {
  id: string;
  kind: string;
  state: string;
  title: string;
  summary: string;
  exploited: boolean;
  embargo: { state: string; publicAt: string | null };
  advisoryId: string | null;
  /** Why the case was disclosed before its agreed date, when it was. */
  disclosureReason?: string | null;
  vendorCount?: number;
  coordinatorOrganisationId?: string;
  createdAt: string;
}

export interface CaseDetail extends CaseSummary {
  vulnerabilities: Vulnerability[];
  proposals: Proposal[];
}

export interface CaseVendor {
  organisationId: string;
  name: string;
  status: string;
  statementCount: number;
  embargoResponse: { proposalId: string | null; response: string } | null;
}

export interface Statement {
  id: string;
  vulnerabilityId: string;
  vendorOrganisationId: string;
  status: string;
  justification: string | null;
  fixedVersions: string[];
  shared: boolean;
}

export interface InboxItem {
  participation: { invitedAt: string; status: string };
  case: CaseSummary;
}

export const useCases = (paging: { limit: number; offset: number }) =>
  useQuery({ queryKey: [casesKey, 'list', paging], queryFn: () => api.get<Page<CaseSummary>>(`/api/cases${query(paging)}`), placeholderData: (p) => p });

export const useCase = (id: string) => useQuery({ queryKey: [casesKey, id], queryFn: () => api.get<CaseDetail>(`/api/cases/${id}`) });

export const useCaseVendors = (id: string, paging: { limit: number; offset: number }) =>
  useQuery({
    queryKey: [casesKey, id, 'vendors', paging],
    queryFn: () => api.get<Page<CaseVendor>>(`/api/cases/${id}/vendors${query(paging)}`),
    placeholderData: (p) => p,
  });

export const useStatements = (id: string) =>
  useQuery({
    queryKey: [casesKey, id, 'statements'],
    queryFn: () => api.get<Page<Statement>>(`/api/cases/${id}/statements${query({ limit: 500, offset: 0 })}`),
  });

export const useInbox = (paging: { limit: number; offset: number }) =>
  useQuery({ queryKey: [casesKey, 'inbox', paging], queryFn: () => api.get<Page<InboxItem>>(`/api/inbox${query(paging)}`), placeholderData: (p) => p });
