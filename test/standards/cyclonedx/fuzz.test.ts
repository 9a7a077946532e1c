import { describe, it } from 'vitest';
import { cycloneDxInventory, cycloneDxVexStatements, parseCycloneDx } from '../../../src/standards/cyclonedx';
import { assertOnlyFormatErrors, fuzzInputs, jsonTexts } from '../fuzz';
import fc from 'fast-check';

const readAll = (text: string): void => {
  const { bom } = parseCycloneDx(text);
  cycloneDxInventory(bom);
  cycloneDxVexStatements(bom);
};

const jsonSeed = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [
    {
      type: 'library',
      'bom-ref': 'a',
      name: 'a',
      version: '1',
      purl: 'pkg:npm/a@1',
      hashes: [{ alg: 'SHA-256', content: 'a'.repeat(64) }],
      licenses: [{ license: { id: 'MIT' } }],
      components: [{ type: 'file', name: 'f' }],
    },
  ],
  dependencies: [{ ref: 'a', dependsOn: [] }],
  vulnerabilities: [{ id: 'CVE-1', analysis: { state: 'not_affected', justification: 'code_not_present' }, affects: [{ ref: 'a' }] }],
});

const xmlSeed = `<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
  <components>
    <component type="library" bom-ref="a"><name>a</name><version>1</version>
      <hashes><hash alg="SHA-256">${'a'.repeat(64)}</hash></hashes>
      <licenses><license><id>MIT</id></license></licenses>
      <purl>pkg:npm/a@1</purl>
      <components><component type="file"><name>f &amp; g</name></component></components>
    </component>
  </components>
  <dependencies><dependency ref="a"><dependency ref="a"/></dependency></dependencies>
</bom>`;

const xmlTexts = fc.oneof(
  fc.string(),
  fc
    .array(
      fc.constantFrom(
        '<bom>',
        '</bom>',
        '<components>',
        '<component type="library">',
        '</component>',
        '<name>',
        '</name>',
        'x',
        '&lt;',
        '<!DOCTYPE a>',
        '<![CDATA[',
        ']]>',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join('')),
);

describe('CycloneDX parsers under fuzzing', () => {
  it('JSON: only returns a BOM or throws FormatError', () => {
    console.info('CycloneDX JSON fuzz:', assertOnlyFormatErrors(readAll, fuzzInputs([jsonSeed], jsonTexts({ bomFormat: 'CycloneDX', specVersion: '1.5' }))));
  });

  it('XML: only returns a BOM or throws FormatError', () => {
    console.info('CycloneDX XML fuzz:', assertOnlyFormatErrors(readAll, fuzzInputs([xmlSeed], xmlTexts)));
  });
});
