import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/standards/problem';
import {
  parseStixBundle,
  serializeStixBundle,
  TLP2_MARKING_IDS,
  tlpLabelOf,
  tlpMarkingDefinition,
  uuidV5,
  validateStixBundle,
  validateStixObject,
} from '../../../src/standards/stix';
import { listShared, readSharedJson, readSharedText } from '../formats/shared-data';

describe('STIX 2.1: OASIS examples, validator examples and TLP 2.0 markings', () => {
  it('every example bundle parses and round-trips; single objects are checked on their own', () => {
    let bundles = 0;
    for (const f of listShared('standards/stix/examples')) {
      const value = readSharedJson(`standards/stix/examples/${f}`) as { type: string };
      if (value.type !== 'bundle') {
        expect(validateStixObject(value), f).toEqual([]);
        continue;
      }
      const bundle = parseStixBundle(readSharedText(`standards/stix/examples/${f}`));
      expect(parseStixBundle(serializeStixBundle(bundle)), f).toEqual(value);
      bundles++;
    }
    expect(bundles).toBeGreaterThanOrEqual(5);
  });

  it('cti-stix-validator examples behave as named: invalid_* are rejected, the others accepted', () => {
    const outcome: Record<string, string> = {};
    for (const f of listShared('standards/stix/validator-v21')) {
      const text = readSharedText(`standards/stix/validator-v21/${f}`);
      let problems: unknown[];
      try {
        const value = JSON.parse(text) as { type: string };
        problems = value.type === 'bundle' ? validateStixBundle(value) : validateStixObject(value);
      } catch {
        problems = ['not JSON'];
        expect(() => parseStixBundle(text)).toThrow(FormatError);
      }
      outcome[f] = problems.length === 0 ? 'valid' : 'invalid';
      expect(outcome[f], f).toBe(f.startsWith('invalid_') ? 'invalid' : 'valid');
    }
    console.log('STIX validator examples:', outcome);
  });

  it('TLP 2.0 marking definitions have the OASIS fixed ids and validate; the amber one equals the validator example', () => {
    const ids = readSharedJson('standards/tlp/tlp2-stix-marking-ids.json') as { markings: Record<string, string> };
    expect(TLP2_MARKING_IDS).toEqual(ids.markings);
    for (const label of Object.keys(ids.markings) as (keyof typeof TLP2_MARKING_IDS)[]) {
      expect(validateStixObject(tlpMarkingDefinition(label))).toEqual([]);
      expect(tlpLabelOf(TLP2_MARKING_IDS[label])).toBe(label);
    }
    const example = readSharedJson('standards/stix/validator-v21/tlp-amber.json') as { objects: unknown[] };
    expect(tlpMarkingDefinition('TLP:AMBER')).toEqual(example.objects[0]);
  });

  it('uuidV5 matches the RFC 9562 test vector', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});
