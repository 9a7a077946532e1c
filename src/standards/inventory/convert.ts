import { parseCycloneDx } from '../cyclonedx/parse';
import { cycloneDxInventory } from '../cyclonedx/inventory';
import { inventoryToCycloneDx, type WrittenCdxBom } from '../cyclonedx/serialize';
import { parseSpdx } from '../spdx/parse';
import { inventoryToSpdx, type SpdxCreation } from '../spdx/serialize';
import type { Spdx2WrittenDocument } from '../spdx/types';
import { inventoryOf } from './read';

/**
 * Converts the components of a CycloneDX BOM (JSON or XML) into an SPDX 2.3 JSON document.
 * Only inventory facts cross over (identity, hashes, licences, containment, dependencies).
 */
export function cycloneDxToSpdx(text: string, creation: SpdxCreation): Spdx2WrittenDocument {
  return inventoryToSpdx(cycloneDxInventory(parseCycloneDx(text).bom), creation);
}

/** Converts the components of an SPDX document (2.2/2.3 JSON or tag-value, 3.0 JSON-LD) into a CycloneDX 1.6 JSON BOM. */
export function spdxToCycloneDx(text: string): WrittenCdxBom {
  return inventoryToCycloneDx(inventoryOf(parseSpdx(text)));
}
