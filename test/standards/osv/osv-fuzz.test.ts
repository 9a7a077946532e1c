import { describe, expect, it } from 'vitest';
import { parseOsv } from '../../../src/standards/osv';
import { hasSharedData, readSharedText } from '../formats/shared-data';
import { fuzzParser } from '../json-schema/fuzz-helper';

const SAMPLES = [
  'standards/osv/tools_osv-linter_testdata/GO-2020-0001.json',
  'standards/osv/tools_ghsa_testdata/full_ranges.osv.json',
];

describe.skipIf(!hasSharedData('standards'))('parseOsv: property-based fuzzing', () => {
  it('on 10,000 generated and mutated inputs returns a value or throws FormatError, never anything else', () => {
    const { accepted, rejected } = fuzzParser((text) => parseOsv(text), SAMPLES.map(readSharedText));
    console.log(`parseOsv fuzz: ${accepted} accepted, ${rejected} rejected with FormatError`);
    expect(accepted + rejected).toBe(10_000);
    expect(rejected).toBeGreaterThan(0);
  });
});
