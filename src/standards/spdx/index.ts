export { parseSpdx, type SpdxDocument } from './parse';
export { tagValueToJsonModel } from './tag-value';
export { spdx2Inventory } from './inventory2';
export { spdx3Inventory } from './inventory3';
export { inventoryToSpdx, type SpdxCreation } from './serialize';
export { spdx23SchemaProblems } from './schema';
export type { Spdx2Document, Spdx2Package, Spdx2File, Spdx2Relationship, Spdx3Document, Spdx3Element } from './types';
export { spdxFormat } from './format';
