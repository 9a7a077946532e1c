import { CYCLONEDX_HASH_ALGORITHMS } from '../inventory/hashes';
import { isSpdxExpression } from '../inventory/licenses';
import type { Inventory, InventoryComponent } from '../inventory/types';

const BOM_SCHEMA = 'http://cyclonedx.org/schema/bom-1.6.schema.json';
// CycloneDX 1.6 knows every inventory component type.
const COMPONENT_KEY_ORDER = ['type', 'bom-ref', 'supplier', 'group', 'name', 'version', 'description', 'hashes', 'licenses', 'cpe', 'purl', 'components'];

/**
 * Writes an inventory as a CycloneDX 1.6 JSON BOM: components nested under their parent,
 * the dependency graph, and the subject as `metadata.component`. What CycloneDX cannot carry
 * (SPDX-only hash algorithms) is left out. Output is deterministic for a given inventory.
 */
export function inventoryToCycloneDx(inventory: Inventory): Record<string, unknown> {
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
  const build = (component: InventoryComponent): Record<string, unknown> => {
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

function componentJson(component: InventoryComponent, nested: Record<string, unknown>[]): Record<string, unknown> {
  const hashes = component.hashes.filter((h) => CYCLONEDX_HASH_ALGORITHMS.has(h.algorithm)).map((h) => ({ alg: h.algorithm, content: h.value }));
  const licenses = component.licenses.map((license) =>
    'name' in license
      ? { license: { name: license.name } }
      : /\s/.test(license.expression) || !isSpdxExpression(license.expression) || license.expression.startsWith('LicenseRef-')
        ? { expression: license.expression }
        : { license: { id: license.expression } },
  );
  const json: Record<string, unknown> = {
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
  return Object.fromEntries(COMPONENT_KEY_ORDER.filter((k) => k in json).map((k) => [k, json[k]]));
}

// CycloneDX 1.5+ licenseChoice: either licenses, or exactly one expression — never a mix.
function oneExpressionRule(licenses: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const expressions = licenses.filter((l) => 'expression' in l);
  if (expressions.length === 0) return licenses;
  const parts = licenses.map((l) => ('expression' in l ? `(${String(l.expression)})` : ((l.license as { id?: string }).id ?? '')));
  if (licenses.length === 1) return licenses;
  if (parts.some((p) => p === '')) return licenses.filter((l) => !('expression' in l));
  return [{ expression: parts.join(' AND ') }];
}
