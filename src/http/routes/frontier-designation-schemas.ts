import { z } from 'zod';
import { DESIGNATION_OUTCOMES, RATIONALE_VISIBILITIES } from '../../domain/frontier/registry';
import { REVIEW_EVENTS, REVIEW_STATES, REVIEW_TRIGGERS } from '../../domain/frontier/review-states';
import { Classification, Paging, Uuid } from '../schemas';
import { FrontierEvaluation } from './frontier-registry-schemas';

/** Request and response schemas of the designation routes (ADR 0090); OpenAPI is generated from them. */
const Text = (max: number) => z.string().max(max);
const iso = z.string().nullable();

export const FrontierIdParams = z.strictObject({ id: Uuid });
export const ReviewAccessParams = z.strictObject({ id: Uuid, userId: Uuid });

export const InquiryFilter = z.strictObject({ state: z.enum(['open', 'answered', 'withdrawn']).optional(), versionId: Uuid.optional(), ...Paging });
export const InquiryBody = z.strictObject({ versionId: Uuid, question: Text(5000) });

export const ReviewFilter = z.strictObject({
  state: z.enum(REVIEW_STATES).optional(),
  trigger: z.enum(REVIEW_TRIGGERS).optional(),
  versionId: Uuid.optional(),
  /** Words in the trigger's detail. */
  q: Text(200).optional(),
  ...Paging,
});
export const OpenReviewBody = z.strictObject({ versionId: Uuid, detail: Text(5000).optional(), accessUsers: z.array(Uuid).max(200).optional() });
export const ReviewTransitionBody = z.strictObject({ event: z.enum(REVIEW_EVENTS), note: Text(5000).nullable().optional() });
export const DecisionBody = z.strictObject({
  outcome: z.enum(['designated', 'not_designated', 'deferred']),
  basis: Text(20_000),
  rationale: Text(20_000),
  rationaleSummary: Text(5000).nullable().optional(),
  rationaleVisibility: z.enum(RATIONALE_VISIBILITIES),
});
export const AccessBody = z.strictObject({ users: z.array(Uuid).min(1).max(200) });
export const DesignationResponseBody = z.strictObject({ kind: z.enum(['rebuttal', 'evidence']), note: Text(5000) });
export const DesignationSettingsBody = z.strictObject({ classification: Classification, panelUserIds: z.array(Uuid).max(200) });

export const Designation = z
  .object({
    versionId: z.string(),
    outcome: z.enum(DESIGNATION_OUTCOMES),
    rationaleVisibility: z.enum(RATIONALE_VISIBILITIES),
    rationale: iso.describe('The full rationale, its summary, or null, as the decision’s visibility allows'),
    decidedAt: iso,
    updatedAt: z.string(),
  })
  .meta({ id: 'FrontierDesignation' });

export const Inquiry = z
  .object({
    id: z.string(),
    versionId: z.string(),
    question: z.string(),
    state: z.string(),
    answer: z.object({ outcome: z.string(), rationale: iso, answeredAt: iso }).nullable(),
    openedBy: iso,
    reviewId: iso.describe('Only for who may see the (classified) review'),
    designation: Designation.nullable(),
    evaluation: z
      .array(FrontierEvaluation)
      .nullable()
      .describe('What every transparent rule set says now about the declared facts (newest result per rule set)'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FrontierInquiry' });

const Decision = z
  .object({
    decidedBy: iso,
    decidedAt: iso,
    basis: iso,
    rationale: iso,
    rationaleSummary: iso,
    rationaleVisibility: iso,
  })
  .meta({ id: 'FrontierReviewDecision' });

export const Review = z
  .object({
    id: z.string(),
    versionId: z.string(),
    state: z.enum(REVIEW_STATES),
    trigger: z.string(),
    detail: z.string(),
    inquiryId: iso,
    reassessments: z.number().int(),
    decision: Decision.nullable(),
    classification: Classification,
    accessUsers: z.array(z.string()),
    createdBy: iso,
    allowedEvents: z.array(z.enum(REVIEW_EVENTS)),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FrontierReview' });

const HistoryEntry = z
  .object({
    id: z.string(),
    event: z.string(),
    from: iso,
    to: z.string(),
    trigger: iso,
    note: z.string(),
    actor: z.object({ userId: iso, label: z.string() }),
    decision: z.object({ basis: iso, rationale: iso, rationaleSummary: iso, rationaleVisibility: iso }).nullable(),
    at: z.string(),
  })
  .meta({ id: 'FrontierReviewHistoryEntry' });

export const ReviewDetail = Review.extend({ history: z.array(HistoryEntry) }).meta({ id: 'FrontierReviewDetail' });

export const DesignationSettings = z
  .object({ classification: Classification, panelUserIds: z.array(z.string()), authorityOrganisationId: iso, updatedAt: iso })
  .meta({ id: 'FrontierDesignationSettings' });
