import { jsonFormatAdapter } from '../formats/json-adapter';
import { osvReader } from './parse';
import { serializeOsv } from './serialize';

/** OSV 1.7 in the format registry. */
export const osvFormat = jsonFormatAdapter({
  id: 'osv',
  name: 'OSV 1.7',
  mediaTypes: ['application/vnd.osv+json', 'application/json'],
  fileNamePatterns: [/\.osv\.json$/i, /^(GHSA|GO|PYSEC|RUSTSEC|OSV|CVE)-.*\.json$/i],
  reader: osvReader,
  serialize: serializeOsv,
  // OSV §id and §modified are the only required fields; `affected` or `schema_version` marks OSV.
  looksLike: (v) => typeof v.id === 'string' && typeof v.modified === 'string' && ('affected' in v || 'schema_version' in v || 'aliases' in v),
});
