import { stringifyOrdered, type KeyOrder } from '../json-schema';
import type { StixBundle } from './types';

/** Key order: STIX 2.1 §3.2 common properties first, then the type's own (others sorted). */
export const STIX_KEY_ORDER: KeyOrder = {
  keys: ['type', 'id', 'objects'],
  fields: {
    objects: {
      keys: [
        'type',
        'spec_version',
        'id',
        'created_by_ref',
        'created',
        'modified',
        'name',
        'description',
        'identity_class',
        'relationship_type',
        'source_ref',
        'target_ref',
        'indicator_types',
        'pattern',
        'pattern_type',
        'valid_from',
        'vendor',
        'version',
        'external_references',
        'object_marking_refs',
        'extensions',
      ],
      fields: { external_references: { keys: ['source_name', 'external_id', 'url', 'description'] } },
    },
  },
};

/** Serializes a STIX bundle as JSON with a stable key order. */
export function serializeStixBundle(bundle: StixBundle): string {
  return stringifyOrdered(bundle, STIX_KEY_ORDER);
}
