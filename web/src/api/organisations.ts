import { useQuery } from '@tanstack/react-query';
import { body, client, type ItemOf, type QueryOf, type ResponseOf } from './client';

export type Organisation = ResponseOf<'/api/organisations/{id}', 'get'>;
export type OrganisationPage = ResponseOf<'/api/organisations', 'get'>;
export type OrganisationListItem = ItemOf<OrganisationPage>;

/** Query keys of organisation data start with the record type the event stream names. */
export const organisationKey = 'organisation';

export function useOrganisations(params: QueryOf<'/api/organisations', 'get'>) {
  return useQuery({
    queryKey: [organisationKey, 'list', params],
    queryFn: () => body(client.GET('/api/organisations', { params: { query: params } })),
    placeholderData: (previous) => previous,
  });
}

export function useOrganisation(id: string | null | undefined) {
  return useQuery({
    queryKey: [organisationKey, 'one', id],
    queryFn: () => body(client.GET('/api/organisations/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: 60_000,
  });
}
