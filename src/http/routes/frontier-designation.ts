import { readDesignationSettings, setDesignationSettings } from '../../services/frontier/designation-settings';
import { getInquiry, getVersionDesignation, listInquiries, openInquiry, respondToDesignation, withdrawInquiry } from '../../services/frontier/inquiries';
import {
  decideReview,
  getReview,
  grantReviewAccess,
  listReviews,
  removeReviewAccess,
  openReviewByHand,
  transitionReviewBy,
} from '../../services/frontier/reviews';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { errors, page } from '../schemas';
import {
  AccessBody,
  DecisionBody,
  Designation,
  DesignationResponseBody,
  DesignationSettings,
  DesignationSettingsBody,
  FrontierIdParams,
  ReviewAccessParams,
  Inquiry,
  InquiryBody,
  InquiryFilter,
  OpenReviewBody,
  Review,
  ReviewDetail,
  ReviewFilter,
  ReviewTransitionBody,
} from './frontier-designation-schemas';

/**
 * Designation (issue 11, ADR 0090): coverage inquiries (the developer's), classified reviews
 * (cleared analysts on their access list; everyone else gets 404), and the developer-facing
 * outcome of a version. A review one may not see is absent from every answer here.
 */
export function frontierDesignationRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['frontier'];
  const review = { params: FrontierIdParams, response: { 200: Review, ...errors(400, 401, 403, 404, 409) } };

  app.get(
    '/api/frontier/inquiries',
    {
      schema: {
        tags,
        summary: 'Coverage inquiries you may see, newest first',
        querystring: InquiryFilter,
        response: { 200: page(Inquiry), ...errors(400, 401) },
      },
    },
    async (req) => {
      const { limit, offset, ...f } = req.query;
      return listInquiries(ctx, principal(req, 'read'), f, { limit, offset });
    },
  );
  app.post(
    '/api/frontier/inquiries',
    {
      schema: {
        tags,
        summary: 'Ask whether a model version is covered (its developer); routed to the designating authority',
        body: InquiryBody,
        response: { 201: Inquiry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await openInquiry(ctx, principal(req, 'write'), req.body)),
  );
  app.get(
    '/api/frontier/inquiries/:id',
    {
      schema: { tags, summary: 'One coverage inquiry, with its answer once given', params: FrontierIdParams, response: { 200: Inquiry, ...errors(401, 404) } },
    },
    async (req) => getInquiry(ctx, principal(req, 'read'), req.params.id),
  );
  app.post(
    '/api/frontier/inquiries/:id/withdraw',
    { schema: { tags, summary: 'Withdraw an open inquiry', params: FrontierIdParams, response: { 200: Inquiry, ...errors(401, 403, 404, 409) } } },
    async (req) => withdrawInquiry(ctx, principal(req, 'write'), req.params.id),
  );

  app.get(
    '/api/frontier/reviews',
    {
      schema: {
        tags,
        summary: 'Designation reviews you are cleared for and named on',
        querystring: ReviewFilter,
        response: { 200: page(Review), ...errors(400, 401) },
      },
    },
    async (req) => {
      const { limit, offset, ...f } = req.query;
      return listReviews(ctx, principal(req, 'read'), f, { limit, offset });
    },
  );
  app.post(
    '/api/frontier/reviews',
    {
      schema: {
        tags,
        summary: 'Open a designation review by hand (cleared analysts)',
        body: OpenReviewBody,
        response: { 201: Review, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await openReviewByHand(ctx, principal(req, 'write'), req.body)),
  );
  app.get(
    '/api/frontier/reviews/:id',
    { schema: { tags, summary: 'One designation review with its history', params: FrontierIdParams, response: { 200: ReviewDetail, ...errors(401, 404) } } },
    async (req) => getReview(ctx, principal(req, 'read'), req.params.id),
  );
  app.post(
    '/api/frontier/reviews/:id/transitions',
    { schema: { tags, summary: 'Move a review (start, evidence received, rebuttal, reassess)', body: ReviewTransitionBody, ...review } },
    async (req) => transitionReviewBy(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.post(
    '/api/frontier/reviews/:id/decision',
    { schema: { tags, summary: 'Record the authority decision: designated, not designated or deferred', body: DecisionBody, ...review } },
    async (req) => decideReview(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.post(
    '/api/frontier/reviews/:id/access',
    { schema: { tags, summary: 'Name more cleared users on the review’s access list', body: AccessBody, ...review } },
    async (req) => grantReviewAccess(ctx, principal(req, 'write'), req.params.id, req.body.users),
  );
  app.delete(
    '/api/frontier/reviews/:id/access/:userId',
    {
      schema: {
        tags,
        summary: 'Take a user off the review’s access list (not the last cleared one)',
        params: ReviewAccessParams,
        response: { 200: Review, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => removeReviewAccess(ctx, principal(req, 'write'), req.params.id, req.params.userId),
  );

  app.get(
    '/api/frontier/versions/:id/designation',
    {
      schema: {
        tags,
        summary: "A version's designation outcome, with the rationale as far as its visibility allows",
        params: FrontierIdParams,
        response: { 200: Designation, ...errors(401, 404) },
      },
    },
    async (req) => getVersionDesignation(ctx, principal(req, 'read'), req.params.id),
  );
  app.post(
    '/api/frontier/versions/:id/designation/responses',
    {
      schema: {
        tags,
        summary: "The developer's rebuttal of a decision, or the evidence a deferral asked for",
        params: FrontierIdParams,
        body: DesignationResponseBody,
        response: { 200: Designation, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => respondToDesignation(ctx, principal(req, 'write'), req.params.id, req.body),
  );

  app.get(
    '/api/frontier/designation-settings',
    {
      schema: {
        tags,
        summary: 'The designation panel and the classification of new reviews (platform admins)',
        response: { 200: DesignationSettings, ...errors(401, 403) },
      },
    },
    async (req) => readDesignationSettings(ctx, principal(req, 'admin')),
  );
  app.put(
    '/api/frontier/designation-settings',
    {
      schema: {
        tags,
        summary: 'Set the designation panel (users cleared for the classification) and the classification of new reviews',
        body: DesignationSettingsBody,
        response: { 200: DesignationSettings, ...errors(400, 401, 403) },
      },
    },
    async (req) => setDesignationSettings(ctx, principal(req, 'admin'), req.body),
  );
}
