import { useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type ResponseOf } from '../../../api/client';

/** Coverage inquiries (src/http/routes/frontier-designation*.ts). */
export const inquiryKey = 'frontier-inquiries';

export type Inquiry = ItemOf<ResponseOf<'/api/frontier/inquiries', 'get'>>;

export const useInquiries = (paging: { limit: number; offset: number }) =>
  useQuery({
    queryKey: [inquiryKey, 'list', paging],
    queryFn: () => body(client.GET('/api/frontier/inquiries', { params: { query: paging } })),
    placeholderData: (p) => p,
  });

export const inquiryCalls = {
  open: (inquiry: BodyOf<'/api/frontier/inquiries', 'post'>) => body(client.POST('/api/frontier/inquiries', { body: inquiry })),
};
