import { useQuery } from '@tanstack/react-query';
import { body, client, type ItemOf, type ResponseOf } from '../../../api/client';

/** Compute-registry calls of the UI (src/http/routes/frontier-compute*.ts). */
export const computeKey = 'frontier-compute';

export type Catalogue = ResponseOf<'/api/frontier/accelerators', 'get'>;
export type Facility = ItemOf<ResponseOf<'/api/frontier/facilities', 'get'>>;
export type Cluster = ResponseOf<'/api/frontier/clusters/{id}', 'get'>;

export interface FacilityFilter {
  country?: string | undefined;
  status?: 'planned' | 'under_construction' | 'operational' | 'decommissioned' | undefined;
}

export const useCatalogue = () =>
  useQuery({ queryKey: [computeKey, 'accelerators'], queryFn: () => body(client.GET('/api/frontier/accelerators')), staleTime: Number.POSITIVE_INFINITY });

export const useFacilities = (filter: FacilityFilter) =>
  useQuery({
    queryKey: [computeKey, 'facilities', filter],
    queryFn: () => body(client.GET('/api/frontier/facilities', { params: { query: { limit: 500, offset: 0, ...filter } } })),
    placeholderData: (p) => p,
  });

export const useClusters = (facilityId?: string) =>
  useQuery({
    queryKey: [computeKey, 'clusters', facilityId ?? null],
    queryFn: () => body(client.GET('/api/frontier/clusters', { params: { query: { limit: 500, offset: 0, ...(facilityId ? { facilityId } : {}) } } })),
  });

export const useCluster = (id: string) =>
  useQuery({ queryKey: [computeKey, 'cluster', id], queryFn: () => body(client.GET('/api/frontier/clusters/{id}', { params: { path: { id } } })) });

/** OP/s in the field's notation: 1.2e20 OP/s. */
export const opsText = (n: number) => (n === 0 ? '0' : n.toExponential(2).replace('e+', 'e'));
