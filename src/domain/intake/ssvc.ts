/**
 * CISA's SSVC decision tree (CISA, "Stakeholder-Specific Vulnerability Categorization
 * Guide", November 2022; CERT/CC SSVC "CISA Coordinator" table v2.0.3), as data: four
 * decision points walked in order, each value leading to the next point or to a decision.
 */
/**
 * Exploitation (SSVC decision point "Exploitation" v1.1.0: None, Public PoC, Active), with the
 * machine values CISA writes in the SSVC options of its CVE ADP records (Vulnrichment:
 * `{"Exploitation": "poc"}`); one vocabulary for intake, advisories, the API and the CLI (ADR 0075).
 */
export const SSVC_EXPLOITATION = ['none', 'poc', 'active'] as const;
export const SSVC_AUTOMATABLE = ['no', 'yes'] as const;
export const SSVC_TECHNICAL_IMPACT = ['partial', 'total'] as const;
export const SSVC_MISSION_WELLBEING = ['low', 'medium', 'high'] as const;
export const SSVC_DECISIONS = ['track', 'track*', 'attend', 'act'] as const;

export type SsvcExploitation = (typeof SSVC_EXPLOITATION)[number];
export type SsvcAutomatable = (typeof SSVC_AUTOMATABLE)[number];
export type SsvcTechnicalImpact = (typeof SSVC_TECHNICAL_IMPACT)[number];
export type SsvcMissionWellbeing = (typeof SSVC_MISSION_WELLBEING)[number];
export type SsvcDecision = (typeof SSVC_DECISIONS)[number];

/**
 * Deprecated spellings still accepted on input, each with the value it stands for: intake
 * wrote `public-poc` until issue 10 (ADR 0075). Stored data was rewritten by a migration.
 */
export const SSVC_EXPLOITATION_ALIASES = { 'public-poc': 'poc' } as const satisfies Readonly<Record<string, SsvcExploitation>>;
export type SsvcExploitationAlias = keyof typeof SSVC_EXPLOITATION_ALIASES;

/** Every exploitation value input may carry: the vocabulary, then its deprecated aliases. */
export const SSVC_EXPLOITATION_ACCEPTED = [...SSVC_EXPLOITATION, 'public-poc'] as const satisfies readonly (SsvcExploitation | SsvcExploitationAlias)[];

/** The vocabulary's value for an accepted input value (an alias becomes the value it stands for). */
export function ssvcExploitationOf(value: SsvcExploitation | SsvcExploitationAlias): SsvcExploitation {
  return isAlias(value) ? SSVC_EXPLOITATION_ALIASES[value] : value;
}

const isAlias = (value: string): value is SsvcExploitationAlias => Object.hasOwn(SSVC_EXPLOITATION_ALIASES, value);

export interface SsvcInputs {
  readonly exploitation: SsvcExploitation;
  readonly automatable: SsvcAutomatable;
  readonly technicalImpact: SsvcTechnicalImpact;
  readonly missionWellbeing: SsvcMissionWellbeing;
}

/** Mission & well-being → decision, the last level of the tree. */
type Leaf = Readonly<Record<SsvcMissionWellbeing, SsvcDecision>>;
type ImpactNode = Readonly<Record<SsvcTechnicalImpact, Leaf>>;
type AutomatableNode = Readonly<Record<SsvcAutomatable, ImpactNode>>;

const leaf = (low: SsvcDecision, medium: SsvcDecision, high: SsvcDecision): Leaf => ({ low, medium, high });

/** The tree, read top-down as the guide's figure draws it. */
export const SSVC_TREE: Readonly<Record<SsvcExploitation, AutomatableNode>> = {
  none: {
    no: { partial: leaf('track', 'track', 'track'), total: leaf('track', 'track', 'track*') },
    yes: { partial: leaf('track', 'track', 'attend'), total: leaf('track', 'track', 'attend') },
  },
  poc: {
    no: { partial: leaf('track', 'track', 'track*'), total: leaf('track', 'track*', 'attend') },
    yes: { partial: leaf('track', 'track', 'attend'), total: leaf('track', 'track*', 'attend') },
  },
  active: {
    no: { partial: leaf('track', 'track', 'attend'), total: leaf('track', 'attend', 'act') },
    yes: { partial: leaf('attend', 'attend', 'act'), total: leaf('attend', 'act', 'act') },
  },
};

/** A report's SSVC assessment as stored (reports.ssvc): the four values, the decision they give, and who made it when. */
export interface SsvcRecord extends SsvcInputs {
  readonly decision: SsvcDecision;
  readonly vector: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** Walks the tree: the decision for these four values. */
export function ssvcDecide(i: SsvcInputs): SsvcDecision {
  return SSVC_TREE[i.exploitation][i.automatable][i.technicalImpact][i.missionWellbeing];
}

/** The SSVC v2 vector form of a decision, e.g. `SSVCv2/E:A/A:Y/T:T/M:H/D:C/` (CISA uses these abbreviations). */
export function ssvcVector(i: SsvcInputs): string {
  const e = { none: 'N', poc: 'P', active: 'A' }[i.exploitation];
  const d = { track: 'T', 'track*': 'R', attend: 'A', act: 'C' }[ssvcDecide(i)];
  return `SSVCv2/E:${e}/A:${i.automatable === 'yes' ? 'Y' : 'N'}/T:${i.technicalImpact === 'total' ? 'T' : 'P'}/M:${i.missionWellbeing[0]!.toUpperCase()}/D:${d}/`;
}
