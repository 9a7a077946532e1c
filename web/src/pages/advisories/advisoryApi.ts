import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { Page } from '../../api/types';

/** An advisory as the API answers (see src/services/advisories/view.ts). */
export interface Advisory {
  id: string;
  source: 'aisc' | 'import';
  state: 'draft' | 'scheduled' | 'published' | 'withdrawn';
  title: string;
  cveId: string | null;
  osv: OsvDocument | null;
  revision: number;
  /** The coordination case it comes from: its agreed embargo guards "Publish now". */
  caseId: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  withdrawnAt: string | null;
  marking: { tlp: string };
  updatedAt: string;
}

/** The OSV fields the pages show. */
export interface OsvDocument {
  id: string;
  aliases?: string[];
  summary?: string;
  details?: string;
  withdrawn?: string;
  severity?: { type: string; score: string }[];
  affected?: { package?: { ecosystem: string; name: string }; ranges?: { type: string; events: Record<string, string>[] }[]; versions?: string[] }[];
  references?: { type: string; url: string }[];
  credits?: { name: string; type?: string }[];
  database_specific?: { cwe_ids?: string[] };
}

export const advisoriesKey = 'advisories';

/** Published advisories (the public list): the same for everyone, signed in or not. */
export function usePublicAdvisories(q: string, paging: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [advisoriesKey, 'public', q, paging],
    queryFn: () => api.get<Page<Advisory>>(`/api/public/advisories${query({ q, ...paging })}`),
    placeholderData: (previous) => previous,
  });
}

export function usePublicAdvisory(id: string) {
  return useQuery({ queryKey: [advisoriesKey, 'public', id], queryFn: () => api.get<Advisory>(`/api/public/advisories/${encodeURIComponent(id)}`) });
}

/** What the signed-in coordinator may see, drafts included. */
export function useDeskAdvisories(state: string, paging: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [advisoriesKey, 'desk', state, paging],
    queryFn: () => api.get<Page<Advisory>>(`/api/advisories${query({ state, source: 'aisc', ...paging })}`),
    placeholderData: (previous) => previous,
  });
}
