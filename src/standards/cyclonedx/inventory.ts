import { componentHash } from '../inventory/hashes';
import { licenseFromText } from '../inventory/licenses';
import type { ComponentHash, ComponentLicense, ComponentType, Inventory, InventoryComponent, InventoryDependency } from '../inventory/types';
import type { CdxBom, CdxComponent, CdxLicenseChoice } from './types';

/**
 * Reads the inventory of a parsed CycloneDX BOM: every component (nested ones too, with their
 * parent), the dependency graph, and the BOM's subject (`metadata.component`). Components
 * without a `bom-ref` get a positional ref (`#/components/0/components/1`), unique in the BOM.
 */
export function cycloneDxInventory(bom: CdxBom): Inventory {
  const components: InventoryComponent[] = [];
  const visit = (list: readonly CdxComponent[] | undefined, path: string, parent: string | undefined): void => {
    list?.forEach((component, index) => {
      const at = `${path}/${index}`;
      const ref = component['bom-ref'] ?? `#${at}`;
      components.push(inventoryComponent(component, ref, parent));
      visit(component.components, `${at}/components`, ref);
    });
  };
  const subject = bom.metadata?.component;
  const subjects: string[] = [];
  if (subject) {
    const ref = subject['bom-ref'] ?? '#/metadata/component';
    subjects.push(ref);
    components.push(inventoryComponent(subject, ref, undefined));
    visit(subject.components, '/metadata/component/components', ref);
  }
  visit(bom.components, '/components', undefined);
  const dependencies: InventoryDependency[] = (bom.dependencies ?? []).map((d) => ({ ref: d.ref, dependsOn: [...(d.dependsOn ?? [])] }));
  return {
    source: {
      format: 'cyclonedx',
      specVersion: bom.specVersion,
      ...(bom.serialNumber ? { documentId: bom.serialNumber } : {}),
      ...(subject?.name ? { name: subject.name } : {}),
    },
    subjects,
    components,
    dependencies,
  };
}

function inventoryComponent(component: CdxComponent, ref: string, parent: string | undefined): InventoryComponent {
  const supplier = component.supplier?.name ?? component.publisher;
  return {
    ref,
    type: component.type as ComponentType,
    name: component.name,
    ...(component.group ? { group: component.group } : {}),
    ...(component.version ? { version: component.version } : {}),
    ...(component.purl ? { purl: component.purl } : {}),
    ...(component.cpe ? { cpe: component.cpe } : {}),
    hashes: (component.hashes ?? []).map((h) => componentHash(h.alg, h.content)).filter((h): h is ComponentHash => h !== undefined),
    licenses: (component.licenses ?? []).map(licenseOf).filter((l): l is ComponentLicense => l !== undefined),
    ...(supplier ? { supplier } : {}),
    ...(component.description ? { description: component.description } : {}),
    ...(parent !== undefined ? { parent } : {}),
  };
}

// CycloneDX licenseChoice: an SPDX id, a free-text name, or an SPDX expression.
function licenseOf(choice: CdxLicenseChoice): ComponentLicense | undefined {
  if ('expression' in choice) return licenseFromText(choice.expression);
  if (choice.license.id) return { expression: choice.license.id };
  return choice.license.name ? { name: choice.license.name } : undefined;
}
