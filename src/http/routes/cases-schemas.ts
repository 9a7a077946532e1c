import { z } from 'zod';
import { CASE_STATES } from '../../domain/cases/case-states';
import { EMBARGO_STATES } from '../../domain/cases/embargo-states';
import { VENDOR_STATUSES, VEX_JUSTIFICATIONS } from '../../domain/cases/vendor-statement';
import { MESSAGE_TLPS } from '../../services/cases/messages';
import { nameSchemas, Paging, Uuid } from '../schemas';
import { AdvisoryContentInput } from './advisory-schemas';

/** Request and response schemas of the coordination routes (OpenAPI is generated from them). */
const Text = (max: number) => z.string().max(max);
const When = z.iso.datetime({ offset: true });

export const CaseParams = z.strictObject({ id: Uuid });
export const CaseChildParams = z.strictObject({ id: Uuid, childId: Uuid });

export const OpenCaseBody = z.strictObject({
  kind: z.enum(['single', 'campaign']).default('single'),
  title: Text(300),
  summary: Text(20_000),
  reportIds: z.array(Uuid).max(1000).optional(),
  pattern: Text(2000).nullable().optional(),
  cwe: Text(20).nullable().optional(),
  exploited: z.boolean().optional(),
  fixBypass: z.boolean().optional(),
  vulnerabilities: z
    .array(
      z.strictObject({
        title: Text(300),
        product: Text(1000).nullable().optional(),
        cwe: Text(20).nullable().optional(),
        reportId: Uuid.nullable().optional(),
        vendorOrganisationId: Uuid.nullable().optional(),
      }),
    )
    .max(5000)
    .optional(),
});

export const CaseFilter = z.strictObject({ state: z.enum(CASE_STATES).optional(), kind: z.enum(['single', 'campaign']).optional(), ...Paging });
export const VendorFilter = z.strictObject({ vendor: Uuid.optional(), ...Paging });
export const PageQuery = z.strictObject(Paging);

export const InviteBody = z.strictObject({ organisations: z.array(Uuid).min(1).max(5000) });
export const TransitionBody = z.strictObject({
  event: z.enum(['disclose', 'close', 'reopen']),
  reason: Text(5000).nullable().optional(),
  /** Under an agreed embargo, `disclose` repeats the agreed public date (issue 9 item 18). */
  confirmEmbargoEnd: z.iso.datetime({ offset: true }).nullable().optional(),
});

export const StatementBody = z.strictObject({
  status: z.enum(VENDOR_STATUSES),
  justification: z.enum(VEX_JUSTIFICATIONS).nullable().optional(),
  impactStatement: Text(5000).nullable().optional(),
  actionStatement: Text(5000).nullable().optional(),
  fixedVersions: z.array(Text(200)).max(500).optional(),
  vendorOrganisationId: Uuid.nullable().optional(),
});

export const ThreadBody = z.strictObject({ subject: Text(300), vendorOrganisationId: Uuid.nullable().optional() });
export const MessageBody = z.strictObject({ body: Text(100_000), tlp: z.enum(MESSAGE_TLPS).optional(), recipients: z.array(Uuid).max(100).optional() });

export const ProposalBody = z.strictObject({ publicAt: When, reason: Text(5000).nullable().optional() });
export const DecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('adopt'), proposalId: Uuid }),
  z.strictObject({ decision: z.literal('decline') }),
]);

export const PolicyBody = z.strictObject({
  defaultDays: z.number().int(),
  exploitedDays: z.number().int(),
  fixBypassDays: z.number().int(),
  reminderOffsetsMinutes: z.array(z.number().int()).max(20).readonly(),
});

const iso = z.string().nullable();

export const CaseView = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.string(),
  title: z.string(),
  summary: z.string(),
  pattern: z.string().nullable(),
  cwe: z.string().nullable(),
  exploited: z.boolean(),
  fixBypass: z.boolean(),
  firstNoticeAt: iso,
  embargo: z.object({ state: z.enum(EMBARGO_STATES).or(z.string()), publicAt: iso }),
  advisoryId: z.string().nullable(),
  closeReason: z.string().nullable(),
  disclosureReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  reportIds: z.array(z.string()).optional(),
  vendorCount: z.number().int().optional(),
  coordinatorOrganisationId: z.string().optional(),
});

export const Participation = z.object({
  caseId: z.string(),
  organisationId: z.string(),
  status: z.string(),
  invitedAt: z.string(),
  acknowledgedAt: iso,
  embargoResponse: z.object({ proposalId: z.string().nullable(), response: z.string(), at: iso }).nullable(),
});

/** A case vulnerability with its report's technical details and the PoCs the caller may download (ADR 0031). */
export const Vulnerability = z.object({
  id: z.string(),
  caseId: z.string(),
  reportId: iso.optional().describe('Coordinators only'),
  title: z.string(),
  product: iso,
  cwe: iso,
  vendorOrganisationId: iso,
  description: iso,
  affectedVersions: z.array(z.string()),
  severity: iso,
  cvss: z.object({ vector: z.string(), score: z.number().nullable() }).nullable(),
  ssvc: z.object({ decision: z.string(), vector: z.string() }).nullable(),
  proofOfConcept: z
    .array(z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number().int(), digest: z.string() }))
    .describe('Download each with GET /api/findings/attachments/{id}'),
  createdAt: z.string(),
});

export const Proposal = z.object({
  id: z.string(),
  caseId: z.string(),
  publicAt: z.string(),
  reason: iso,
  extension: z.boolean(),
  proposedByOrganisationId: z.string(),
  status: z.string(),
  decidedAt: iso,
  createdAt: z.string(),
});

export const CaseDetail = CaseView.extend({ vulnerabilities: z.array(Vulnerability), proposals: z.array(Proposal) }).meta({ id: 'CaseDetail' });

export const Statement = z.object({
  id: z.string(),
  caseId: z.string(),
  vulnerabilityId: z.string(),
  vendorOrganisationId: z.string(),
  status: z.string(),
  justification: iso,
  impactStatement: iso,
  actionStatement: iso,
  fixedVersions: z.array(z.string()),
  shared: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const CaseVendor = Participation.extend({ name: z.string(), statementCount: z.number().int() });
export const InboxItem = z.object({ participation: Participation, case: CaseView });
export const Thread = z.object({
  id: z.string(),
  caseId: z.string(),
  subject: z.string(),
  private: z.boolean(),
  vendorOrganisationId: iso,
  createdAt: z.string(),
});
export const Message = z.object({ id: z.string(), threadId: z.string(), body: z.string(), tlp: z.string(), authorUserId: iso, createdAt: z.string() });

/**
 * A case advisory's content as overrides (issue 9 item 20): every field optional and without
 * defaults, because what is left out comes from the case's reports and vendor statements.
 */
const overridable = AdvisoryContentInput.shape;
export const CaseAdvisoryBody = z.strictObject({
  content: z
    .strictObject({
      title: overridable.title.optional(),
      summary: overridable.summary.unwrap().optional(),
      description: overridable.description.unwrap().optional(),
      cveId: overridable.cveId,
      aliases: overridable.aliases.unwrap().optional(),
      affected: overridable.affected.optional(),
      cvss: overridable.cvss.unwrap().optional(),
      cweIds: overridable.cweIds.unwrap().optional(),
      ssvc: overridable.ssvc,
      remediations: overridable.remediations.unwrap().optional(),
      references: overridable.references.unwrap().optional(),
      credits: overridable.credits.unwrap().optional(),
    })
    .default({}),
});

nameSchemas({
  Case: CaseView,
  CaseParticipation: Participation,
  CaseVendor,
  CaseVulnerability: Vulnerability,
  EmbargoProposal: Proposal,
  VendorStatement: Statement,
  InboxItem,
  CaseThread: Thread,
  CaseMessage: Message,
  EmbargoPolicy: PolicyBody,
});
