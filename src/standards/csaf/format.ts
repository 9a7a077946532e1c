import { jsonFormatAdapter } from '../formats/json-adapter';
import { csafReader } from './parse';
import { serializeCsaf } from './serialize';

/** CSAF 2.0 (every profile, including VEX) in the format registry. */
export const csafFormat = jsonFormatAdapter({
  id: 'csaf',
  name: 'CSAF 2.0',
  // CSAF 2.0 §7.1.x: documents are served as application/json; the csaf+json type is registered use.
  mediaTypes: ['application/csaf+json', 'application/json'],
  // CSAF 2.0 §5.1: file names are the lower-cased tracking id with a .json extension.
  fileNamePatterns: [/^[a-z0-9+\-_]+\.json$/],
  reader: csafReader,
  serialize: serializeCsaf,
  looksLike: (v) => {
    const doc = v.document as Record<string, unknown> | undefined;
    return typeof doc === 'object' && doc !== null && 'csaf_version' in doc;
  },
});
