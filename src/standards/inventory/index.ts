export type {
  ComponentHash,
  ComponentLicense,
  ComponentType,
  HashAlgorithm,
  Inventory,
  InventoryComponent,
  InventoryDependency,
  InventorySource,
} from './types';
export { componentHash, hashAlgorithmFrom, spdx2ChecksumAlgorithm, CYCLONEDX_HASH_ALGORITHMS } from './hashes';
export { conjoinedExpression, isSpdxExpression, licenseFromText } from './licenses';
export { inventoryOf } from './read';
export { cycloneDxToSpdx, spdxToCycloneDx } from './convert';
export { cycloneDxToSpdxConversion, spdxToCycloneDxConversion } from './format';
