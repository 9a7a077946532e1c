import { CYCLONEDX_HASH_ALGORITHMS } from '../inventory/hashes';
import { isSpdxExpression } from '../inventory/licenses';
import type { Inventory, InventoryComponent } from '../inventory/types';
import type { CdxBom, CdxComponent, CdxLicenseChoice } from './types';

const BOM_SCHEMA = 'http://cyclonedx.org/schema/bom-1.6.schema.json';

/** A BOM as AISC writes it: the read model plus the schema it claims. */
export type WrittenCdxBom = CdxBom & { readonly $schema: string };

/**
 * Writes an inventory as a CycloneDX 1.6 JSON BOM: components nested under their parent,
 * the dependency graph, and the subject as `metadata.component`. What CycloneDX cannot carry
 * (SPDX-only hash algorithms) is left out. Output is deterministic for a given inventory.
 */
export function inventoryToCycloneDx(inventory: Inventory): WrittenCdxBom {
  const known = new Set(inventory.components.map((c) => c.ref));
  const subject = inventory.components.find((c) => c.ref === inventory.subjects[0]);
  // A component is nested under its parent when the parent is a component too (and not the
  // subject, whose parts are top-level components); otherwise it is top-level.
  const parentOf = (c: InventoryComponent): string | undefined =>
    c.parent !== undefined && known.has(c.parent) && c.parent !== subject?.ref && c !== subject ? c.parent : undefined;
  const children = new Map<string | undefined, InventoryComponent[]>();
  for (const component of inventory.components) {
    const parent = parentOf(component);
    children.set(parent, [...(children.get(parent) ?? []), component]);
  }
  const placed = new Set<string>();
  const build = (component: InventoryComponent): CdxComponent => {
    placed.add(component.ref);
    const nested = (children.get(component.ref) ?? []).filter((c) => !placed.has(c.ref)).map(build);
    return componentJson(component, nested);
  };
  const topLevel = (children.get(undefined) ?? []).filter((c) => c !== subject).map(build);
  // Containment cycles leave components unplaced: they become top-level rather than vanish.
  const unplaced = inventory.components.filter((c) => c !== subject && !placed.has(c.ref)).map(build);
  const refs = new Set(inventory.components.map((c) => c.ref));
  const dependencies = inventory.dependencies
    .filter((d) => refs.has(d.ref))
    .map((d) => ({ ref: d.ref, dependsOn: [...new Set(d.dependsOn)].filter((r) => refs.has(r)) }));
  return {
    $schema: BOM_SCHEMA,
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    ...(inventory.source.documentId?.startsWith('urn:uuid:') ? { serialNumber: inventory.source.documentId } : {}),
    version: 1,
    ...(subject ? { metadata: { component: componentJson(subject, []) } } : {}),
    components: [...topLevel, ...unplaced],
    dependencies,
  };
}

// CycloneDX 1.6 knows every inventory component type. Keys are written in the order of the
// CycloneDX component schema, so the output is deterministic.
function componentJson(component: InventoryComponent, nested: CdxComponent[]): CdxComponent {
  const hashes = component.hashes.filter((h) => CYCLONEDX_HASH_ALGORITHMS.has(h.algorithm)).map((h) => ({ alg: h.algorithm, content: h.value }));
  const licenses = component.licenses.map(
    (license): CdxLicenseChoice =>
      'name' in license
        ? { license: { name: license.name } }
        : /\s/.test(license.expression) || !isSpdxExpression(license.expression) || license.expression.startsWith('LicenseRef-')
          ? { expression: license.expression }
          : { license: { id: license.expression } },
  );
  return {
    type: component.type,
    'bom-ref': component.ref,
    ...(component.supplier ? { supplier: { name: component.supplier } } : {}),
    ...(component.group ? { group: component.group } : {}),
    name: component.name,
    ...(component.version ? { version: component.version } : {}),
    ...(component.description ? { description: component.description } : {}),
    ...(hashes.length ? { hashes } : {}),
    ...(licenses.length ? { licenses: oneExpressionRule(licenses) } : {}),
    ...(component.cpe ? { cpe: component.cpe } : {}),
    ...(component.purl ? { purl: component.purl } : {}),
    ...(nested.length ? { components: nested } : {}),
  };
}

// CycloneDX 1.5+ licenseChoice: either licenses, or exactly one expression — never a mix.
function oneExpressionRule(licenses: CdxLicenseChoice[]): CdxLicenseChoice[] {
  const expressions = licenses.filter((l) => 'expression' in l);
  if (expressions.length === 0) return licenses;
  const parts = licenses.map((l) => ('expression' in l ? `(${l.expression})` : (l.license.id ?? '')));
  if (licenses.length === 1) return licenses;
  if (parts.some((p) => p === '')) return licenses.filter((l) => !('expression' in l));
  return [{ expression: parts.join(' AND ') }];
}
