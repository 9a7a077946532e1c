import { useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type ResponseOf } from '../../../api/client';

/** Voluntary-standards calls of the UI (src/http/routes/frontier-standards*.ts, ADR 0105). */
export const standardsKey = 'frontier-standards';

export type Catalogue = ItemOf<ResponseOf<'/api/frontier/practices', 'get'>>;
export type Attestation = ItemOf<ResponseOf<'/api/frontier/attestations', 'get'>>;
export type Scorecard = ResponseOf<'/api/frontier/scorecards/{organisationId}', 'get'>;
export type PublishedScorecards = ResponseOf<'/api/public/frontier/scorecards', 'get'>;
export type AttestationBody = BodyOf<'/api/frontier/attestations', 'post'>;
export type ReviewBody = BodyOf<'/api/frontier/attestations/{id}/review', 'post'>;

type Paging = { limit: number; offset: number };

export const useCatalogues = () => useQuery({ queryKey: [standardsKey, 'catalogues'], queryFn: () => body(client.GET('/api/frontier/practices')) });

export const useAttestations = (paging: Paging) =>
  useQuery({
    queryKey: [standardsKey, 'attestations', paging],
    queryFn: () => body(client.GET('/api/frontier/attestations', { params: { query: paging } })),
    placeholderData: (p) => p,
  });

export const useScorecard = (organisationId: string) =>
  useQuery({
    queryKey: [standardsKey, 'scorecard', organisationId],
    queryFn: () => body(client.GET('/api/frontier/scorecards/{organisationId}', { params: { path: { organisationId } } })),
  });

export const usePublishedScorecards = () =>
  useQuery({ queryKey: [standardsKey, 'published'], queryFn: () => body(client.GET('/api/public/frontier/scorecards')) });

/** The writes; the pages refetch afterwards. */
export const standardsCalls = {
  attest: (a: AttestationBody) => body(client.POST('/api/frontier/attestations', { body: a })),
  change: (id: string, a: BodyOf<'/api/frontier/attestations/{id}', 'put'>) =>
    body(client.PUT('/api/frontier/attestations/{id}', { params: { path: { id } }, body: a })),
  review: (id: string, r: ReviewBody) => body(client.POST('/api/frontier/attestations/{id}/review', { params: { path: { id } }, body: r })),
};

export const STATUS_LABELS: Record<Attestation['status'], string> = {
  implemented: 'Implemented',
  partial: 'Partly implemented',
  planned: 'Planned',
  not_applicable: 'Not applicable',
};
