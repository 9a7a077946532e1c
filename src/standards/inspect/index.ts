export * from './types';
export { checkInspectVersion, summariseInspectLog, type InspectHeader } from './summary';
export { readInspectJson, parseJsonBytes } from './json-log';
export { readInspectEval, isSummaryEntry, isSampleEntry, type EvalArchive } from './eval-log';
export { detectInspectFormat } from './detect';
export { archiveNameProblem } from './names';
