import type { InventoryDependency } from '../inventory/types';

/** One relationship, in SPDX 2 spelling (`DEPENDS_ON`) or SPDX 3 spelling (`dependsOn`). */
export interface SpdxRelationship {
  readonly from: string;
  readonly type: string;
  readonly to: string;
}

/** What an inventory needs from relationships: dependencies, containment and the subjects. */
export interface SpdxGraph {
  readonly dependencies: InventoryDependency[];
  /** Element → the element that contains it. */
  readonly parents: Map<string, string>;
  readonly subjects: string[];
}

// SPDX 2.3 §11.1: A DEPENDS_ON B, and B *_DEPENDENCY_OF A, both say A depends on B; so do
// A DYNAMIC_LINK / STATIC_LINK B (A links B in). SPDX 3.0 RelationshipType: dependsOn,
// hasDynamicLink, hasStaticLink.
const DEPENDS_ON = new Set(['DEPENDS_ON', 'dependsOn', 'DYNAMIC_LINK', 'STATIC_LINK', 'hasDynamicLink', 'hasStaticLink']);
const DEPENDENCY_OF = /^([A-Z]+_)?DEPENDENCY_OF$/;
const CONTAINS = new Set(['CONTAINS', 'contains']);
const CONTAINED_BY = 'CONTAINED_BY';
const DESCRIBES = new Set(['DESCRIBES', 'describes']);

/** Reads dependencies, containment and subjects from SPDX 2 or SPDX 3 relationships. */
export function graphFromRelationships(relationships: readonly SpdxRelationship[], documentId: string): SpdxGraph {
  const edges = new Map<string, Set<string>>();
  const parents = new Map<string, string>();
  const subjects: string[] = [];
  const depends = (from: string, to: string): void => {
    const set = edges.get(from) ?? new Set<string>();
    set.add(to);
    edges.set(from, set);
  };
  const isElement = (id: string): boolean => id !== 'NONE' && id !== 'NOASSERTION';
  for (const { from, type, to } of relationships) {
    if (!isElement(from) || !isElement(to)) continue;
    if (DEPENDS_ON.has(type)) depends(from, to);
    else if (DEPENDENCY_OF.test(type)) depends(to, from);
    else if (CONTAINS.has(type) && !parents.has(to)) parents.set(to, from);
    else if (type === CONTAINED_BY && !parents.has(from)) parents.set(from, to);
    else if (DESCRIBES.has(type) && from === documentId) subjects.push(to);
    else if (type === 'DESCRIBED_BY' && to === documentId) subjects.push(from);
  }
  const dependencies = [...edges].map(([ref, set]) => ({ ref, dependsOn: [...set] }));
  return { dependencies, parents, subjects };
}
