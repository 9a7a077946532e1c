import { describe, expect, it } from 'vitest';
import { csafProfile, parseCsaf, serializeCsaf, validateCsaf } from '../../../src/standards/csaf';
import { listShared, readSharedJson, readSharedText } from '../formats/shared-data';

const ROOT = 'standards/csaf/csaf_2.0';

interface TestcaseFile {
  readonly name: string;
  readonly valid: boolean;
}
interface Testcase {
  readonly id: string;
  readonly group: string;
  readonly failures?: TestcaseFile[];
  readonly valid?: TestcaseFile[];
}

describe('CSAF 2.0: OASIS examples and validator testcases', () => {
  it('every OASIS example parses, and round-trips through serialize', () => {
    const files = [
      ...listShared(`${ROOT}/examples/csaf`).map((f) => `examples/csaf/${f}`),
      ...listShared(`${ROOT}/examples/csaf/csaf_vex`).map((f) => `examples/csaf/csaf_vex/${f}`),
    ];
    const profiles: Record<string, number> = {};
    for (const f of files) {
      const doc = parseCsaf(readSharedText(`${ROOT}/${f}`));
      profiles[csafProfile(doc)] = (profiles[csafProfile(doc)] ?? 0) + 1;
      expect(parseCsaf(serializeCsaf(doc))).toEqual(readSharedJson(`${ROOT}/${f}`));
    }
    console.log(`CSAF examples: ${files.length}/${files.length} parse`, profiles);
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(profiles.csaf_vex).toBeGreaterThan(0);
  });

  it('every valid testcase parses; failing ones: count what the schema alone catches', () => {
    const { tests } = readSharedJson(`${ROOT}/test/validator/data/testcases.json`) as { tests: Testcase[] };
    let valid = 0;
    const caught: Record<string, string> = {};
    let failing = 0;
    let schemaCaught = 0;
    for (const t of tests) {
      for (const v of t.valid ?? []) {
        expect(validateCsaf(readSharedJson(`${ROOT}/test/validator/data/${v.name}`)), v.name).toEqual([]);
        valid++;
      }
      const fails = t.failures ?? [];
      const hits = fails.filter((f) => validateCsaf(readSharedJson(`${ROOT}/test/validator/data/${f.name}`)).length > 0).length;
      failing += fails.length;
      schemaCaught += hits;
      if (fails.length > 0) caught[t.id] = `${hits}/${fails.length}`;
    }
    // CSAF 2.0 §6.1.8 (invalid CVSS) is the one mandatory test the schema expresses.
    expect(caught['6.1.8']).toBe('3/3');
    console.log(`CSAF testcases: ${valid}/${valid} valid documents parse; the schema alone rejects ${schemaCaught}/${failing} failing documents`, caught);
    expect(valid).toBeGreaterThan(50);
  });
});
