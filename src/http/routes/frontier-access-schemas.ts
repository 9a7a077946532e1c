import { z } from 'zod';
import { ACCESS_ENVIRONMENTS, ACCESS_KIND_IDS, SESSION_SOURCES, TERMS_PROTECTION_IDS, TERMS_SIDES } from '../../domain/frontier/access-vocabulary';
import { ACCESS_WINDOW_STATUSES, RELEASE_MILESTONES, WINDOW_MODES } from '../../domain/frontier/access-window';
import { PARTNER_EVENTS, PARTNER_STATES } from '../../domain/frontier/partner-states';
import { SECTOR_IDS } from '../../domain/identity/organisation';
import { Paging, Uuid } from '../schemas';

/** Request and response schemas of the pre-release access routes (OpenAPI is generated from them). */
const When = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().max(max);
const Checkpoint = z.string().trim().min(1).max(200);

export const PlanParams = z.strictObject({ id: Uuid });
export const GrantParams = z.strictObject({ id: Uuid, grantId: Uuid });

export const AccessPolicyBody = z
  .strictObject({
    windowDays: z.number(),
    mode: z.enum(WINDOW_MODES),
    milestone: z.enum(RELEASE_MILESTONES),
    reminderOffsetsDays: z.array(z.number()).max(50),
  })
  .meta({ id: 'AccessPolicy' });

export const PlanBody = z.strictObject({ versionId: Uuid, notes: Text(5000).optional() });

const Budgets = z.strictObject({
  queries: z.number().nullable().optional(),
  tokens: z.number().nullable().optional(),
  computeHours: z.number().nullable().optional(),
});

export const GrantBody = z.strictObject({
  granteeOrganisationId: Uuid,
  accessKind: z.enum(ACCESS_KIND_IDS),
  environment: z.enum(ACCESS_ENVIRONMENTS),
  testedCheckpoint: Checkpoint.nullable().optional(),
  releasedCheckpoint: Checkpoint.nullable().optional(),
  startsAt: When,
  endsAt: When,
  budgets: Budgets.optional(),
});

export const GrantPatch = GrantBody.partial();

export const OutageBody = z.strictObject({ startsAt: When, endsAt: When, reason: Text(2000).optional() });

export const TermsBody = z.strictObject({
  protections: z.array(z.strictObject({ protection: z.enum(TERMS_PROTECTION_IDS), detail: Text(5000) })).max(TERMS_PROTECTION_IDS.length),
});
export const AcknowledgeBody = z.strictObject({ termsVersion: z.number().int().min(1) });

export const SessionsBody = z.strictObject({
  sessions: z
    .array(
      z.strictObject({
        actor: z.string().trim().min(1).max(300),
        startedAt: When,
        endedAt: When.nullable().optional(),
        environment: z.enum(ACCESS_ENVIRONMENTS),
      }),
    )
    .min(1)
    .max(1000),
});

export const NominationBody = z.strictObject({
  planId: Uuid,
  partnerOrganisationId: Uuid,
  sector: z.enum(SECTOR_IDS).optional(),
  reason: Text(5000).optional(),
});
export const NominationTransitionBody = z.strictObject({ event: z.enum(PARTNER_EVENTS) });
export const NominationFilter = z.strictObject({ planId: Uuid.optional(), state: z.enum(PARTNER_STATES).optional(), ...Paging });

export const PortfolioQuery = z.strictObject({
  status: z.enum(ACCESS_WINDOW_STATUSES).optional(),
  after: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const AccessWindow = z
  .object({
    releaseAt: z.string().nullable(),
    leadTimeDays: z.number(),
    effectiveAccessDays: z.number(),
    scheduledAccessDays: z.number(),
    status: z.enum(ACCESS_WINDOW_STATUSES),
    lateByDays: z.number(),
    drift: z.boolean(),
  })
  .meta({ id: 'AccessWindow' });

export const AccessOutage = z
  .object({ id: z.string(), grantId: z.string(), startsAt: z.string(), endsAt: z.string(), reason: z.string() })
  .meta({ id: 'AccessOutage' });

export const AccessTerms = z
  .object({
    termsVersion: z.number().int(),
    protections: z.array(z.object({ protection: z.string(), detail: z.string() })),
    setAt: z.string(),
    acknowledgements: z.array(
      z.object({
        side: z.string().describe(TERMS_SIDES.join(' | ')),
        userId: z.string(),
        /** Null when the caller may not see that user (the policy's rule for users: one's own organisation; the coordinators see all). */
        userName: z.string().nullable(),
        organisationId: z.string(),
        acknowledgedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'AccessTerms' });

export const AccessGrant = z
  .object({
    id: z.string(),
    planId: z.string(),
    granteeOrganisationId: z.string(),
    nominationId: z.string().nullable(),
    accessKind: z.string(),
    environment: z.string(),
    testedCheckpoint: z.string().nullable(),
    releasedCheckpoint: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    budgets: z.object({ queries: z.number().nullable(), tokens: z.number().nullable(), computeHours: z.number().nullable() }),
    outages: z.array(AccessOutage),
    terms: AccessTerms.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AccessGrant' });

export const AccessPlan = z
  .object({
    id: z.string(),
    versionId: z.string(),
    developerOrganisationId: z.string(),
    notes: z.string(),
    version: z
      .object({
        id: z.string(),
        version: z.string(),
        modelId: z.string(),
        modelName: z.string(),
        plannedTrustedPartnerRelease: z.string().nullable(),
        plannedGeneralRelease: z.string().nullable(),
      })
      .nullable(),
    policy: AccessPolicyBody,
    window: AccessWindow.nullable(),
    grants: z.array(AccessGrant),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AccessPlan' });

export const AccessSession = z
  .object({
    id: z.string(),
    grantId: z.string(),
    actor: z.string(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    environment: z.string(),
    source: z.string().describe(SESSION_SOURCES.join(' | ')),
    recordedAt: z.string(),
  })
  .meta({ id: 'AccessSession' });

export const PartnerNomination = z
  .object({
    id: z.string(),
    planId: z.string(),
    partnerOrganisationId: z.string(),
    sector: z.string(),
    nominatedBy: z.string(),
    state: z.string().describe(PARTNER_STATES.join(' | ')),
    reason: z.string(),
    history: z.array(z.object({ from: z.string().nullable(), to: z.string(), event: z.string(), at: z.string(), by: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PartnerNomination' });

export const PortfolioItem = z
  .object({
    versionId: z.string(),
    version: z.string(),
    modelId: z.string(),
    modelName: z.string(),
    developerOrganisationId: z.string(),
    plannedTrustedPartnerRelease: z.string().nullable(),
    plannedGeneralRelease: z.string().nullable(),
    designatedAt: z.string().nullable(),
    planId: z.string().nullable(),
    window: AccessWindow,
  })
  .meta({ id: 'PortfolioItem' });
export const PortfolioPage = z.object({ items: z.array(PortfolioItem), next: z.string().nullable() }).meta({ id: 'PortfolioPage' });

export const AccessReminder = z
  .object({ id: z.string(), planId: z.string(), milestone: z.string(), milestoneAt: z.string(), offsetDays: z.number().int(), sentAt: z.string() })
  .meta({ id: 'AccessReminder' });
