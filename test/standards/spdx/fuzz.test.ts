import { describe, it } from 'vitest';
import fc from 'fast-check';
import { inventoryOf } from '../../../src/standards/inventory';
import { parseSpdx } from '../../../src/standards/spdx';
import { assertOnlyFormatErrors, fuzzInputs, jsonTexts } from '../fuzz';

const readAll = (text: string): void => void inventoryOf(parseSpdx(text));

const jsonSeed = JSON.stringify({
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'x',
  documentNamespace: 'https://example.com/x',
  creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: t'] },
  packages: [
    {
      SPDXID: 'SPDXRef-a',
      name: 'a',
      downloadLocation: 'NOASSERTION',
      versionInfo: '1',
      licenseConcluded: 'MIT',
      checksums: [{ algorithm: 'SHA256', checksumValue: 'a'.repeat(64) }],
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/a@1' }],
    },
  ],
  relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-a' }],
});
const spdx3Seed = JSON.stringify({
  '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
  '@graph': [
    {
      type: 'software_Package',
      spdxId: 'urn:a',
      name: 'a',
      software_packageVersion: '1',
      software_packageUrl: 'pkg:npm/a@1',
      verifiedUsing: [{ type: 'Hash', algorithm: 'sha256', hashValue: 'ab' }],
    },
    { type: 'Relationship', spdxId: 'urn:r', from: 'urn:a', to: ['urn:b'], relationshipType: 'dependsOn' },
  ],
});
const tagValueSeed = [
  'SPDXVersion: SPDX-2.3',
  'DataLicense: CC0-1.0',
  'SPDXID: SPDXRef-DOCUMENT',
  'DocumentName: x',
  'DocumentNamespace: https://example.com/x',
  'Creator: Tool: t',
  'Created: 2024-01-01T00:00:00Z',
  'PackageName: a',
  'SPDXID: SPDXRef-a',
  'PackageVersion: 1',
  'PackageDownloadLocation: NOASSERTION',
  'FilesAnalyzed: false',
  `PackageChecksum: SHA256: ${'a'.repeat(64)}`,
  'ExternalRef: PACKAGE-MANAGER purl pkg:npm/a@1',
  'PackageLicenseConcluded: MIT',
  'PackageComment: <text>multi',
  'line</text>',
  'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-a',
  '',
].join('\n');

const tagValueTexts = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'SPDXVersion',
        'PackageName',
        'SPDXID',
        'FileName',
        'Relationship',
        'ExternalRef',
        'PackageChecksum',
        'Annotator',
        'SPDXREF',
        'SnippetByteRange',
        'X',
      ),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.map(([tag, value]) => `${tag}: ${value}`).join('\n'));

describe('SPDX parsers under fuzzing', () => {
  it('JSON (2.3 and 3.0): only returns a document or throws FormatError', () => {
    console.info('SPDX JSON fuzz:', assertOnlyFormatErrors(readAll, fuzzInputs([jsonSeed, spdx3Seed], jsonTexts({ spdxVersion: 'SPDX-2.3' }))));
  });

  it('tag-value: only returns a document or throws FormatError', () => {
    console.info('SPDX tag-value fuzz:', assertOnlyFormatErrors(readAll, fuzzInputs([tagValueSeed], tagValueTexts)));
  });
});
