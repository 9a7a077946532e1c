import { stringifyOrdered, type KeyOrder } from '../json-schema';
import type { OpenVexDocument } from './types';

const COMPONENT: KeyOrder = { keys: ['@id', 'identifiers', 'hashes', 'subcomponents'] };

/** Key order of the OpenVEX specification's document and statement field tables. */
export const OPENVEX_KEY_ORDER: KeyOrder = {
  keys: ['@context', '@id', 'author', 'role', 'timestamp', 'last_updated', 'version', 'tooling', 'statements'],
  fields: {
    statements: {
      keys: [
        '@id',
        'version',
        'vulnerability',
        'timestamp',
        'last_updated',
        'products',
        'status',
        'supplier',
        'status_notes',
        'justification',
        'impact_statement',
        'action_statement',
        'action_statement_timestamp',
      ],
      fields: { vulnerability: { keys: ['@id', 'name', 'description', 'aliases'] }, products: { ...COMPONENT, fields: { subcomponents: COMPONENT } } },
    },
  },
};

/** Serializes an OpenVEX document as JSON with a stable key order. */
export function serializeOpenVex(document: OpenVexDocument): string {
  return stringifyOrdered(document, OPENVEX_KEY_ORDER);
}
