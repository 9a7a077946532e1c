import { z } from 'zod';
import { ACCESS_WINDOW_STATUSES } from '../../domain/frontier/access-window';
import { ATTESTATION_STATUSES, EVIDENCE_KINDS, REVIEW_DECISIONS } from '../../domain/frontier/attestation';
import { MAX_MIN_GROUP_SIZE, MIN_MIN_GROUP_SIZE } from '../../domain/frontier/scorecard-aggregates';
import { Paging, Uuid } from '../schemas';

/** Request and response schemas of the voluntary-standards routes (ADR 0105). */
const When = z.iso.datetime({ offset: true });

export const CatalogueParams = z.strictObject({ version: z.string().max(64) });
export const OrganisationParams = z.strictObject({ organisationId: Uuid });
export const CatalogueDocumentInput = z.record(z.string(), z.unknown()).meta({ id: 'FrontierPracticeCatalogueDocument' });

export const FrontierPracticeCatalogue = z
  .object({
    version: z.string(),
    title: z.string(),
    note: z.string().nullable(),
    builtIn: z.boolean(),
    current: z.boolean(),
    addedAt: z.string(),
    practices: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        evidenceRequired: z.boolean(),
        sources: z.array(z.object({ citation: z.string(), url: z.string().nullable() })),
      }),
    ),
  })
  .meta({ id: 'FrontierPracticeCatalogue' });
export const FrontierPracticeCatalogueList = z.object({ items: z.array(FrontierPracticeCatalogue) }).meta({ id: 'FrontierPracticeCatalogueList' });

const EvidenceInput = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  ref: z.string().trim().min(1).max(2000),
  title: z.string().trim().max(300).optional(),
});
const Claim = {
  status: z.enum(ATTESTATION_STATUSES),
  evidence: z.array(EvidenceInput).max(50).default([]),
  expiresAt: When,
  statement: z.string().max(5000).optional(),
};
export const AttestationBody = z.strictObject({ practiceId: z.string().trim().min(1).max(100), ...Claim });
export const AttestationChange = z.strictObject(Claim);
export const AttestationReviewBody = z.strictObject({ decision: z.enum(REVIEW_DECISIONS), comment: z.string().max(5000).optional() });
export const AttestationFilter = z.strictObject({ organisationId: Uuid.optional(), ...Paging });

export const FrontierAttestation = z
  .object({
    id: Uuid,
    organisationId: Uuid,
    practiceId: z.string(),
    catalogueVersion: z.string(),
    status: z.enum(ATTESTATION_STATUSES),
    evidence: z.array(z.object({ kind: z.enum(EVIDENCE_KINDS), ref: z.string(), title: z.string().nullable() })),
    statement: z.string(),
    expiresAt: z.string(),
    /** Computed when read: `expired` from the expiry date on. */
    standing: z.enum(['current', 'expired']),
    review: z.object({ decision: z.enum(REVIEW_DECISIONS), comment: z.string(), reviewedBy: Uuid.nullable(), reviewedAt: z.string().nullable() }).nullable(),
    history: z.array(
      z.object({
        event: z.enum(['attested', 'changed', 'reviewed']),
        at: z.string(),
        by: Uuid.nullable(),
        status: z.string(),
        evidence: z.array(z.unknown()),
        statement: z.string(),
        expiresAt: z.string(),
        catalogueVersion: z.string(),
        review: z.object({ decision: z.string(), comment: z.string() }).nullable(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FrontierAttestation' });

/** A count that is not tracked yet is null, never zero. */
export const FrontierScorecard = z
  .object({
    developerOrganisationId: Uuid,
    asOf: z.string(),
    participation: z.object({
      practices: z.number().int(),
      current: z.number().int(),
      expired: z.number().int(),
      notAttested: z.number().int(),
      implemented: z.number().int(),
      partial: z.number().int(),
      planned: z.number().int(),
      notApplicable: z.number().int(),
      accepted: z.number().int(),
      questioned: z.number().int(),
      rate: z.number(),
    }),
    preReleaseAccess: z.object({
      designatedVersions: z.number().int(),
      released: z.number().int(),
      met: z.number().int(),
      late: z.number().int(),
      notProvided: z.number().int(),
      onTrack: z.number().int(),
      atRisk: z.number().int(),
      noReleaseDate: z.number().int(),
      medianLeadTimeDays: z.number().nullable(),
      medianEffectiveAccessDays: z.number().nullable(),
      versions: z.array(
        z.object({
          versionId: Uuid,
          status: z.enum(ACCESS_WINDOW_STATUSES),
          leadTimeDays: z.number(),
          effectiveAccessDays: z.number(),
          accessKinds: z.array(z.string()),
        }),
      ),
    }),
    accessKinds: z.array(z.object({ kind: z.string(), versions: z.number().int() })),
    thirdPartyAssessments: z.object({ engagements: z.number().int(), completed: z.number().int(), completedBeforeRelease: z.number().int() }).nullable(),
    findings: z
      .object({
        total: z.number().int(),
        mitigatedBeforeRelease: z.number().int(),
        open: z.number().int(),
        accepted: z.number().int(),
        disputed: z.number().int(),
      })
      .nullable(),
    incidents: z.object({ reported: z.number().int() }).nullable(),
  })
  .meta({ id: 'FrontierScorecard' });

export const FrontierPublishedScorecards = z
  .object({
    asOf: z.string(),
    catalogueVersion: z.string(),
    minGroupSize: z.number().int(),
    /** The developers counted; null when fewer than the minimum group size. */
    developers: z.number().int().nullable(),
    tables: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        tracked: z.boolean(),
        cells: z.array(z.object({ key: z.string(), developers: z.number().int().nullable(), meanEffectiveAccessDays: z.number().nullable().optional() })),
      }),
    ),
  })
  .meta({ id: 'FrontierPublishedScorecards' });

export const FrontierStandardsSettings = z
  .strictObject({ minGroupSize: z.number().int().min(MIN_MIN_GROUP_SIZE).max(MAX_MIN_GROUP_SIZE) })
  .meta({ id: 'FrontierStandardsSettings' });
