export { CVSS_METRICS, type CvssVersion, type MetricDefinition, type MetricGroup } from './metrics';
export type { CvssNomenclature, CvssScore, CvssSeverity, CvssVector } from './types';
export { parseCvssVector } from './parse';
export { cvssSeverity, scoreCvss, scoreCvssVector } from './score';
