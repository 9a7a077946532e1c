import { describe, expect, it } from 'vitest';
import { cycloneDxInventory, parseCycloneDx } from '../../../src/standards/cyclonedx';
import { cycloneDxToSpdx, inventoryOf, licenseFromText, spdxToCycloneDx, hashAlgorithmFrom } from '../../../src/standards/inventory';
import { parseSpdx, spdx23SchemaProblems } from '../../../src/standards/spdx';
import { dataFiles, readText } from '../data';

const creation = { documentNamespace: 'https://example.com/spdx/test', created: '2026-01-01T00:00:00Z', creators: ['Tool: aisc-test'] };
const bom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
  version: 1,
  metadata: { component: { type: 'application', 'bom-ref': 'app', name: 'app', version: '2.0' } },
  components: [
    {
      type: 'library',
      'bom-ref': 'lodash',
      group: '',
      name: 'lodash',
      version: '4.17.21',
      purl: 'pkg:npm/lodash@4.17.21',
      cpe: 'cpe:2.3:a:lodash:lodash:4.17.21:*:*:*:*:*:*:*',
      hashes: [{ alg: 'SHA-256', content: 'A'.repeat(64) }],
      licenses: [{ license: { id: 'MIT' } }],
      components: [{ type: 'file', 'bom-ref': 'lodash-main', name: 'lodash.js', hashes: [{ alg: 'SHA-1', content: 'b'.repeat(40) }] }],
    },
    {
      type: 'library',
      'bom-ref': 'left-pad',
      name: 'left-pad',
      version: '1.3.0',
      purl: 'pkg:npm/left-pad@1.3.0',
      licenses: [{ expression: 'MIT OR Apache-2.0' }],
    },
  ],
  dependencies: [
    { ref: 'app', dependsOn: ['lodash', 'left-pad'] },
    { ref: 'lodash', dependsOn: [] },
  ],
};

const identity = (inventory: ReturnType<typeof inventoryOf>) =>
  inventory.components
    .map((c) => ({ name: c.name, version: c.version, purl: c.purl, cpe: c.cpe, hashes: c.hashes, licenses: c.licenses, type: c.type }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe('CycloneDX ⇄ SPDX component conversion', () => {
  it('writes SPDX 2.3 that passes the official schema and reads back the same components', () => {
    const spdx = cycloneDxToSpdx(JSON.stringify(bom), creation);
    expect(spdx23SchemaProblems(spdx)).toEqual([]);
    const back = inventoryOf(parseSpdx(JSON.stringify(spdx)));
    const original = cycloneDxInventory(parseCycloneDx(JSON.stringify(bom)).bom);
    expect(identity(back)).toEqual(identity(original));
    expect(back.subjects).toEqual(['SPDXRef-app']);
    const deps = Object.fromEntries(back.dependencies.map((d) => [d.ref, [...d.dependsOn].sort()]));
    expect(deps['SPDXRef-app']).toEqual(['SPDXRef-left-pad', 'SPDXRef-lodash']);
    expect(back.components.find((c) => c.name === 'lodash.js')!.parent).toBe('SPDXRef-lodash');
  });

  it('goes CycloneDX → SPDX → CycloneDX keeping identity, hashes, licences and the graph', () => {
    const spdx = cycloneDxToSpdx(JSON.stringify(bom), creation);
    const cdx = spdxToCycloneDx(JSON.stringify(spdx));
    const reparsed = cycloneDxInventory(parseCycloneDx(JSON.stringify(cdx)).bom);
    expect(identity(reparsed)).toEqual(identity(cycloneDxInventory(parseCycloneDx(JSON.stringify(bom)).bom)));
    expect(reparsed.dependencies.find((d) => d.ref === 'SPDXRef-app')!.dependsOn).toHaveLength(2);
  });

  it('converts every SPDX example into a CycloneDX 1.6 BOM that passes the schema', () => {
    const paths = dataFiles('spdx', /\.(json|spdx)$/).filter((p) => !/spdx-schema\.json$|context\.jsonld$/.test(p));
    for (const path of paths) {
      const cdx = spdxToCycloneDx(readText(path));
      const inventory = cycloneDxInventory(parseCycloneDx(JSON.stringify(cdx)).bom);
      expect(inventory.components.length).toBe(inventoryOf(parseSpdx(readText(path))).components.length);
    }
    console.info(`SPDX → CycloneDX: ${paths.length} examples converted and re-validated`);
  });

  it('converts every valid CycloneDX JSON resource into SPDX 2.3 that passes the schema', () => {
    const paths = dataFiles('cyclonedx/tools/src/test/resources', /^valid-.*\.json$/);
    for (const path of paths) {
      const spdx = cycloneDxToSpdx(readText(path), creation);
      expect({ path, problems: spdx23SchemaProblems(spdx) }).toEqual({ path, problems: [] });
    }
    console.info(`CycloneDX → SPDX: ${paths.length} resources converted, all pass the SPDX 2.3 schema`);
  });
});

describe('inventory vocabulary', () => {
  it.each([
    ['SHA-256', 'SHA-256'],
    ['SHA256', 'SHA-256'],
    ['sha256', 'SHA-256'],
    ['sha3_256', 'SHA3-256'],
    ['blake2b256', 'BLAKE2b-256'],
    ['SHA1', 'SHA-1'],
    ['nope', undefined],
  ])('reads hash algorithm %s as %s', (name, algorithm) => expect(hashAlgorithmFrom(name)).toBe(algorithm));

  it('reads licence statements', () => {
    expect(licenseFromText('MIT OR Apache-2.0')).toEqual({ expression: 'MIT OR Apache-2.0' });
    expect(licenseFromText('NOASSERTION')).toBeUndefined();
    expect(licenseFromText('My Own Licence')).toEqual({ name: 'My Own Licence' });
  });
});
