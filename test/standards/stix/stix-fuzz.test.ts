import { describe, expect, it } from 'vitest';
import { parseStixBundle } from '../../../src/standards/stix';
import { hasSharedData, readSharedText } from '../formats/shared-data';
import { fuzzParser } from '../json-schema/fuzz-helper';

const SAMPLES = [
  'standards/stix/examples/indicator-for-c2-ip-address.json',
  'standards/stix/validator-v21/tlp-amber.json',
];

describe.skipIf(!hasSharedData('standards'))('parseStixBundle: property-based fuzzing', () => {
  it('on 10,000 generated and mutated inputs returns a value or throws FormatError, never anything else', () => {
    const { accepted, rejected } = fuzzParser((text) => parseStixBundle(text), SAMPLES.map(readSharedText));
    console.log(`parseStixBundle fuzz: ${accepted} accepted, ${rejected} rejected with FormatError`);
    expect(accepted + rejected).toBe(10_000);
    expect(rejected).toBeGreaterThan(0);
  });
});
