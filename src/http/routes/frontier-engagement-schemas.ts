import { z } from 'zod';
import {
  ASSESSOR_CHOSEN_BY,
  ENGAGEMENT_PURPOSES,
  FINDING_SEVERITIES,
  PUBLICATION_RIGHTS,
  RISK_DOMAIN_IDS,
  RISK_LEVELS,
} from '../../domain/frontier/assessment-vocabulary';
import { EXPORT_AUDIENCES } from '../../domain/frontier/engagement-export';
import { ENGAGEMENT_EVENTS, ENGAGEMENT_PARTIES, ENGAGEMENT_STATES } from '../../domain/frontier/engagement-states';
import { REMEDIATION_EVENTS, REMEDIATION_STATES } from '../../domain/frontier/finding-remediation';
import { RISK_SCALE_IDS } from '../../domain/frontier/risk-scales/index';
import { CLASSIFICATIONS, TLP_LABELS } from '../../domain/policy/marking';
import { Paging, Uuid } from '../schemas';

/** Request and response schemas of the assessment routes (issue 12, ADR 0103); OpenAPI is generated from them. */
const When = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().max(max);
const Line = z.string().trim().min(1).max(500);
const Domain = z.enum(RISK_DOMAIN_IDS);

export const EngagementParams = z.strictObject({ id: Uuid });
export const FindingParams = z.strictObject({ id: Uuid, findingId: Uuid });
export const RunParams = z.strictObject({ id: Uuid, runId: Uuid });

export const EngagementBody = z.strictObject({
  versionId: Uuid,
  title: z.string().max(300),
  assessorOrganisationId: Uuid,
  commissioningOrganisationId: Uuid.optional(),
  purpose: z.enum(ENGAGEMENT_PURPOSES),
  scope: z.strictObject({
    domains: z.array(Domain).max(RISK_DOMAIN_IDS.length * 2),
    threatModels: z.array(Line).max(50).optional(),
    outOfScope: z.array(Line).max(50).optional(),
  }),
  checkpointIds: z.array(Uuid).max(100).optional(),
  grantIds: z.array(Uuid).max(100).optional(),
  independence: z.strictObject({
    financialTies: Text(5000).optional(),
    assessorChosenBy: z.enum(ASSESSOR_CHOSEN_BY),
    developerReviewRight: z.boolean(),
  }),
  publicationRights: z.enum(PUBLICATION_RIGHTS),
  startsOn: When.nullable().optional(),
  endsOn: When.nullable().optional(),
  tlp: z.enum(['AMBER', 'AMBER+STRICT']).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
});

export const EngagementFilterQuery = z.strictObject({
  versionId: Uuid.optional(),
  state: z.enum(ENGAGEMENT_STATES).optional(),
  assessorOrganisationId: Uuid.optional(),
  domain: Domain.optional(),
  ...Paging,
});

export const EngagementMoveBody = z.strictObject({ event: z.enum(ENGAGEMENT_EVENTS), reason: Text(5000).optional(), summary: Text(20_000).optional() });

export const FindingBody = z.strictObject({
  domain: Domain,
  severity: z.enum(FINDING_SEVERITIES),
  title: z.string().max(500),
  detail: Text(50_000).optional(),
  evidence: z.array(z.string().max(2000)).max(100).optional(),
  tlp: z.enum(TLP_LABELS).optional(),
  detailTlp: z.enum(TLP_LABELS).optional(),
  detailClassification: z.enum(CLASSIFICATIONS).optional(),
});
export const FindingPatch = FindingBody.pick({ domain: true, severity: true, title: true, detail: true, evidence: true }).partial();

export const RemediationBody = z.strictObject({
  event: z.enum(REMEDIATION_EVENTS),
  note: Text(5000).optional(),
  evidence: z.array(z.string().max(2000)).max(100).optional(),
});

export const ConclusionBody = z.strictObject({
  domain: Domain,
  level: z.enum(RISK_LEVELS).optional(),
  framework: z
    .string()
    .max(100)
    .optional()
    .describe(`a risk-scale mapping id: ${RISK_SCALE_IDS.join(' | ')}`),
  frameworkLabel: z.string().max(200).optional(),
  rationale: Text(20_000).optional(),
  tlp: z.enum(TLP_LABELS).optional(),
});

export const AnnexBody = z.strictObject({
  title: z.string().max(300),
  body: Text(200_000),
  tlp: z.enum(TLP_LABELS).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
});

export const ExportQuery = z.strictObject({ audience: z.enum(EXPORT_AUDIENCES) });

// Responses

export const EngagementSummary = z
  .object({
    id: z.string(),
    versionId: z.string(),
    title: z.string(),
    commissioningOrganisationId: z.string(),
    commissionedBy: z.string().describe('developer | government'),
    assessorOrganisationId: z.string(),
    developerOrganisationId: z.string(),
    purpose: z.string().describe(ENGAGEMENT_PURPOSES.join(' | ')),
    scope: z.object({ domains: z.array(z.string()), threatModels: z.array(z.string()), outOfScope: z.array(z.string()) }),
    checkpointIds: z.array(z.string()),
    grantIds: z.array(z.string()),
    independence: z.object({ financialTies: z.string(), assessorChosenBy: z.string(), developerReviewRight: z.boolean() }),
    publicationRights: z.string().describe(PUBLICATION_RIGHTS.join(' | ')),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    state: z.string().describe(ENGAGEMENT_STATES.join(' | ')),
    summary: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
    tlp: z.string(),
    classification: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EngagementSummary' });

export const AssessmentFinding = z
  .object({
    id: z.string(),
    engagementId: z.string(),
    domain: z.string(),
    severity: z.string(),
    title: z.string(),
    detail: z.string().nullable().describe('null when the detail’s marking does not reach you'),
    evidence: z.array(z.string()).nullable(),
    tlp: z.string(),
    detailTlp: z.string(),
    detailClassification: z.string(),
    remediationState: z.string().describe(REMEDIATION_STATES.join(' | ')),
    remediationHistory: z.array(
      z.object({ from: z.string(), to: z.string(), event: z.string(), note: z.string(), evidence: z.array(z.string()), at: z.string(), by: z.string() }),
    ),
    remediationMoves: z.array(z.enum(REMEDIATION_EVENTS)),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AssessmentFinding' });

export const AssessmentConclusion = z
  .object({
    id: z.string(),
    domain: z.string(),
    level: z.string().describe(RISK_LEVELS.join(' | ')),
    framework: z.string().nullable(),
    frameworkLabel: z.string().nullable(),
    mappingVersion: z.string().nullable(),
    rationale: z.string(),
    tlp: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AssessmentConclusion' });

export const AssessmentAnnex = z
  .object({ id: z.string(), title: z.string(), body: z.string(), tlp: z.string(), classification: z.string(), createdAt: z.string() })
  .meta({ id: 'AssessmentAnnex' });

export const Engagement = EngagementSummary.extend({
  history: z.array(z.object({ from: z.string().nullable(), to: z.string(), event: z.string(), at: z.string(), by: z.string(), reason: z.string().optional() })),
  parties: z.array(z.enum(ENGAGEMENT_PARTIES)),
  moves: z.array(z.enum(ENGAGEMENT_EVENTS)).describe('the moves you may make now'),
  possibleMoves: z.array(z.enum(ENGAGEMENT_EVENTS)).describe('the moves the state allows, by whichever party'),
  findings: z.array(AssessmentFinding),
  conclusions: z.array(AssessmentConclusion),
  annexes: z.array(AssessmentAnnex),
  runs: z.array(z.object({ runId: z.string(), linkedBy: z.string(), linkedAt: z.string() })),
}).meta({ id: 'Engagement' });

export const RunLink = z.object({ engagementId: z.string(), runId: z.string() }).meta({ id: 'EngagementRunLink' });

export const EngagementExport = z
  .object({
    engagementId: z.string(),
    audience: z.enum(EXPORT_AUDIENCES),
    tlp: z.string(),
    classification: z.string(),
    header: EngagementSummary.omit({ withdrawalReason: true }).nullable(),
    conclusions: z.array(AssessmentConclusion),
    findings: z.array(
      z.object({
        id: z.string(),
        domain: z.string(),
        severity: z.string(),
        title: z.string(),
        remediationState: z.string(),
        detail: z.object({ text: z.string(), evidence: z.array(z.string()) }).nullable(),
      }),
    ),
    annexes: z.array(AssessmentAnnex),
  })
  .meta({ id: 'EngagementExport' });

export const RiskScaleMapping = z
  .object({
    id: z.string(),
    version: z.string(),
    framework: z.string(),
    frameworkVersions: z.string(),
    sources: z.array(z.object({ citation: z.string(), url: z.string().optional() })),
    note: z.string(),
    levels: z.array(z.object({ label: z.string(), description: z.string(), map: z.record(z.string(), z.string()) })),
  })
  .meta({ id: 'RiskScaleMapping' });

export const RiskScales = z
  .object({ levels: z.array(z.enum(RISK_LEVELS)), domains: z.array(z.object({ id: z.string(), label: z.string() })), mappings: z.array(RiskScaleMapping) })
  .meta({ id: 'RiskScales' });
