import { problemsOf } from '../formats/json-adapter';
import type { FormatAdapter } from '../formats/types';
import { parseCycloneDx } from './parse';
import type { CycloneDxDocument } from './types';

/** CycloneDX 1.4–1.7, JSON and XML, in the format registry. Serializes the JSON model. */
export const cycloneDxFormat: FormatAdapter<CycloneDxDocument> = {
  id: 'cyclonedx',
  name: 'CycloneDX 1.4–1.7 (JSON, XML)',
  mediaTypes: ['application/vnd.cyclonedx+json', 'application/vnd.cyclonedx+xml', 'application/json', 'application/xml'],
  fileNamePatterns: [/\.cdx\.(json|xml)$/i, /^bom\.(json|xml)$/i, /cyclonedx.*\.(json|xml)$/i],
  parse: (text) => parseCycloneDx(text),
  validate: (text) => problemsOf(() => parseCycloneDx(text)),
  serialize: (document) => `${JSON.stringify(document.bom, null, 2)}\n`,
  detect: (text) =>
    /"bomFormat"\s*:\s*"CycloneDX"/.test(text.slice(0, 4096)) || /<bom[^>]+xmlns="http:\/\/cyclonedx\.org\/schema\/bom\//.test(text.slice(0, 4096)),
};
