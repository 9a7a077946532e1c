/**
 * CISA's SSVC decision tree (CISA, "Stakeholder-Specific Vulnerability Categorization
 * Guide", November 2022; CERT/CC SSVC "CISA Coordinator" table v2.0.3), as data: four
 * decision points walked in order, each value leading to the next point or to a decision.
 */
export const SSVC_EXPLOITATION = ['none', 'public-poc', 'active'] as const;
export const SSVC_AUTOMATABLE = ['no', 'yes'] as const;
export const SSVC_TECHNICAL_IMPACT = ['partial', 'total'] as const;
export const SSVC_MISSION_WELLBEING = ['low', 'medium', 'high'] as const;
export const SSVC_DECISIONS = ['track', 'track*', 'attend', 'act'] as const;

export type SsvcExploitation = (typeof SSVC_EXPLOITATION)[number];
export type SsvcAutomatable = (typeof SSVC_AUTOMATABLE)[number];
export type SsvcTechnicalImpact = (typeof SSVC_TECHNICAL_IMPACT)[number];
export type SsvcMissionWellbeing = (typeof SSVC_MISSION_WELLBEING)[number];
export type SsvcDecision = (typeof SSVC_DECISIONS)[number];

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
  'public-poc': {
    no: { partial: leaf('track', 'track', 'track*'), total: leaf('track', 'track*', 'attend') },
    yes: { partial: leaf('track', 'track', 'attend'), total: leaf('track', 'track*', 'attend') },
  },
  active: {
    no: { partial: leaf('track', 'track', 'attend'), total: leaf('track', 'attend', 'act') },
    yes: { partial: leaf('attend', 'attend', 'act'), total: leaf('attend', 'act', 'act') },
  },
};

/** Walks the tree: the decision for these four values. */
export function ssvcDecide(i: SsvcInputs): SsvcDecision {
  return SSVC_TREE[i.exploitation][i.automatable][i.technicalImpact][i.missionWellbeing];
}

/** The SSVC v2 vector form of a decision, e.g. `SSVCv2/E:A/A:Y/T:T/M:H/D:C/` (CISA uses these abbreviations). */
export function ssvcVector(i: SsvcInputs): string {
  const e = { none: 'N', 'public-poc': 'P', active: 'A' }[i.exploitation];
  const d = { track: 'T', 'track*': 'R', attend: 'A', act: 'C' }[ssvcDecide(i)];
  return `SSVCv2/E:${e}/A:${i.automatable === 'yes' ? 'Y' : 'N'}/T:${i.technicalImpact === 'total' ? 'T' : 'P'}/M:${i.missionWellbeing[0]!.toUpperCase()}/D:${d}/`;
}
