import { jsonFormatAdapter } from '../formats/json-adapter';
import { cve5Reader } from './parse';
import { serializeCve5 } from './serialize';

/** CVE JSON 5.x records in the format registry. */
export const cve5Format = jsonFormatAdapter({
  id: 'cve5',
  name: 'CVE JSON 5.x',
  mediaTypes: ['application/vnd.cve+json', 'application/json'],
  fileNamePatterns: [/^CVE-\d{4}-\d{4,}\.json$/i],
  reader: cve5Reader,
  serialize: serializeCve5,
  looksLike: (v) => v.dataType === 'CVE_RECORD' || (typeof v.cveMetadata === 'object' && typeof v.containers === 'object'),
});
