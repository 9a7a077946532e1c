import { jsonFormatAdapter } from '../formats/json-adapter';
import { openVexReader } from './parse';
import { serializeOpenVex } from './serialize';

/** OpenVEX 0.2.0 in the format registry. */
export const openVexFormat = jsonFormatAdapter({
  id: 'openvex',
  name: 'OpenVEX 0.2.0',
  mediaTypes: ['application/openvex+json', 'application/json'],
  fileNamePatterns: [/\.openvex\.json$/i, /\.vex\.json$/i],
  reader: openVexReader,
  serialize: serializeOpenVex,
  looksLike: (v) => typeof v['@context'] === 'string' && v['@context'].startsWith('https://openvex.dev/ns'),
});
