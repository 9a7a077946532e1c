import { describe, expect, it } from 'vitest';
import { parseCsaf } from '../../../src/standards/csaf';
import { hasSharedData, readSharedText } from '../formats/shared-data';
import { fuzzParser } from '../json-schema/fuzz-helper';

const SAMPLES = [
  'standards/csaf/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-na-001.json',
  'standards/csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json',
];

describe.skipIf(!hasSharedData('standards'))('parseCsaf: property-based fuzzing', () => {
  it('on 10,000 generated and mutated inputs returns a value or throws FormatError, never anything else', () => {
    const { accepted, rejected } = fuzzParser((text) => parseCsaf(text), SAMPLES.map(readSharedText));
    console.log(`parseCsaf fuzz: ${accepted} accepted, ${rejected} rejected with FormatError`);
    expect(accepted + rejected).toBe(10_000);
    expect(rejected).toBeGreaterThan(0);
  });
});
