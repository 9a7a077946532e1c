import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { Page } from '../../api/types';

/** Intake calls of the UI (findings, reports, triage, the CVSS calculator). */
export const reportKey = 'report';

export interface Reputation {
  submitted: number;
  accepted: number;
  rejected: number;
  precision: number | null;
}

export interface Report {
  id: string;
  state: string;
  title: string;
  product: string;
  cwe: string | null;
  cweName: string | null;
  severity: string;
  cvss: { vector: string; score: number } | null;
  exploited: boolean;
  knownExploited: boolean;
  finderKind: string;
  modelName: string | null;
  findingCount: number;
  reproduction: { status: string; by: string | null; at: string | null };
  ssvc: { decision?: string } | null;
  reason: string | null;
  duplicateOf: string | null;
  closesAt: string | null;
  actions: string[];
  createdAt: string;
  reputation?: { organisation: Reputation | null; model: Reputation | null } | null;
}

/** The case a report is in, as its finder is told: how far, and when public (ADR 0031). */
export interface ReportCase {
  state: string;
  publicAt: string | null;
  publishedAt: string | null;
}

export interface ReportDetail extends Report {
  case: ReportCase | null;
  findings: Array<{
    id: string;
    organisationId: string;
    title: string;
    description: string;
    provenance: { finderKind: string; model: { name: string; version: string | null } | null };
    location: { file: string | null; line: number | null; function: string | null };
    proofOfConcept: Array<{ id: string; name: string; size: number; tlp: string }>;
  }>;
  credits: Array<{ organisationId: string; organisation: string; findings: number; models: string[] }>;
  /** How many other organisations are credited (their names are the coordinators' to see). */
  otherCredits: number;
}

export interface QueueFilter {
  state?: string;
  severity?: string;
  exploited?: string;
  model?: string;
  product?: string;
  reproductionStatus?: string;
  sort?: string;
}

export function useReportQueue(f: QueueFilter) {
  return useQuery({ queryKey: [reportKey, 'queue', f], queryFn: () => api.get<Page<Report>>(`/api/reports${query({ ...f, limit: 100 })}`) });
}

export function useReport(id: string) {
  return useQuery({ queryKey: [reportKey, id], queryFn: () => api.get<ReportDetail>(`/api/reports/${encodeURIComponent(id)}`) });
}

export interface ItemResult {
  status: 'accepted' | 'duplicate' | 'rejected';
  /** Your own finding: the reference you keep. */
  findingId?: string;
  /** Absent on a duplicate of a report you may not see (ADR 0013). */
  reportId?: string;
  match?: string;
}

export const submitFinding = (finding: unknown) => api.post<ItemResult>('/api/findings', finding);
export const transitionReport = (id: string, body: { event: string; reason?: string; duplicateOf?: string }) =>
  api.post<Report>(`/api/reports/${encodeURIComponent(id)}/transitions`, body);
export const assessReport = (id: string, body: Record<string, unknown>) => api.patch<Report>(`/api/reports/${encodeURIComponent(id)}`, body);
export const scoreVector = (vector: string) => api.post<{ version: string; baseScore: number; baseSeverity: string }>('/api/intake/cvss', { vector });
