import { describe, expect, it } from 'vitest';
import { osvFormat, validateOsv } from '../../../src/standards/osv';
import { listShared, readSharedJson, readSharedText } from '../formats/shared-data';

const LINTER = 'standards/osv/tools_osv-linter_testdata';
const GHSA = 'standards/osv/tools_ghsa_testdata';

describe('OSV: osv-schema tools test data', () => {
  it('linter test records: the schema accepts all but the one without an introduced event', () => {
    const files = listShared(LINTER);
    const rejected = files.filter((f) => validateOsv(readSharedJson(`${LINTER}/${f}`)).length > 0);
    console.log(`osv-linter testdata: ${files.length - rejected.length}/${files.length} schema-valid`);
    // The other "bad" records (nondistinct, nopackage) break linter rules, not the schema.
    expect(rejected).toEqual(['nointroduced-CVE-2023-41045.json']);
    expect(validateOsv(readSharedJson(`${LINTER}/nointroduced-CVE-2023-41045.json`))).toEqual([
      { path: '/affected/0/ranges/0/events', message: 'must contain at least 1 valid item(s)' },
    ]);
  });

  it('GHSA→OSV pairs: every OSV output is valid and detected as OSV; no GHSA input is', () => {
    const osvFiles = listShared(GHSA, /\.osv\.json$/);
    const ghsaFiles = listShared(GHSA).filter((f) => !f.endsWith('.osv.json'));
    expect(osvFiles.length).toBeGreaterThanOrEqual(10);
    for (const f of osvFiles) {
      const text = readSharedText(`${GHSA}/${f}`);
      expect(osvFormat.validate(text), f).toEqual([]);
      expect(osvFormat.detect(text), f).toBe(true);
    }
    for (const f of ghsaFiles) {
      const text = readSharedText(`${GHSA}/${f}`);
      expect(osvFormat.detect(text), f).toBe(false);
      expect(
        osvFormat.validate(text).map((p) => p.path),
        f,
      ).toEqual(expect.arrayContaining(['/id', '/modified']));
    }
    console.log(`GHSA→OSV pairs: ${osvFiles.length} OSV outputs valid, ${ghsaFiles.length} GHSA inputs rejected`);
  });
});
