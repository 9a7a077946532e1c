/**
 * The words of third-party risk assessment (issue 12 "Assessment engagements"; research
 * frontier-domain.md §3.2 and §7.4). Ids are data: the UI and the vocabulary route read them
 * from here, and the risk-scale tables (risk-scales/*.json) name the same domain ids.
 */

/** The risk domains an engagement scopes and concludes on (issue 12's list). */
export const RISK_DOMAINS = [
  { id: 'cyber_offense', label: 'Cyber offence' },
  { id: 'cbrn', label: 'Chemical, biological, radiological and nuclear' },
  { id: 'autonomy_self_replication', label: 'Autonomy and self-replication' },
  { id: 'persuasion_manipulation', label: 'Persuasion and manipulation' },
  { id: 'model_weight_security', label: 'Model-weight security' },
] as const;
export type RiskDomain = (typeof RISK_DOMAINS)[number]['id'];
export const RISK_DOMAIN_IDS = RISK_DOMAINS.map((d) => d.id) as [RiskDomain, ...RiskDomain[]];
export const isRiskDomain = (s: string): s is RiskDomain => (RISK_DOMAIN_IDS as readonly string[]).includes(s);

/** The one common scale every conclusion is stated on, lowest first (issue 12 "One risk scale"). */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const isRiskLevel = (s: string): s is RiskLevel => (RISK_LEVELS as readonly string[]).includes(s);

/** A finding's severity: the same four words, a separate judgement (one finding, not a domain). */
export const FINDING_SEVERITIES = RISK_LEVELS;
export type FindingSeverity = RiskLevel;

/**
 * What the assessment is for, after the Frontier Model Forum's functions of third-party
 * assessment (research §3.2 `function`): confirm the developer's own results, test their
 * robustness, or supplement them where the developer did not test.
 */
export const ENGAGEMENT_PURPOSES = ['confirmation', 'robustness', 'supplementation'] as const;
export type EngagementPurpose = (typeof ENGAGEMENT_PURPOSES)[number];

/** Who chose the assessor (independence declaration, research §3.2 `independence`). */
export const ASSESSOR_CHOSEN_BY = ['developer', 'government', 'jointly', 'assessor_initiative'] as const;
export type AssessorChosenBy = (typeof ASSESSOR_CHOSEN_BY)[number];

/**
 * What the assessor may publish: nothing, a summary (the `published_summary` end state), or
 * the full report. Only `summary` and `full` allow the published-summary end.
 */
export const PUBLICATION_RIGHTS = ['none', 'summary', 'full'] as const;
export type PublicationRights = (typeof PUBLICATION_RIGHTS)[number];

/** The independence declarations an engagement carries (research §3.2 `independence`). */
export interface IndependenceDeclaration {
  /** Financial ties between assessor and developer (fees, investments, contracts); empty when none. */
  readonly financialTies: string;
  readonly assessorChosenBy: AssessorChosenBy;
  /** Whether the developer may review the draft for factual accuracy before it is final. */
  readonly developerReviewRight: boolean;
}
