export { ANY, NA, CPE_ATTRIBUTES, isLogical, type CpeAttribute, type CpeLogical, type CpeValue, type Wfn } from './types';
export { makeWfn, formatWfn, checkValueString } from './wfn';
export { bindFormattedString, unbindFormattedString } from './formatted-string';
export { bindUri, unbindUri } from './uri';
export { parseCpe, type CpeBinding, type CpeName } from './parse';
export { compareCpeValues, matchCpe, type CpeAttributeRelation, type CpeMatch, type CpeNameRelation } from './match';
