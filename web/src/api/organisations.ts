import { useQuery } from '@tanstack/react-query';
import { api, query } from './client';
import type { Organisation, Page } from './types';

/** Query keys of organisation data start with the record type the event stream names. */
export const organisationKey = 'organisation';

export function useOrganisations(params: { q?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: [organisationKey, 'list', params],
    queryFn: () => api.get<Page<Organisation>>(`/api/organisations${query(params)}`),
    placeholderData: (previous) => previous,
  });
}

export function useOrganisation(id: string | null | undefined) {
  return useQuery({
    queryKey: [organisationKey, 'one', id],
    queryFn: () => api.get<Organisation>(`/api/organisations/${encodeURIComponent(id!)}`),
    enabled: !!id,
    staleTime: 60_000,
  });
}
