import { cycloneDxInventory } from '../cyclonedx/inventory';
import type { CycloneDxDocument } from '../cyclonedx/types';
import type { SpdxDocument } from '../spdx/parse';
import { spdx2Inventory } from '../spdx/inventory2';
import { spdx3Inventory } from '../spdx/inventory3';
import type { Inventory } from './types';

/** The inventory of a parsed CycloneDX or SPDX document. */
export function inventoryOf(document: CycloneDxDocument | SpdxDocument): Inventory {
  if ('bom' in document) return cycloneDxInventory(document.bom);
  return document.specVersion === '3' ? spdx3Inventory(document.document) : spdx2Inventory(document.document);
}
