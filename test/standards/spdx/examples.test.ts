import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inventoryOf } from '../../../src/standards/inventory';
import { FormatError } from '../../../src/standards/problem';
import { parseSpdx } from '../../../src/standards/spdx';
import { dataFiles, readText } from '../data';

// Every SPDX document in the folder: 2.2/2.3 JSON and tag-value, 3.0 JSON-LD (not the schema,
// the JSON-LD context, or the RDF/XML and YAML serializations AISC does not read).
const documents = dataFiles('spdx', /\.(json|spdx)$/).filter((p) => !/spdx-schema\.json$|context\.jsonld$/.test(p));

describe('SPDX examples', () => {
  it('parses every example and reads its inventory', () => {
    const bySerialization: Record<string, number> = {};
    for (const path of documents) {
      const document = parseSpdx(readText(path));
      const label = `${document.specVersion === '3' ? '3.0' : '2.x'} ${document.serialization}`;
      bySerialization[label] = (bySerialization[label] ?? 0) + 1;
      const inventory = inventoryOf(document);
      expect({ path: basename(path), empty: inventory.components.length === 0 }).toEqual({ path: basename(path), empty: false });
      const refs = new Set(inventory.components.map((c) => c.ref));
      expect(refs.size).toBe(inventory.components.length);
    }
    console.info(`SPDX examples: ${documents.length}/${documents.length} parsed`, bySerialization);
    expect(Object.keys(bySerialization)).toEqual(expect.arrayContaining(['2.x json', '2.x tag-value', '3.0 json-ld']));
  });

  it('reads the SPDX 2.3 specification example the same from JSON and tag-value', () => {
    const json = inventoryOf(parseSpdx(readText(documents.find((p) => p.endsWith('SPDXJSONExample-v2.3.spdx.json'))!)));
    const tagValue = inventoryOf(parseSpdx(readText(documents.find((p) => p.endsWith('SPDXTagExample-v2.3.spdx'))!)));
    const identity = (c: { ref: string; name: string; version?: string; purl?: string; cpe?: string }) =>
      `${c.ref} ${c.name} ${c.version ?? ''} ${c.purl ?? ''} ${c.cpe ?? ''}`;
    expect(tagValue.components.map(identity).sort()).toEqual(json.components.map(identity).sort());
    expect(json.components.some((c) => c.purl?.startsWith('pkg:maven/'))).toBe(true);
    expect(json.components.some((c) => c.cpe?.startsWith('cpe:2.3:'))).toBe(true);
    // The example's only dependency is a DYNAMIC_LINK from the main package.
    expect(json.dependencies).toEqual([{ ref: 'SPDXRef-Package', dependsOn: ['SPDXRef-Saxon'] }]);
  });

  it('reads the same packages from the SPDX 2.2 and 3.0 versions of an example', () => {
    const two = inventoryOf(parseSpdx(readText(documents.find((p) => p.endsWith('spdx2.2/appbomination.spdx.json'))!)));
    const three = inventoryOf(parseSpdx(readText(documents.find((p) => p.endsWith('spdx3.0/appbomination.spdx3.json'))!)));
    const packages = (inventory: typeof two) =>
      inventory.components
        .filter((c) => c.type !== 'file')
        .map((c) => `${c.name}@${c.version ?? ''} ${c.purl ?? ''}`)
        .sort();
    expect(packages(three)).toEqual(packages(two));
    expect(three.components.find((c) => c.name === 'junit')!.purl).toBe('pkg:maven/junit/junit@4.12');
  });
});

describe('SPDX bad input', () => {
  const problems = (text: string) => {
    try {
      parseSpdx(text);
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      return (error as FormatError).problems;
    }
    throw new Error('accepted');
  };

  it('names the line of a bad tag-value line', () => {
    expect(problems('SPDXVersion: SPDX-2.3\nno colon here\n')[0]!.message).toMatch(/line 2/);
  });

  it('refuses an unknown tag, naming it', () => {
    expect(problems('SPDXVersion: SPDX-2.3\nFrobnicate: yes\n')[0]!.message).toMatch(/Frobnicate/);
  });

  it('refuses a relationship to an element the document does not have', () => {
    const doc = {
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: 'x',
      documentNamespace: 'https://example.com/x',
      creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: t'] },
      relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-missing' }],
    };
    expect(problems(JSON.stringify(doc))).toEqual([{ path: '/relationships/0/relatedSpdxElement', message: expect.stringMatching(/SPDXRef-missing/) }]);
  });

  it('refuses an unsupported version and a JSON-LD document without the 3.0 context', () => {
    expect(problems('{"spdxVersion":"SPDX-2.1"}')[0]!.message).toMatch(/unsupported spdxVersion/);
    expect(problems('{"@context":"https://example.com/ctx","@graph":[]}')[0]!.path).toBe('/@context');
  });
});
