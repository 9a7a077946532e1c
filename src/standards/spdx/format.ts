import { problemsOf } from '../formats/json-adapter';
import type { FormatAdapter } from '../formats/types';
import { parseSpdx, type SpdxDocument } from './parse';

/** SPDX 2.2/2.3 (JSON, tag-value) and 3.0 (JSON-LD) in the format registry. Serializes the JSON model. */
export const spdxFormat: FormatAdapter<SpdxDocument> = {
  id: 'spdx',
  name: 'SPDX 2.3 (JSON, tag-value) and 3.0 (JSON-LD)',
  mediaTypes: ['application/spdx+json', 'text/spdx', 'application/ld+json', 'application/json'],
  fileNamePatterns: [/\.spdx(\.json)?$/i, /\.spdx3\.json$/i],
  parse: (text) => parseSpdx(text),
  validate: (text) => problemsOf(() => parseSpdx(text)),
  serialize: (document) => `${JSON.stringify(document.document, null, 2)}\n`,
  detect: (text) => {
    const head = text.slice(0, 4096);
    return /"spdxVersion"\s*:\s*"SPDX-2/.test(head) || /^\s*SPDXVersion:\s*SPDX-2/m.test(head) || /spdx\.org\/rdf\/3\.0/.test(head);
  },
};
