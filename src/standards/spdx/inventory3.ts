import { componentHash } from '../inventory/hashes';
import { licenseFromText } from '../inventory/licenses';
import type { ComponentHash, ComponentLicense, ComponentType, Inventory, InventoryComponent } from '../inventory/types';
import { graphFromRelationships, type SpdxRelationship } from './relationships';
import type { Spdx3Document, Spdx3Element } from './types';

type Element = Spdx3Element & Readonly<Record<string, unknown>>;

// SPDX 3.0.1 classes that are inventory components, and their default type.
const COMPONENT_CLASSES: Readonly<Record<string, ComponentType>> = {
  software_Package: 'library',
  software_File: 'file',
  ai_AIPackage: 'machine-learning-model',
  dataset_DatasetPackage: 'data',
};
// SPDX 3.0.1 software_SoftwarePurpose → CycloneDX component type.
const PURPOSE: Readonly<Record<string, ComponentType>> = {
  application: 'application',
  framework: 'framework',
  library: 'library',
  container: 'container',
  platform: 'platform',
  operatingSystem: 'operating-system',
  device: 'device',
  deviceDriver: 'device-driver',
  firmware: 'firmware',
  file: 'file',
  source: 'file',
  archive: 'file',
  model: 'machine-learning-model',
  data: 'data',
  executable: 'application',
};

/**
 * Reads the inventory of an SPDX 3.0 JSON-LD document: packages (purl from
 * `software_packageUrl` or `externalIdentifier`, CPE from `externalIdentifier`), files, AI and
 * dataset packages, `verifiedUsing` hashes, licences from `hasConcludedLicense` /
 * `hasDeclaredLicense` relationships, dependencies (`dependsOn`) and containment (`contains`).
 */
export function spdx3Inventory(document: Spdx3Document): Inventory {
  const graph = document['@graph'] as readonly Element[];
  const byId = new Map(graph.filter((e) => typeof e.spdxId === 'string').map((e) => [e.spdxId!, e]));
  const relationships: SpdxRelationship[] = graph
    .filter((e) => e.type === 'Relationship' || e.type === 'LifecycleScopedRelationship')
    .flatMap((e) => (e.to as string[]).map((to) => ({ from: e.from as string, type: e.relationshipType as string, to })));
  const licenseOf = (from: string, type: string): ComponentLicense[] =>
    relationships
      .filter((r) => r.from === from && r.type === type)
      .map((r) => licenseText(byId.get(r.to), r.to))
      .flatMap((text) => (text === undefined ? [] : [licenseFromText(text)]))
      .filter((l): l is ComponentLicense => l !== undefined);
  const spdxDocument = graph.find((e) => e.type === 'SpdxDocument');
  const documentId = spdxDocument?.spdxId ?? '';
  const structure = graphFromRelationships(relationships, documentId);
  const components: InventoryComponent[] = graph
    .filter((e) => e.type in COMPONENT_CLASSES && typeof e.spdxId === 'string')
    .map((e) => {
      const concluded = licenseOf(e.spdxId!, 'hasConcludedLicense');
      const parent = structure.parents.get(e.spdxId!);
      return { ...component(e, byId), licenses: concluded.length > 0 ? concluded : licenseOf(e.spdxId!, 'hasDeclaredLicense'), ...(parent ? { parent } : {}) };
    });
  return {
    source: {
      format: 'spdx',
      specVersion: '3.0',
      ...(documentId ? { documentId } : {}),
      ...(typeof spdxDocument?.name === 'string' ? { name: spdxDocument.name } : {}),
    },
    subjects: [...new Set([...structure.subjects, ...subjectsOf(spdxDocument, byId)])],
    components,
    dependencies: structure.dependencies,
  };
}

function component(e: Element, byId: ReadonlyMap<string, Element>): Omit<InventoryComponent, 'licenses'> {
  const identifiers = (e.externalIdentifier as Array<Record<string, unknown>> | undefined) ?? [];
  const identifier = (...types: string[]): string | undefined =>
    identifiers.find((i) => types.includes(String(i.externalIdentifierType)))?.identifier as string | undefined;
  const purl = (e.software_packageUrl as string | undefined) ?? identifier('purl', 'packageUrl');
  const cpe = identifier('cpe23', 'cpe22');
  const supplierId = e.suppliedBy as string | undefined;
  const supplier = supplierId ? (byId.get(supplierId)?.name as string | undefined) : undefined;
  const description = (e.description ?? e.summary) as string | undefined;
  const version = e.software_packageVersion as string | undefined;
  const hashes = ((e.verifiedUsing as Array<Record<string, unknown>> | undefined) ?? [])
    .filter((v) => v.type === 'Hash')
    .map((v) => componentHash(String(v.algorithm), String(v.hashValue)))
    .filter((h): h is ComponentHash => h !== undefined);
  return {
    ref: e.spdxId!,
    type: PURPOSE[String(e.software_primaryPurpose)] ?? COMPONENT_CLASSES[e.type]!,
    name: typeof e.name === 'string' ? e.name : e.spdxId!,
    ...(version ? { version } : {}),
    ...(purl ? { purl } : {}),
    ...(cpe ? { cpe } : {}),
    hashes,
    ...(supplier ? { supplier } : {}),
    ...(description ? { description } : {}),
  };
}

// A licence is a LicenseExpression element, or a listed licence named by its IRI
// (https://spdx.org/licenses/MIT), or the individuals NoneLicense / NoAssertionLicense.
function licenseText(element: Element | undefined, id: string): string | undefined {
  if (element && typeof element.simplelicensing_licenseExpression === 'string') return element.simplelicensing_licenseExpression;
  if (element && typeof element.name === 'string') return element.name;
  const listed = /^https:\/\/spdx\.org\/licenses\/([\w.+-]+)$/.exec(id);
  return listed ? listed[1] : undefined;
}

// SpdxDocument.rootElement, and through an Sbom, that Sbom's root elements.
function subjectsOf(spdxDocument: Element | undefined, byId: ReadonlyMap<string, Element>): string[] {
  const roots = (spdxDocument?.rootElement as string[] | undefined) ?? [];
  return roots.flatMap((id) => {
    const root = byId.get(id);
    return root?.type === 'software_Sbom' ? ((root.rootElement as string[] | undefined) ?? []) : [id];
  });
}
