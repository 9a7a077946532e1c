export { parseCycloneDx, readCycloneDxJson, type CycloneDxLimits } from './parse';
export { cycloneDxInventory } from './inventory';
export { cycloneDxVexStatements, type VexStatement, type VexStatus, type CdxAnalysisState } from './vex';
export { inventoryToCycloneDx } from './serialize';
export { SPEC_VERSIONS, isSpecVersion, type SpecVersion } from './schema';
export type { CdxBom, CdxComponent, CdxDependency, CdxVulnerability, CycloneDxDocument } from './types';
export { cycloneDxFormat } from './format';
