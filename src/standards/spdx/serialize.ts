import { spdx2ChecksumAlgorithm } from '../inventory/hashes';
import { conjoinedExpression } from '../inventory/licenses';
import type { ComponentType, Inventory, InventoryComponent } from '../inventory/types';
import type { Spdx2Relationship, Spdx2WrittenDocument, Spdx2WrittenPackage } from './types';

// CycloneDX component type → SPDX 2.3 §7.24 primaryPackagePurpose (JSON spelling).
const PURPOSE: Readonly<Partial<Record<ComponentType, string>>> = {
  application: 'APPLICATION',
  framework: 'FRAMEWORK',
  library: 'LIBRARY',
  container: 'CONTAINER',
  'operating-system': 'OPERATING_SYSTEM',
  device: 'DEVICE',
  firmware: 'FIRMWARE',
  file: 'FILE',
};

/** The creation facts a document needs and an inventory does not hold (time is a parameter). */
export interface SpdxCreation {
  /** SPDX 2.3 §6.5 documentNamespace: a unique URI for this document. */
  readonly documentNamespace: string;
  /** SPDX 2.3 §6.9 `created`, an ISO 8601 UTC timestamp. */
  readonly created: string;
  /** SPDX 2.3 §6.8 creators, e.g. `Tool: aisc`. */
  readonly creators: readonly string[];
}

/**
 * Writes an inventory as an SPDX 2.3 JSON document: every component a package (purl and CPE as
 * external references, checksums, the licence expression as declared licence), parents as
 * `CONTAINS`, dependencies as `DEPENDS_ON`, subjects as `DESCRIBES`. Element ids are made
 * SPDX-valid (`SPDXRef-` + [A-Za-z0-9.-]) and unique.
 */
export function inventoryToSpdx(inventory: Inventory, creation: SpdxCreation): Spdx2WrittenDocument {
  const ids = spdxIds(inventory.components);
  const id = (ref: string): string | undefined => ids.get(ref);
  const relationships: Spdx2Relationship[] = [];
  const relate = (from: string | undefined, type: string, to: string | undefined): void => {
    if (from && to) relationships.push({ spdxElementId: from, relationshipType: type, relatedSpdxElement: to });
  };
  for (const subject of inventory.subjects) relate('SPDXRef-DOCUMENT', 'DESCRIBES', id(subject));
  for (const component of inventory.components) if (component.parent) relate(id(component.parent), 'CONTAINS', id(component.ref));
  for (const dependency of inventory.dependencies) for (const to of dependency.dependsOn) relate(id(dependency.ref), 'DEPENDS_ON', id(to));
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: inventory.source.name ?? 'inventory',
    documentNamespace: creation.documentNamespace,
    creationInfo: { created: creation.created, creators: [...creation.creators] },
    packages: inventory.components.map((c) => packageJson(c, ids.get(c.ref)!)),
    relationships,
  };
}

function packageJson(component: InventoryComponent, spdxId: string): Spdx2WrittenPackage {
  const checksums = component.hashes.flatMap((h) => {
    const algorithm = spdx2ChecksumAlgorithm(h.algorithm);
    return algorithm ? [{ algorithm, checksumValue: h.value }] : [];
  });
  const externalRefs = [
    ...(component.purl ? [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: component.purl }] : []),
    ...(component.cpe
      ? [{ referenceCategory: 'SECURITY', referenceType: component.cpe.startsWith('cpe:2.3:') ? 'cpe23Type' : 'cpe22Type', referenceLocator: component.cpe }]
      : []),
  ];
  const license = conjoinedExpression(component.licenses);
  const purpose = PURPOSE[component.type];
  return {
    SPDXID: spdxId,
    name: component.group ? `${component.group}/${component.name}` : component.name,
    ...(component.version ? { versionInfo: component.version } : {}),
    ...(component.supplier ? { supplier: `Organization: ${component.supplier}` } : {}),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    ...(checksums.length ? { checksums } : {}),
    ...(license ? { licenseDeclared: license } : {}),
    ...(component.description ? { description: component.description } : {}),
    ...(externalRefs.length ? { externalRefs } : {}),
    ...(purpose ? { primaryPackagePurpose: purpose } : {}),
  };
}

// SPDX 2.3 §7.2: SPDXID is "SPDXRef-" followed by letters, digits, "." and "-".
function spdxIds(components: readonly InventoryComponent[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>(['SPDXRef-DOCUMENT']);
  for (const component of components) {
    const base = `SPDXRef-${component.ref.replace(/^SPDXRef-/, '').replace(/[^A-Za-z0-9.-]/g, '-') || 'component'}`;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
    used.add(candidate);
    ids.set(component.ref, candidate);
  }
  return ids;
}
