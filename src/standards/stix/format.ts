import { jsonFormatAdapter } from '../formats/json-adapter';
import { stixReader } from './parse';
import { serializeStixBundle } from './serialize';

/** STIX 2.1 bundles in the format registry. */
export const stixFormat = jsonFormatAdapter({
  id: 'stix',
  name: 'STIX 2.1 bundle',
  // STIX 2.1 §1.6 / TAXII 2.1 §1.6.8: the STIX media type.
  mediaTypes: ['application/stix+json;version=2.1', 'application/stix+json'],
  fileNamePatterns: [/\.stix\.json$/i, /^bundle--.*\.json$/i],
  reader: stixReader,
  serialize: serializeStixBundle,
  looksLike: (v) => v.type === 'bundle' && Array.isArray(v.objects),
});
