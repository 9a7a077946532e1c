import { describe, expect, it } from 'vitest';
import { parseCve5 } from '../../../src/standards/cve5';
import { hasSharedData, readSharedText } from '../formats/shared-data';
import { fuzzParser } from '../json-schema/fuzz-helper';

const SAMPLES = [
  'standards/cve5/cve-services/test-http/src/test/cve_tests/cve_record_fixtures/CVE-2021-0005_published.json',
  'standards/cve5/cve-services/test-http/src/test/cve_tests/cve_record_fixtures/CVE-2009-0009_rejected.json',
];

describe.skipIf(!hasSharedData('standards'))('parseCve5: property-based fuzzing', () => {
  it('on 10,000 generated and mutated inputs returns a value or throws FormatError, never anything else', () => {
    const { accepted, rejected } = fuzzParser((text) => parseCve5(text), SAMPLES.map(readSharedText));
    console.log(`parseCve5 fuzz: ${accepted} accepted, ${rejected} rejected with FormatError`);
    expect(accepted + rejected).toBe(10_000);
    expect(rejected).toBeGreaterThan(0);
  });
});
