import { stringifyOrdered, type KeyOrder } from '../json-schema';
import type { OsvRecord } from './types';

const RANGE: KeyOrder = { keys: ['type', 'repo', 'events', 'database_specific'] };
const SEVERITY: KeyOrder = { keys: ['type', 'score'] };

/** Key order of the OSV specification's field list (OSV schema 1.7 §"Field details"). */
export const OSV_KEY_ORDER: KeyOrder = {
  keys: [
    'schema_version',
    'id',
    'modified',
    'published',
    'withdrawn',
    'aliases',
    'related',
    'upstream',
    'summary',
    'details',
    'severity',
    'affected',
    'references',
    'credits',
    'database_specific',
  ],
  fields: {
    severity: SEVERITY,
    affected: {
      keys: ['package', 'severity', 'ranges', 'versions', 'ecosystem_specific', 'database_specific'],
      fields: { package: { keys: ['ecosystem', 'name', 'purl'] }, severity: SEVERITY, ranges: RANGE },
    },
    references: { keys: ['type', 'url'] },
    credits: { keys: ['name', 'contact', 'type'] },
  },
};

/** Serializes an OSV record as JSON with the specification's key order (stable output). */
export function serializeOsv(record: OsvRecord): string {
  return stringifyOrdered(record, OSV_KEY_ORDER);
}
