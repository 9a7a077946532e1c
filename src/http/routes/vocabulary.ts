import { z } from 'zod';
import { CREDIT_ROLES, REFERENCE_TYPES, REMEDIATION_CATEGORIES } from '../../domain/advisory/content';
import { ADVISORY_STATES } from '../../domain/advisory/state';
import { CASE_STATES } from '../../domain/cases/case-states';
import { EMBARGO_STATES } from '../../domain/cases/embargo-states';
import { VENDOR_STATUSES, VEX_JUSTIFICATIONS } from '../../domain/cases/vendor-statement';
import { EVENT_TYPES } from '../../domain/events/event';
import {
  ACCESS_ENVIRONMENTS,
  ACCESS_KIND_IDS,
  ACCESS_KINDS,
  SESSION_SOURCES,
  TERMS_PROTECTION_IDS,
  TERMS_PROTECTIONS,
} from '../../domain/frontier/access-vocabulary';
import { ACCESS_WINDOW_STATUSES, RELEASE_MILESTONES, WINDOW_MODES } from '../../domain/frontier/access-window';
import { PARTNER_STATES } from '../../domain/frontier/partner-states';
import { CI_SECTORS, ORGANISATION_KINDS } from '../../domain/identity/organisation';
import { ROLE_IDS, ROLES, TOKEN_SCOPES } from '../../domain/identity/roles';
import { AUTONOMY_LEVELS, FINDER_KINDS, REPRODUCTION_STATUSES, SEVERITIES } from '../../domain/intake/finding';
import { REPORT_SORTS } from '../../domain/intake/queue';
import { REPORT_STATES } from '../../domain/intake/report-states';
import { SSVC_AUTOMATABLE, SSVC_DECISIONS, SSVC_EXPLOITATION, SSVC_MISSION_WELLBEING, SSVC_TECHNICAL_IMPACT } from '../../domain/intake/ssvc';
import { CLASSIFICATIONS, CLEARANCES, TLP_LABELS } from '../../domain/policy/marking';
import { MAPPED_ECOSYSTEMS } from '../../standards/convert/ecosystems';
import { FACT_METHODS, FACT_SPECS, LINEAGE_KINDS, MODALITIES, RATIONALE_VISIBILITIES, RELEASE_CHANNELS } from '../../domain/frontier/registry';
import { EVALUATION_TRIGGERS } from '../../domain/frontier/registry-checks';
import { BUILT_IN_RULE_SET_IDS } from '../../domain/frontier/rule-sets/index';
import {
  ASSESSOR_CHOSEN_BY,
  ENGAGEMENT_PURPOSES,
  PUBLICATION_RIGHTS,
  RISK_DOMAIN_IDS,
  RISK_DOMAINS,
  RISK_LEVELS,
} from '../../domain/frontier/assessment-vocabulary';
import { EXPORT_AUDIENCES } from '../../domain/frontier/engagement-export';
import { ENGAGEMENT_STATES } from '../../domain/frontier/engagement-states';
import { REMEDIATION_STATES } from '../../domain/frontier/finding-remediation';
import { BUILT_IN_RISK_SCALES } from '../../domain/frontier/risk-scales/index';
import type { App } from '../app';

const Labelled = z.object({ id: z.string(), label: z.string() }).meta({ id: 'LabelledValue' });
/** `TOP_SECRET` → `Top secret`, as `GET /api/meta` labels the marking vocabularies. */
const label = (id: string) => id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, ' ');
const values = <T extends readonly [string, ...string[]]>(list: T) => z.array(z.enum(list));
/** A closed list whose ids are typed (so a picker's choice is a valid request value) with a label each. */
const labelled = <T extends readonly [string, ...string[]]>(list: T) => z.array(z.object({ id: z.enum(list), label: z.string() }));

/**
 * Every closed list of values the UI offers or shows, read from the domain's own constants
 * (issue 10 §2), so a page never keeps its own copy that drifts from what the API accepts.
 */
export const Vocabulary = z
  .strictObject({
    reportStates: values(REPORT_STATES),
    reportSorts: values(REPORT_SORTS),
    severities: values(SEVERITIES),
    finderKinds: values(FINDER_KINDS),
    autonomyLevels: values(AUTONOMY_LEVELS),
    reproductionStatuses: values(REPRODUCTION_STATUSES),
    ssvc: z.strictObject({
      exploitation: values(SSVC_EXPLOITATION),
      automatable: values(SSVC_AUTOMATABLE),
      technicalImpact: values(SSVC_TECHNICAL_IMPACT),
      missionWellbeing: values(SSVC_MISSION_WELLBEING),
      decisions: values(SSVC_DECISIONS),
    }),
    caseStates: values(CASE_STATES),
    embargoStates: values(EMBARGO_STATES),
    vendorStatuses: values(VENDOR_STATUSES),
    vexJustifications: values(VEX_JUSTIFICATIONS),
    advisoryStates: values(ADVISORY_STATES),
    creditRoles: values(CREDIT_ROLES),
    remediationCategories: values(REMEDIATION_CATEGORIES),
    referenceTypes: values(REFERENCE_TYPES),
    /** OSV ecosystem names, their purl type, and the OSV range type their versions use (OSV 1.7 §affected[].ranges[].type). */
    ecosystems: z.array(z.strictObject({ name: z.string(), purlType: z.string(), rangeType: z.enum(['SEMVER', 'ECOSYSTEM']) })),
    tlp: values(TLP_LABELS),
    classifications: z.array(Labelled),
    clearances: z.array(z.object({ id: z.enum(CLEARANCES), label: z.string() })),
    organisationKinds: z.array(Labelled),
    sectors: z.array(Labelled),
    roles: z.array(z.object({ id: z.enum(ROLE_IDS), label: z.string() })),
    tokenScopes: z.array(Labelled),
    eventTypes: values(EVENT_TYPES),
    /** The frontier-model registry (issue 11): its lists, the facts a version declares (unit, kind) and the shipped rule sets. */
    frontier: z.strictObject({
      lineageKinds: values(LINEAGE_KINDS),
      releaseChannels: values(RELEASE_CHANNELS),
      modalities: values(MODALITIES),
      factMethods: values(FACT_METHODS),
      facts: z.array(z.strictObject({ key: z.string(), unit: z.string(), kind: z.enum(['quantity', 'share', 'boolean', 'score']), label: z.string() })),
      /** `evaluations.<benchmark>` keys: any named benchmark, scored 0–1. */
      evaluationFact: z.strictObject({ keyPrefix: z.string(), unit: z.string(), kind: z.literal('score') }),
      ruleSets: z.array(z.string()),
      evaluationTriggers: values(EVALUATION_TRIGGERS),
      /** Designation and voluntary pre-release access (the UI's pickers and badges). */
      rationaleVisibilities: values(RATIONALE_VISIBILITIES),
      accessKinds: labelled(ACCESS_KIND_IDS),
      accessEnvironments: values(ACCESS_ENVIRONMENTS),
      partnerStates: values(PARTNER_STATES),
      windowStatuses: values(ACCESS_WINDOW_STATUSES),
      /** The access-window policy's modes and milestones, the protections of access terms, where an access-log session comes from. */
      windowModes: values(WINDOW_MODES),
      releaseMilestones: values(RELEASE_MILESTONES),
      termsProtections: labelled(TERMS_PROTECTION_IDS),
      sessionSources: values(SESSION_SOURCES),
      /** Third-party assessments (issue 12): the risk domains, the common risk scale, the framework mappings and the state machines' words. */
      riskDomains: labelled(RISK_DOMAIN_IDS),
      riskLevels: values(RISK_LEVELS),
      riskScales: z.array(z.strictObject({ id: z.string(), version: z.string(), framework: z.string(), labels: z.array(z.string()) })),
      engagementStates: values(ENGAGEMENT_STATES),
      engagementPurposes: values(ENGAGEMENT_PURPOSES),
      assessorChosenBy: values(ASSESSOR_CHOSEN_BY),
      publicationRights: values(PUBLICATION_RIGHTS),
      remediationStates: values(REMEDIATION_STATES),
      exportAudiences: values(EXPORT_AUDIENCES),
    }),
  })
  .meta({ id: 'Vocabulary' });

/** Built once: the lists are constants of this build, the same for every caller. */
const VOCABULARY: z.infer<typeof Vocabulary> = Object.freeze({
  reportStates: [...REPORT_STATES],
  reportSorts: [...REPORT_SORTS],
  severities: [...SEVERITIES],
  finderKinds: [...FINDER_KINDS],
  autonomyLevels: [...AUTONOMY_LEVELS],
  reproductionStatuses: [...REPRODUCTION_STATUSES],
  ssvc: {
    exploitation: [...SSVC_EXPLOITATION],
    automatable: [...SSVC_AUTOMATABLE],
    technicalImpact: [...SSVC_TECHNICAL_IMPACT],
    missionWellbeing: [...SSVC_MISSION_WELLBEING],
    decisions: [...SSVC_DECISIONS],
  },
  caseStates: [...CASE_STATES],
  embargoStates: [...EMBARGO_STATES],
  vendorStatuses: [...VENDOR_STATUSES],
  vexJustifications: [...VEX_JUSTIFICATIONS],
  advisoryStates: [...ADVISORY_STATES],
  creditRoles: [...CREDIT_ROLES],
  remediationCategories: [...REMEDIATION_CATEGORIES],
  referenceTypes: [...REFERENCE_TYPES],
  ecosystems: MAPPED_ECOSYSTEMS.map((e) => ({ ...e })),
  tlp: [...TLP_LABELS],
  classifications: CLASSIFICATIONS.map((c) => ({ id: c, label: label(c) })),
  clearances: CLEARANCES.map((c) => ({ id: c, label: label(c) })),
  organisationKinds: ORGANISATION_KINDS.map((k) => ({ ...k })),
  sectors: CI_SECTORS.map((s) => ({ ...s })),
  roles: ROLES.map((r) => ({ ...r })),
  tokenScopes: TOKEN_SCOPES.map((s) => ({ ...s })),
  eventTypes: [...EVENT_TYPES],
  frontier: {
    lineageKinds: [...LINEAGE_KINDS],
    releaseChannels: [...RELEASE_CHANNELS],
    modalities: [...MODALITIES],
    factMethods: [...FACT_METHODS],
    facts: Object.entries(FACT_SPECS).map(([key, s]) => ({ key, unit: s.unit, kind: s.kind, label: s.label })),
    evaluationFact: { keyPrefix: 'evaluations.', unit: 'score', kind: 'score' },
    ruleSets: [...BUILT_IN_RULE_SET_IDS],
    evaluationTriggers: [...EVALUATION_TRIGGERS],
    rationaleVisibilities: [...RATIONALE_VISIBILITIES],
    accessKinds: ACCESS_KINDS.map((k) => ({ id: k.id, label: k.label })),
    accessEnvironments: [...ACCESS_ENVIRONMENTS],
    partnerStates: [...PARTNER_STATES],
    windowStatuses: [...ACCESS_WINDOW_STATUSES],
    windowModes: [...WINDOW_MODES],
    releaseMilestones: [...RELEASE_MILESTONES],
    termsProtections: TERMS_PROTECTIONS.map((t) => ({ ...t })),
    sessionSources: [...SESSION_SOURCES],
    riskDomains: RISK_DOMAINS.map((d) => ({ id: d.id, label: d.label })),
    riskLevels: [...RISK_LEVELS],
    riskScales: BUILT_IN_RISK_SCALES.map((m) => ({ id: m.id, version: m.version, framework: m.framework, labels: m.levels.map((l) => l.label) })),
    engagementStates: [...ENGAGEMENT_STATES],
    engagementPurposes: [...ENGAGEMENT_PURPOSES],
    assessorChosenBy: [...ASSESSOR_CHOSEN_BY],
    publicationRights: [...PUBLICATION_RIGHTS],
    remediationStates: [...REMEDIATION_STATES],
    exportAudiences: [...EXPORT_AUDIENCES],
  },
});

/**
 * `GET /api/vocabulary`: public, like `/api/meta` — nothing in it is sensitive (ADR 0065). A
 * shared cache may keep the anonymous answer (src/http/cache-control.ts says for how long).
 */
export function vocabularyRoutes(app: App): void {
  app.get(
    '/api/vocabulary',
    {
      schema: {
        tags: ['meta'],
        summary: 'Every closed list of values: states, severities, ecosystems, SSVC, TLP, organisation kinds, sectors, roles',
        security: [],
        response: { 200: Vocabulary },
      },
    },
    async () => VOCABULARY,
  );
}
