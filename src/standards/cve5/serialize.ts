import { stringifyOrdered, type KeyOrder } from '../json-schema';
import type { Cve5Record } from './types';

const DESCRIPTION: KeyOrder = { keys: ['lang', 'value', 'supportingMedia'] };

/** Key order following the CVE Record Format's own property order. */
export const CVE5_KEY_ORDER: KeyOrder = {
  keys: ['dataType', 'dataVersion', 'cveMetadata', 'containers'],
  fields: {
    cveMetadata: {
      keys: [
        'cveId',
        'assignerOrgId',
        'assignerShortName',
        'requesterUserId',
        'serial',
        'state',
        'dateReserved',
        'datePublished',
        'dateUpdated',
        'dateRejected',
      ],
    },
    containers: {
      keys: ['cna', 'adp'],
      fields: {
        cna: {
          keys: [
            'providerMetadata',
            'dateAssigned',
            'datePublic',
            'title',
            'descriptions',
            'affected',
            'problemTypes',
            'references',
            'metrics',
            'solutions',
            'workarounds',
            'credits',
            'source',
            'rejectedReasons',
            'replacedBy',
          ],
          fields: {
            providerMetadata: { keys: ['orgId', 'shortName', 'dateUpdated'] },
            descriptions: DESCRIPTION,
            affected: {
              keys: ['vendor', 'product', 'collectionURL', 'packageName', 'cpes', 'repo', 'defaultStatus', 'versions'],
              fields: { versions: { keys: ['version', 'status', 'versionType', 'lessThan', 'lessThanOrEqual', 'changes'] } },
            },
            references: { keys: ['url', 'name', 'tags'] },
          },
        },
      },
    },
  },
};

/** Serializes a CVE record as JSON with a stable key order. */
export function serializeCve5(record: Cve5Record): string {
  return stringifyOrdered(record, CVE5_KEY_ORDER);
}
