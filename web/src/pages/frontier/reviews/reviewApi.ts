import { useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type ResponseOf } from '../../../api/client';

/** Classified designation reviews (src/http/routes/frontier-designation*.ts): 404 for anyone not cleared and listed. */
export const reviewKey = 'frontier-reviews';

export type ReviewSummary = ItemOf<ResponseOf<'/api/frontier/reviews', 'get'>>;
export type Review = ResponseOf<'/api/frontier/reviews/{id}', 'get'>;

export const useReviews = (paging: { limit: number; offset: number }) =>
  useQuery({
    queryKey: [reviewKey, 'list', paging],
    queryFn: () => body(client.GET('/api/frontier/reviews', { params: { query: paging } })),
    placeholderData: (p) => p,
  });

export const useReview = (id: string) =>
  useQuery({ queryKey: [reviewKey, id], queryFn: () => body(client.GET('/api/frontier/reviews/{id}', { params: { path: { id } } })) });

export const reviewCalls = {
  transition: (id: string, change: BodyOf<'/api/frontier/reviews/{id}/transitions', 'post'>) =>
    body(client.POST('/api/frontier/reviews/{id}/transitions', { params: { path: { id } }, body: change })),
  grantAccess: (id: string, access: BodyOf<'/api/frontier/reviews/{id}/access', 'post'>) =>
    body(client.POST('/api/frontier/reviews/{id}/access', { params: { path: { id } }, body: access })),
  removeAccess: (id: string, userId: string) => body(client.DELETE('/api/frontier/reviews/{id}/access/{userId}', { params: { path: { id, userId } } })),
  decide: (id: string, decision: BodyOf<'/api/frontier/reviews/{id}/decision', 'post'>) =>
    body(client.POST('/api/frontier/reviews/{id}/decision', { params: { path: { id } }, body: decision })),
};
