export { parseSarif, readSarif, sarifProblems } from './parse';
export { sarifFindings } from './findings';
export { estimateSeverity } from './severity';
export { sarifRuleProblems } from './rules';
export type { FindingDraft, FindingFlowStep, FindingLocation, SarifLog, SeverityEstimate } from './types';
export { sarifFormat, findingsFormat, sarifToFindings } from './format';
