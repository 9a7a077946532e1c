import { describe, expect, it } from 'vitest';
import { parseOpenVex } from '../../../src/standards/openvex';
import { hasSharedData, readSharedText } from '../formats/shared-data';
import { fuzzParser } from '../json-schema/fuzz-helper';

const SAMPLES = [
  'standards/openvex/go-vex_pkg_vex_testdata_v0.2.0.json',
];

describe.skipIf(!hasSharedData('standards'))('parseOpenVex: property-based fuzzing', () => {
  it('on 10,000 generated and mutated inputs returns a value or throws FormatError, never anything else', () => {
    const { accepted, rejected } = fuzzParser((text) => parseOpenVex(text), SAMPLES.map(readSharedText));
    console.log(`parseOpenVex fuzz: ${accepted} accepted, ${rejected} rejected with FormatError`);
    expect(accepted + rejected).toBe(10_000);
    expect(rejected).toBeGreaterThan(0);
  });
});
