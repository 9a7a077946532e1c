import { z } from 'zod';
import { CASE_STATES } from '../../domain/cases/case-states';
import { ITEM_STATUSES, REPRODUCTION_STATUSES, SEVERITIES } from '../../domain/intake/finding';
import { REPORT_EVENTS, REPORT_STATES } from '../../domain/intake/report-states';
import { SSVC_AUTOMATABLE, SSVC_EXPLOITATION_ACCEPTED, SSVC_MISSION_WELLBEING, SSVC_TECHNICAL_IMPACT, ssvcExploitationOf } from '../../domain/intake/ssvc';
import { REPORT_SORTS } from '../../domain/intake/queue';
import { MarkingView, page, ProblemSchema, Uuid } from '../schemas';

/** Response and request schemas of the intake API (findings, reports, admission). */
const Problem = z.object({ path: z.string(), message: z.string() });

export const ItemResult = z
  .object({
    index: z.number().int(),
    status: z.enum(ITEM_STATUSES),
    /** The submitter's own finding: the reference it keeps for every stored item. */
    findingId: Uuid.optional(),
    /** The report the finding opened or joined; absent on a duplicate of a report the submitter may not see (ADR 0013). */
    reportId: Uuid.optional(),
    match: z.enum(['exact', 'near']).optional(),
    similarity: z.number().optional(),
    replayed: z.boolean().optional(),
    code: z.enum(['VALIDATION', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL']).optional(),
    problems: z.array(Problem).readonly().optional(),
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: 'FindingResult' });

export const Ssvc = z.strictObject({
  exploitation: z
    .enum(SSVC_EXPLOITATION_ACCEPTED)
    .meta({ description: '`public-poc` is a deprecated alias of `poc` (ADR 0075)' })
    .transform(ssvcExploitationOf),
  automatable: z.enum(SSVC_AUTOMATABLE),
  technicalImpact: z.enum(SSVC_TECHNICAL_IMPACT),
  missionWellbeing: z.enum(SSVC_MISSION_WELLBEING),
});

const Reputation = z.object({
  key: z.string(),
  submitted: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  duplicates: z.number(),
  precision: z.number().nullable(),
});

export const Report = z
  .looseObject({
    id: Uuid,
    state: z.enum(REPORT_STATES),
    title: z.string(),
    product: z.string(),
    cwe: z.string().nullable(),
    severity: z.enum(SEVERITIES),
    exploited: z.boolean(),
    knownExploited: z.boolean(),
    findingCount: z.number().int(),
    reason: z.string().nullable(),
    duplicateOf: Uuid.nullable(),
    actions: z.array(z.enum(REPORT_EVENTS)),
    marking: MarkingView,
    createdAt: z.string(),
    reputation: z.object({ organisation: Reputation.nullable(), model: Reputation.nullable() }).nullable().optional(),
  })
  .meta({ id: 'Report' });

/** The case a report is in, as its finder is told (ADR 0031): how far, and when public — not who takes part. */
const ReportCase = z.object({ state: z.enum(CASE_STATES), publicAt: z.string().nullable(), publishedAt: z.string().nullable() });

/** A finding; `reportId` is null when the finding joined a report its reader may not see (ADR 0013). */
export const Finding = z
  .looseObject({ id: Uuid, reportId: Uuid.nullable(), disposition: z.enum(['accepted', 'duplicate']), organisationId: Uuid, marking: MarkingView })
  .meta({ id: 'Finding' });

/** Credits as the policy lets the reader see them: all for coordinators, else its own and a count of the others. */
export const ReportDetail = Report.extend({
  findings: z.array(z.looseObject({ id: Uuid })),
  case: ReportCase.nullable(),
  credits: z.array(z.looseObject({ organisationId: Uuid, organisation: z.string(), findings: z.number().int(), models: z.array(z.string()) })),
  otherCredits: z.number().int(),
}).meta({ id: 'ReportDetail' });

/** The scores of one CVSS vector (src/standards/cvss/types.ts). */
export const CvssScore = z
  .object({
    version: z.enum(['2.0', '3.0', '3.1', '4.0']),
    vectorString: z.string(),
    baseScore: z.number(),
    baseSeverity: z.enum(['NONE', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']),
    temporalScore: z.number().optional(),
    environmentalScore: z.number().optional(),
    nomenclature: z.enum(['CVSS-B', 'CVSS-BT', 'CVSS-BE', 'CVSS-BTE']).optional(),
  })
  .meta({ id: 'CvssScore' });

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const ReportQuery = z.strictObject({
  state: csv(REPORT_STATES).optional(),
  severity: csv(SEVERITIES).optional(),
  finderOrganisationId: Uuid.optional(),
  finderKind: z.enum(['human', 'ai', 'hybrid']).optional(),
  model: z.string().max(200).optional(),
  product: z.string().max(300).optional(),
  exploited: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  reproductionStatus: z.enum(REPRODUCTION_STATUSES).optional(),
  cwe: z.string().max(32).optional(),
  createdAfter: z.iso
    .datetime()
    .transform((s) => new Date(s))
    .optional(),
  createdBefore: z.iso
    .datetime()
    .transform((s) => new Date(s))
    .optional(),
  sort: z.enum(REPORT_SORTS).default('severity'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** `nextCursor` of the previous page, in the same sort (ADR 0051); wins over `offset`. */
  cursor: z.string().min(1).max(1000).optional(),
});

/** A page of the triage queue: `total` is exact up to a cap (`totalExact`), `nextCursor` resumes after the last item (ADR 0051). */
export const ReportQueuePage = page(Report)
  .extend({ totalExact: z.boolean(), nextCursor: z.string().nullable() })
  .meta({ id: 'ReportQueuePage', description: 'A page of the triage queue: a capped count (ADR 0051) and the cursor of the next page' });

export const Limits = z.strictObject({
  findingsPerMinute: z.number().int().min(0).max(10_000_000),
  priorityFindingsPerMinute: z.number().int().min(0).max(10_000_000),
  findingsPerDay: z.number().int().min(0).max(1_000_000_000),
});

export const SubmissionSummary = z
  .object({ received: z.number().int(), accepted: z.number().int(), duplicate: z.number().int(), rejected: z.number().int(), replayed: z.number().int() })
  .meta({ id: 'SubmissionSummary' });

/**
 * The JSON answer of a bulk submission: every item's result in order, then the summary, or
 * the problem that stopped the stream after some items were answered.
 */
export const BatchResult = z
  .object({ items: z.array(ItemResult), summary: SubmissionSummary.optional(), error: ProblemSchema.optional() })
  .meta({ id: 'BatchResult' });

/** The NDJSON answer: one FindingResult per line, then a line with `summary` (or `error`). */
export const BatchResultLines = z
  .string()
  .meta({ id: 'BatchResultLines', description: 'NDJSON: one FindingResult per line, then {"summary": SubmissionSummary} or {"error": Problem}' });
