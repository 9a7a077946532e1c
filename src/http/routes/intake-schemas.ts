import { z } from 'zod';
import { CASE_STATES } from '../../domain/cases/case-states';
import { AUTONOMY_LEVELS, FINDER_KINDS, ITEM_STATUSES, REPRODUCTION_STATUSES, SEVERITIES } from '../../domain/intake/finding';
import { REPORT_EVENTS, REPORT_STATES } from '../../domain/intake/report-states';
import {
  SSVC_AUTOMATABLE,
  SSVC_DECISIONS,
  SSVC_EXPLOITATION,
  SSVC_EXPLOITATION_ACCEPTED,
  SSVC_MISSION_WELLBEING,
  SSVC_TECHNICAL_IMPACT,
  ssvcExploitationOf,
} from '../../domain/intake/ssvc';
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

/** A CVSS vector and its base score (null when the vector could not be scored). */
const CvssValue = z.object({ vector: z.string(), score: z.number().nullable() });

/** A report's SSVC assessment: the four decision points, the decision, and who took it when. */
const ReportSsvc = z.object({
  exploitation: z.enum(SSVC_EXPLOITATION),
  automatable: z.enum(SSVC_AUTOMATABLE),
  technicalImpact: z.enum(SSVC_TECHNICAL_IMPACT),
  missionWellbeing: z.enum(SSVC_MISSION_WELLBEING),
  decision: z.enum(SSVC_DECISIONS),
  vector: z.string(),
  decidedBy: Uuid,
  decidedAt: z.string(),
});

/** A report (services/intake/report-views.ts); `reputation` only in the triage queue, for triagers. */
export const Report = z
  .object({
    id: Uuid,
    state: z.enum(REPORT_STATES),
    title: z.string(),
    product: z.string(),
    purl: z.string().nullable(),
    cpe: z.string().nullable(),
    repository: z.string().nullable(),
    cwe: z.string().nullable(),
    cweName: z.string().nullable(),
    severity: z.enum(SEVERITIES),
    cvss: CvssValue.nullable(),
    exploited: z.boolean(),
    knownExploited: z.boolean(),
    finderKind: z.enum(FINDER_KINDS),
    modelName: z.string().nullable(),
    findingCount: z.number().int(),
    reproduction: z.object({ status: z.enum(REPRODUCTION_STATUSES), by: Uuid.nullable(), at: z.string().nullable() }),
    ssvc: ReportSsvc.nullable(),
    reason: z.string().nullable(),
    duplicateOf: Uuid.nullable(),
    needsInfoSince: z.string().nullable(),
    /** When a needs-info report closes by itself. */
    closesAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    actions: z.array(z.enum(REPORT_EVENTS)),
    marking: MarkingView,
    createdAt: z.string(),
    updatedAt: z.string(),
    reputation: z.object({ organisation: Reputation.nullable(), model: Reputation.nullable() }).nullable().optional(),
  })
  .meta({ id: 'Report' });

/** The case a report is in, as its finder is told (ADR 0031): how far, and when public — not who takes part. */
const ReportCase = z.object({ state: z.enum(CASE_STATES), publicAt: z.string().nullable(), publishedAt: z.string().nullable() });

/** A finding; `reportId` is null when the finding joined a report its reader may not see (ADR 0013). */
export const Finding = z
  .object({
    id: Uuid,
    reportId: Uuid.nullable(),
    disposition: z.enum(['accepted', 'duplicate']),
    duplicateKind: z.enum(['exact', 'near']).nullable(),
    similarity: z.number().nullable(),
    source: z.string(),
    organisationId: Uuid,
    provenance: z.object({
      finderKind: z.enum(FINDER_KINDS),
      model: z.object({ name: z.string(), version: z.string().nullable() }).nullable(),
      autonomy: z.enum(AUTONOMY_LEVELS).nullable(),
      harness: z.object({ name: z.string(), version: z.string().nullable() }).nullable(),
      runId: z.string().nullable(),
      configurationHash: z.string().nullable(),
    }),
    target: z.object({
      purl: z.string().nullable(),
      cpe: z.string().nullable(),
      repository: z.string().nullable(),
      commit: z.string().nullable(),
      affectedVersions: z.array(z.string()),
    }),
    location: z.object({ file: z.string().nullable(), line: z.number().int().nullable(), function: z.string().nullable(), endpoint: z.string().nullable() }),
    cwe: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    stackTrace: z.string().nullable(),
    cvss: CvssValue.nullable(),
    severity: z.enum(SEVERITIES),
    exploited: z.boolean(),
    proofOfConcept: z.array(
      z
        .object({
          id: Uuid,
          findingId: Uuid,
          name: z.string(),
          mediaType: z.string(),
          size: z.number().int(),
          digest: z.string(),
          tlp: z.string(),
          createdAt: z.string(),
        })
        .meta({ id: 'Attachment' }),
    ),
    marking: MarkingView,
    createdAt: z.string(),
  })
  .meta({ id: 'Finding' });

/** Credits as the policy lets the reader see them: all for coordinators, else its own and a count of the others. */
export const ReportDetail = Report.extend({
  findings: z.array(Finding),
  case: ReportCase.nullable(),
  credits: z.array(
    z
      .object({ organisationId: Uuid, organisation: z.string(), findings: z.number().int(), models: z.array(z.string()), firstAt: z.string() })
      .meta({ id: 'ReportCredit' }),
  ),
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
