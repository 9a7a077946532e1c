import { pointer, type Problem } from '../problem';

// SPDX 3.0.1 JSON-LD serialization: a `@context` naming the 3.0 context and a `@graph` of
// elements, each with a `type`; elements other than blank nodes carry an `spdxId` (IRI).
const CONTEXT = /^https:\/\/spdx\.org\/rdf\/3\.0\.\d+\/spdx-context\.jsonld$/;
const RELATIONSHIP_TYPES = new Set(['Relationship', 'LifecycleScopedRelationship']);

/** Every structural problem of an SPDX 3.0 JSON-LD document (empty when it reads). */
export function spdx3Problems(value: object): Problem[] {
  const document = value as Record<string, unknown>;
  const problems: Problem[] = [];
  const context = document['@context'];
  const contexts = Array.isArray(context) ? context : [context];
  if (!contexts.some((c) => typeof c === 'string' && CONTEXT.test(c))) {
    problems.push({ path: '/@context', message: 'must name the SPDX 3.0 context (https://spdx.org/rdf/3.0.x/spdx-context.jsonld)' });
  }
  const graph = document['@graph'];
  if (!Array.isArray(graph)) return [...problems, { path: '/@graph', message: 'must be an array of elements' }];
  graph.forEach((element: unknown, index) => {
    const at = pointer('/@graph', index);
    if (element === null || typeof element !== 'object' || Array.isArray(element)) {
      problems.push({ path: at, message: 'must be an object' });
      return;
    }
    const e = element as Record<string, unknown>;
    if (typeof e.type !== 'string') problems.push({ path: pointer(at, 'type'), message: 'is required and must be a string' });
    // A repeated spdxId is legal JSON-LD (node objects with one @id merge), so it is not refused.
    if (e.spdxId !== undefined && typeof e.spdxId !== 'string') problems.push({ path: pointer(at, 'spdxId'), message: 'must be a string' });
    if (typeof e.type === 'string' && RELATIONSHIP_TYPES.has(e.type)) {
      if (typeof e.from !== 'string') problems.push({ path: pointer(at, 'from'), message: 'is required and must be a string' });
      if (!Array.isArray(e.to) || !e.to.every((t) => typeof t === 'string'))
        problems.push({ path: pointer(at, 'to'), message: 'is required and must be an array of strings' });
      if (typeof e.relationshipType !== 'string') problems.push({ path: pointer(at, 'relationshipType'), message: 'is required and must be a string' });
    }
    for (const key of ['name', 'software_packageVersion', 'software_packageUrl'] as const) {
      if (e[key] !== undefined && typeof e[key] !== 'string') problems.push({ path: pointer(at, key), message: 'must be a string' });
    }
  });
  return problems;
}
