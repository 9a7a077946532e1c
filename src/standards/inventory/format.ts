import { cycloneDxInventory } from '../cyclonedx/inventory';
import { inventoryToCycloneDx } from '../cyclonedx/serialize';
import type { CycloneDxDocument } from '../cyclonedx/types';
import type { FormatConversion } from '../formats/types';
import type { SpdxDocument } from '../spdx/parse';
import { inventoryToSpdx } from '../spdx/serialize';
import { inventoryOf } from './read';

// Pure conversions cannot read a clock: the SPDX `created` time is the BOM's own timestamp, and
// a BOM without one is dated at the Unix epoch, which reads as "unknown".
const UNKNOWN_TIME = '1970-01-01T00:00:00Z';

/** CycloneDX → SPDX 2.3 JSON, components only (identity, hashes, licences, graph). */
export const cycloneDxToSpdxConversion: FormatConversion<CycloneDxDocument, CycloneDxDocument | SpdxDocument> = {
  from: 'cyclonedx',
  to: 'spdx',
  description: 'CycloneDX components → SPDX 2.3 packages and relationships',
  convert: (document) => {
    const inventory = cycloneDxInventory(document.bom);
    const serial = document.bom.serialNumber?.replace(/^urn:uuid:/, '') ?? inventory.source.name ?? 'bom';
    const spdx = inventoryToSpdx(inventory, {
      documentNamespace: `https://aisc.invalid/spdx/cyclonedx/${encodeURIComponent(serial)}`,
      created: document.bom.metadata?.timestamp?.replace(/\.\d+/, '') ?? UNKNOWN_TIME,
      creators: ['Tool: aisc'],
    });
    return { specVersion: '2', serialization: 'json', document: spdx };
  },
};

/** SPDX → CycloneDX 1.6 JSON, components only. */
export const spdxToCycloneDxConversion: FormatConversion<SpdxDocument, CycloneDxDocument> = {
  from: 'spdx',
  to: 'cyclonedx',
  description: 'SPDX packages, files and relationships → CycloneDX 1.6 components and dependencies',
  convert: (document) => ({ serialization: 'json', bom: inventoryToCycloneDx(inventoryOf(document)) }),
};
