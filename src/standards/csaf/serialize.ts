import { stringifyOrdered, type KeyOrder } from '../json-schema';
import type { CsafDocument } from './types';

const NOTE: KeyOrder = { keys: ['category', 'title', 'audience', 'text'] };
const REFERENCE: KeyOrder = { keys: ['category', 'summary', 'url'] };
const PRODUCT: KeyOrder = { keys: ['name', 'product_id', 'product_identification_helper'] };
const BRANCH: KeyOrder = {
  keys: ['category', 'name', 'product', 'branches'],
  fields: { product: PRODUCT },
};
// Branches nest to any depth; give each level the same order.
(BRANCH.fields as Record<string, KeyOrder>).branches = BRANCH;

/** Key order for CSAF 2.0 documents, following the specification's section order (§3.2). */
export const CSAF_KEY_ORDER: KeyOrder = {
  keys: ['document', 'product_tree', 'vulnerabilities'],
  fields: {
    document: {
      keys: [
        'category',
        'csaf_version',
        'lang',
        'title',
        'publisher',
        'tracking',
        'distribution',
        'aggregate_severity',
        'notes',
        'references',
        'acknowledgments',
      ],
      fields: {
        publisher: { keys: ['category', 'name', 'namespace', 'contact_details', 'issuing_authority'] },
        tracking: {
          keys: ['id', 'status', 'version', 'initial_release_date', 'current_release_date', 'aliases', 'generator', 'revision_history'],
          fields: { revision_history: { keys: ['number', 'date', 'summary', 'legacy_version'] } },
        },
        notes: NOTE,
        references: REFERENCE,
      },
    },
    product_tree: { keys: ['branches', 'full_product_names', 'relationships', 'product_groups'], fields: { branches: BRANCH, full_product_names: PRODUCT } },
    vulnerabilities: {
      keys: [
        'cve',
        'ids',
        'title',
        'cwe',
        'discovery_date',
        'release_date',
        'notes',
        'references',
        'product_status',
        'flags',
        'threats',
        'scores',
        'remediations',
        'acknowledgments',
      ],
      fields: {
        notes: NOTE,
        references: REFERENCE,
        ids: { keys: ['system_name', 'text'] },
        remediations: { keys: ['category', 'details', 'date', 'url', 'product_ids', 'group_ids'] },
        scores: { keys: ['products', 'cvss_v3', 'cvss_v2'], fields: { cvss_v3: { keys: ['version', 'vectorString', 'baseScore', 'baseSeverity'] } } },
      },
    },
  },
};

/** Serializes a CSAF 2.0 document as JSON with a stable key order. */
export function serializeCsaf(document: CsafDocument): string {
  return stringifyOrdered(document, CSAF_KEY_ORDER);
}
