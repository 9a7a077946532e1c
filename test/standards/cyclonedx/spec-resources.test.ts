import { basename } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cycloneDxInventory, cycloneDxVexStatements, parseCycloneDx } from '../../../src/standards/cyclonedx';
import { FormatError } from '../../../src/standards/problem';
import { dataFiles, readText } from '../data';

const RESOURCES = 'cyclonedx/tools/src/test/resources';

// XML/JSON twins that carry different content, checked by hand against the files: the
// inventories must differ exactly here (a mapping fault elsewhere shows up as a new entry).
const DIFFERENT_CONTENT: Readonly<Record<string, string>> = {
  '1.5/valid-bom-1.5.xml': 'other purls, refs and a third component in XML',
  '1.5/valid-component-ref-1.5.xml': 'XML nests 456 under 123 and has a third component',
  '1.5/valid-compositions-1.5.xml': 'version 2.0 in XML, 3.0 in JSON',
  '1.5/valid-dependency-1.5.xml': 'component names differ (acme-library-a vs library-a)',
  '1.5/valid-external-reference-1.5.xml': 'publisher only in JSON',
  '1.5/valid-license-expression-1.5.xml': 'type, purl and hashes only in XML',
  '1.5/valid-license-id-1.5.xml': 'type, purl and hashes only in XML',
  '1.5/valid-license-name-1.5.xml': 'type, purl and hashes only in XML',
  '1.5/valid-machine-learning-1.5.xml': 'publisher only in XML',
  '1.5/valid-service-1.5.xml': 'publisher only in JSON',
  '1.7/valid-component-external-with-version.xml': 'version and description differ',
  '1.7/valid-cryptography-implementation-1.7.xml': 'different components and dependencies',
  '1.7/valid-license-choice-1.7.xml': 'purl only in XML',
  '1.7/valid-license-expression-with-text-1.7.xml': 'description indented in XML (xs:string keeps white space)',
};

const key = (path: string): string => `${basename(path.slice(0, path.lastIndexOf('/')))}/${basename(path)}`;
const files = dataFiles(RESOURCES, /\.(json|xml)$/);
const isValidCase = (path: string): boolean => basename(path).startsWith('valid-');

describe('CycloneDX specification test resources (1.5–1.7, JSON and XML)', () => {
  it('parses every valid-* document and rejects every invalid-* one with a path', () => {
    const counts = { valid: 0, validParsed: 0, invalid: 0, invalidRejected: 0 };
    const wrong: string[] = [];
    for (const path of files) {
      const valid = isValidCase(path);
      const name = key(path);
      let problems: readonly { path: string; message: string }[] | undefined;
      try {
        parseCycloneDx(readText(path));
      } catch (error) {
        if (!(error instanceof FormatError)) throw error;
        problems = error.problems;
      }
      if (valid) {
        counts.valid++;
        if (problems === undefined) counts.validParsed++;
        if (problems !== undefined) wrong.push(`${name}: ${JSON.stringify(problems.slice(0, 2))}`);
      } else {
        counts.invalid++;
        if (problems !== undefined && problems.length > 0 && problems.every((p) => typeof p.path === 'string')) counts.invalidRejected++;
        else wrong.push(`${name}: accepted`);
      }
    }
    console.info(`CycloneDX resources: valid ${counts.validParsed}/${counts.valid} parsed, invalid ${counts.invalidRejected}/${counts.invalid} rejected`);
    expect(wrong).toEqual([]);
    expect(counts.valid).toBeGreaterThan(250);
    expect(counts.validParsed).toBe(counts.valid);
    expect(counts.invalid).toBeGreaterThan(50);
    expect(counts.invalidRejected).toBe(counts.invalid);
  });

  it('reads the same inventory from the XML and the JSON twin of every valid document with the same content', () => {
    const differing: string[] = [];
    let compared = 0;
    for (const xmlPath of files.filter((p) => p.endsWith('.xml') && isValidCase(p))) {
      const jsonPath = xmlPath.replace(/\.xml$/, '.json');
      if (!files.includes(jsonPath)) continue;
      const fromXml = cycloneDxInventory(parseCycloneDx(readText(xmlPath)).bom);
      const fromJson = cycloneDxInventory(parseCycloneDx(readText(jsonPath)).bom);
      compared++;
      if (!isDeepStrictEqual([fromXml.components, fromXml.dependencies], [fromJson.components, fromJson.dependencies])) differing.push(key(xmlPath));
    }
    console.info(`CycloneDX XML/JSON twins: ${compared - differing.length}/${compared} equal inventories; ${differing.length} differ in content`);
    expect(compared).toBeGreaterThan(100);
    expect(differing.sort()).toEqual(Object.keys(DIFFERENT_CONTENT).sort());
  });

  it('names the path of the first problem in a rejected document', () => {
    const path = files.find((p) => basename(p) === 'invalid-component-type-1.7.json')!;
    const error = (() => {
      try {
        parseCycloneDx(readText(path));
      } catch (e) {
        return e as FormatError;
      }
      throw new Error('accepted');
    })();
    expect(error.problems.map((p) => p.path)).toContain('/components/0/type');
  });
});

describe('CycloneDX versions and serializations', () => {
  const minimal = (specVersion: string): string =>
    JSON.stringify({ bomFormat: 'CycloneDX', specVersion, version: 1, components: [{ type: 'library', name: 'a', version: '1', purl: 'pkg:npm/a@1' }] });

  it.each(['1.4', '1.5', '1.6', '1.7'])('reads a %s JSON BOM', (version) => {
    const inventory = cycloneDxInventory(parseCycloneDx(minimal(version)).bom);
    expect(inventory.components).toEqual([{ ref: '#/components/0', type: 'library', name: 'a', version: '1', purl: 'pkg:npm/a@1', hashes: [], licenses: [] }]);
  });

  it.each(['1.2', '1.3', '2.0', 1.4])('refuses specVersion %s as unsupported', (version) => {
    expect(() => parseCycloneDx(minimal(version as string))).toThrow(/unsupported specVersion/);
  });

  it('refuses an XML BOM of an unsupported version by its namespace', () => {
    expect(() => parseCycloneDx('<bom xmlns="http://cyclonedx.org/schema/bom/1.3" version="1"/>')).toThrow(/unsupported namespace/);
  });

  it('refuses duplicate component bom-refs', () => {
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [
        { type: 'library', name: 'a', 'bom-ref': 'x' },
        { type: 'library', name: 'b', 'bom-ref': 'x' },
      ],
    };
    expect(() => parseCycloneDx(JSON.stringify(bom))).toThrow(/not unique/);
  });
});

const VEX = 'cyclonedx/bom-examples/VEX';
describe('CycloneDX VEX use cases', () => {
  it('reads every VEX example and its statements', () => {
    const paths = dataFiles(VEX, /\.json$/);
    let statements = 0;
    let unsupported = 0;
    for (const path of paths) {
      const text = readText(path);
      // A few examples predate CycloneDX 1.4: refused with a clear message, by design.
      if (/"specVersion"\s*:\s*"1\.[0-3]"/.test(text)) {
        expect(() => parseCycloneDx(text)).toThrow(/unsupported specVersion/);
        unsupported++;
        continue;
      }
      const bom = parseCycloneDx(text).bom;
      const found = cycloneDxVexStatements(bom);
      statements += found.length;
      for (const s of found) {
        expect(s.vulnerability).toMatch(/\S/);
        expect(s.productRef).toMatch(/\S/);
      }
    }
    console.info(`CycloneDX VEX examples: ${paths.length} documents (${unsupported} before 1.4, refused), ${statements} statements`);
    expect(paths.length).toBeGreaterThan(20);
    expect(statements).toBeGreaterThan(10);
  });

  it('gives the status the CISA use case file is named after', () => {
    const paths = dataFiles(`${VEX}/CISA-Use-Cases`, /^vex-(affected|fixed|not_affected|under_investigation)\.json$/);
    for (const path of paths) {
      const expected = /^vex-(.+)\.json$/.exec(basename(path))![1];
      const statuses = cycloneDxVexStatements(parseCycloneDx(readText(path)).bom).map((s) => s.status);
      expect({ path: key(path), statuses: [...new Set(statuses)] }).toEqual({ path: key(path), statuses: [expected] });
    }
    expect(paths.length).toBeGreaterThanOrEqual(4);
  });
});
