import { componentHash } from '../inventory/hashes';
import { licenseFromText } from '../inventory/licenses';
import type { ComponentHash, ComponentLicense, ComponentType, Inventory, InventoryComponent } from '../inventory/types';
import { graphFromRelationships } from './relationships';
import type { Spdx2Checksum, Spdx2Document, Spdx2Package } from './types';

// SPDX 2.3 §7.24 primaryPackagePurpose → CycloneDX component type. Tag-value writes
// OPERATING-SYSTEM, the JSON schema OPERATING_SYSTEM.
const PURPOSE: Readonly<Record<string, ComponentType>> = {
  APPLICATION: 'application',
  FRAMEWORK: 'framework',
  LIBRARY: 'library',
  CONTAINER: 'container',
  'OPERATING-SYSTEM': 'operating-system',
  OPERATING_SYSTEM: 'operating-system',
  DEVICE: 'device',
  FIRMWARE: 'firmware',
  FILE: 'file',
  SOURCE: 'file',
  ARCHIVE: 'file',
  INSTALL: 'application',
  OTHER: 'library',
};

/**
 * Reads the inventory of an SPDX 2.x document: packages (purl and CPE from `externalRefs`,
 * SPDX 2.3 §7.21 and Annex F), files, checksums, licences (concluded, else declared) and the
 * dependency graph from relationships. A package without a purpose is a `library`, CycloneDX's
 * recommended default.
 */
export function spdx2Inventory(document: Spdx2Document): Inventory {
  const components: InventoryComponent[] = [];
  for (const pkg of document.packages ?? []) components.push(packageComponent(pkg));
  for (const file of document.files ?? []) {
    components.push({
      ref: file.SPDXID,
      type: 'file',
      name: file.fileName,
      hashes: hashesOf(file.checksums),
      licenses: licensesOf(file.licenseConcluded),
    });
  }
  const graph = graphFromRelationships(
    (document.relationships ?? []).map((r) => ({ from: r.spdxElementId, type: r.relationshipType, to: r.relatedSpdxElement })),
    document.SPDXID,
  );
  for (const pkg of document.packages ?? []) for (const file of pkg.hasFiles ?? []) graph.parents.set(file, graph.parents.get(file) ?? pkg.SPDXID);
  const subjects = [...new Set([...(document.documentDescribes ?? []), ...graph.subjects])];
  return {
    source: { format: 'spdx', specVersion: document.spdxVersion, documentId: document.documentNamespace, name: document.name },
    subjects,
    components: components.map((c) => (graph.parents.has(c.ref) && graph.parents.get(c.ref) !== c.ref ? { ...c, parent: graph.parents.get(c.ref)! } : c)),
    dependencies: graph.dependencies,
  };
}

function packageComponent(pkg: Spdx2Package): InventoryComponent {
  const locator = (type: string): string | undefined => pkg.externalRefs?.find((r) => r.referenceType === type)?.referenceLocator;
  const purl = locator('purl');
  const cpe = locator('cpe23Type') ?? locator('cpe22Type');
  const supplier = pkg.supplier?.replace(/^(Organization|Person):\s*/, '');
  const description = pkg.description ?? pkg.summary;
  const licenses = licensesOf(pkg.licenseConcluded);
  return {
    ref: pkg.SPDXID,
    type: PURPOSE[pkg.primaryPackagePurpose ?? ''] ?? 'library',
    name: pkg.name,
    ...(pkg.versionInfo ? { version: pkg.versionInfo } : {}),
    ...(purl ? { purl } : {}),
    ...(cpe ? { cpe } : {}),
    hashes: hashesOf(pkg.checksums),
    licenses: licenses.length > 0 ? licenses : licensesOf(pkg.licenseDeclared),
    ...(supplier && supplier !== 'NOASSERTION' ? { supplier } : {}),
    ...(description ? { description } : {}),
  };
}

function hashesOf(checksums: readonly Spdx2Checksum[] | undefined): ComponentHash[] {
  return (checksums ?? []).map((c) => componentHash(c.algorithm, c.checksumValue)).filter((h): h is ComponentHash => h !== undefined);
}

function licensesOf(expression: string | undefined): ComponentLicense[] {
  const license = expression === undefined ? undefined : licenseFromText(expression);
  return license ? [license] : [];
}
