export { osvToCsaf, DEFAULT_CSAF_PUBLISHER, type OsvToCsafOptions } from './osv-to-csaf';
export { productsFromOsv, type OsvProducts, type OsvFix } from './osv-products';
export { scoreCvss, type CvssScore } from './cvss';
export { purlFor, rangeTypeFor, purlTypeFor, collectionUrlFor, ecosystemForCollectionUrl, ecosystemForPurlType } from './ecosystems';
export { intervalsOf, versConstraints, eventsFromVers, type AffectedInterval } from './intervals';
export { cveAliasOf, releaseDates } from './osv-common';
export { osvToCve5, UNASSIGNED_ORG_ID, CVE_REFERENCE_TAGS, type OsvToCve5Options } from './osv-to-cve5';
export { osvToStix, type OsvToStixOptions } from './osv-to-stix';
export { csafToOsv } from './csaf-to-osv';
export { cve5ToOsv } from './cve5-to-osv';
export {
  statementsFromOpenVex,
  statementsToOpenVex,
  statementsFromCsafVex,
  statementsToCsafVex,
  type VexStatement,
  type OpenVexDocumentInfo,
  type CsafVexDocumentInfo,
} from './vex';
