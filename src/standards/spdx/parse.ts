import { parseJsonText, type JsonLimits } from '../json-schema';
import { FormatError, type Problem } from '../problem';
import { spdx23SchemaProblems } from './schema';
import { spdx3Problems } from './spdx3';
import { tagValueToJsonModel } from './tag-value';
import type { Spdx2Document, Spdx3Document } from './types';

const FORMAT = 'spdx';
// SPDX 2.2 documents are read with the 2.3 schema: 2.3 only added optional fields (SPDX 2.3 §F).
const SPDX2_VERSIONS = new Set(['SPDX-2.2', 'SPDX-2.3']);

/** A parsed SPDX document: 2.x (JSON or tag-value, in the 2.3 JSON model) or 3.0 JSON-LD. */
export type SpdxDocument =
  | { readonly specVersion: '2'; readonly serialization: 'json' | 'tag-value'; readonly document: Spdx2Document }
  | { readonly specVersion: '3'; readonly serialization: 'json-ld'; readonly document: Spdx3Document };

/**
 * Parses an SPDX document: SPDX 2.2/2.3 JSON or tag-value (checked against the official
 * SPDX 2.3 JSON Schema), or SPDX 3.0 JSON-LD (checked structurally: the 3.0 context, typed
 * elements with ids, well-formed relationships).
 *
 * @throws FormatError listing every problem with its JSON Pointer (tag-value: line numbers)
 */
export function parseSpdx(text: string, limits?: JsonLimits): SpdxDocument {
  if (!text.trimStart().startsWith('{')) {
    return { specVersion: '2', serialization: 'tag-value', document: checkSpdx2(tagValueToJsonModel(text)) };
  }
  const value = parseJsonText(text, limits, FORMAT);
  if (value !== null && typeof value === 'object' && ('@context' in value || '@graph' in value)) {
    const problems = spdx3Problems(value);
    if (problems.length > 0) throw new FormatError(FORMAT, problems);
    return { specVersion: '3', serialization: 'json-ld', document: value as Spdx3Document };
  }
  return { specVersion: '2', serialization: 'json', document: checkSpdx2(value) };
}

function checkSpdx2(value: unknown): Spdx2Document {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FormatError(FORMAT, [{ path: '', message: 'an SPDX document must be an object' }]);
  }
  const version = (value as Record<string, unknown>).spdxVersion;
  if (typeof version !== 'string' || !SPDX2_VERSIONS.has(version)) {
    throw new FormatError(FORMAT, [
      { path: '/spdxVersion', message: `unsupported spdxVersion ${JSON.stringify(version)}: AISC reads SPDX-2.2, SPDX-2.3 and 3.0` },
    ]);
  }
  // Relationships are checked against the elements once the shape is known to be right.
  const schemaProblems = spdx23SchemaProblems(value);
  const problems: Problem[] = schemaProblems.length > 0 ? schemaProblems : referenceProblems(value as Spdx2Document);
  if (problems.length > 0) throw new FormatError(FORMAT, problems);
  return value as Spdx2Document;
}

// SPDX 2.3 §11: relationships name elements of this document, or of an external document
// (`DocumentRef-…:SPDXRef-…`), or NONE / NOASSERTION.
function referenceProblems(document: Spdx2Document): Problem[] {
  const ids = new Set<string>([document.SPDXID]);
  for (const element of [...(document.packages ?? []), ...(document.files ?? [])]) ids.add(element.SPDXID);
  for (const snippet of (document as unknown as { snippets?: Array<{ SPDXID: string }> }).snippets ?? []) ids.add(snippet.SPDXID);
  const known = (id: string): boolean => ids.has(id) || id.startsWith('DocumentRef-') || id === 'NONE' || id === 'NOASSERTION';
  const problems: Problem[] = [];
  (document.relationships ?? []).forEach((relationship, index) => {
    for (const key of ['spdxElementId', 'relatedSpdxElement'] as const) {
      if (!known(relationship[key]))
        problems.push({ path: `/relationships/${index}/${key}`, message: `refers to ${relationship[key]}, which is not an element of this document` });
    }
  });
  return problems;
}
