import { describe, expect, it } from 'vitest';
import { osvToCve5 } from '../../../src/standards/convert';
import { validateCve5 } from '../../../src/standards/cve5';
import type { OsvRecord } from '../../../src/standards/osv';
import { FormatError } from '../../../src/standards/problem';
import { osvAdvisoryLines } from '../formats/shared-data';

describe('OSV → CVE JSON 5 over the real advisories', () => {
  it('every record with a CVE id becomes a CVE record that validates; the others are refused with a FormatError', () => {
    let converted = 0;
    let withoutCve = 0;
    let cvss30 = 0;
    const invalid: string[] = [];
    for (const { line } of osvAdvisoryLines()) {
      const record = JSON.parse(line) as OsvRecord;
      const hasCve = [record.id, ...(record.aliases ?? [])].some((a) => /^CVE-\d{4}-\d{4,}$/.test(a));
      if (!hasCve) {
        expect(() => osvToCve5(record)).toThrow(FormatError);
        withoutCve++;
        continue;
      }
      const cve = osvToCve5(record);
      converted++;
      // Every CVSS 3.0 severity the advisory carries is published as a cvssV3_0 metric.
      if ((record.severity ?? []).some((s) => s.score.startsWith('CVSS:3.0/'))) {
        expect(
          cve.containers.cna.metrics?.some((m) => m.cvssV3_0?.vectorString?.toString().startsWith('CVSS:3.0/')),
          record.id,
        ).toBe(true);
        cvss30++;
      }
      const problems = validateCve5(cve);
      if (problems.length > 0) invalid.push(`${record.id}: ${JSON.stringify(problems.slice(0, 2))}`);
    }
    console.log(
      `OSV→CVE 5: ${converted - invalid.length}/${converted} records with a CVE id validate (${cvss30} with a CVSS 3.0 metric); ${withoutCve} have no CVE id`,
    );
    expect(invalid).toEqual([]);
    expect(converted + withoutCve).toBe(8158);
    expect(cvss30).toBeGreaterThan(0);
  });
});
