import { describe, expect, it } from 'vitest';
import { MANDATORY_TESTS, runMandatoryTests } from '../csaf/mandatory-tests';
import { osvToCsaf } from '../../../src/standards/convert';
import { csafProfile, serializeCsaf, validateCsaf } from '../../../src/standards/csaf';
import type { OsvRecord } from '../../../src/standards/osv';
import { osvAdvisoryLines } from '../formats/shared-data';

const MANDATORY = MANDATORY_TESTS;

describe('OSV → CSAF 2.0 over the 8,158 real advisories', () => {
  it('every generated document passes the CSAF schema and all mandatory tests (csaf-validator-lib)', async () => {
    expect(MANDATORY.length).toBeGreaterThanOrEqual(40);
    const started = performance.now();
    const failures: string[] = [];
    let count = 0;
    for (const { line } of osvAdvisoryLines()) {
      const record = JSON.parse(line) as OsvRecord;
      const doc = osvToCsaf(record);
      count++;
      expect(csafProfile(doc)).toBe('csaf_security_advisory');
      const schemaProblems = validateCsaf(doc);
      if (schemaProblems.length > 0) failures.push(`${record.id} schema: ${JSON.stringify(schemaProblems.slice(0, 2))}`);
      const result = await runMandatoryTests(doc);
      if (!result.isValid) {
        for (const t of result.tests.filter((x) => !x.isValid)) failures.push(`${record.id} ${t.name}: ${JSON.stringify(t.errors).slice(0, 200)}`);
      }
    }
    console.log(
      `OSV→CSAF: ${count - new Set(failures.map((f) => f.split(' ')[0])).size}/${count} pass schema + ${MANDATORY.length} mandatory tests in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(count).toBe(8158);
  }, 300_000);

  it('is deterministic and maps products, statuses, remediations and scores', () => {
    const lines = osvAdvisoryLines();
    const rust = lines.find((l) => l.file.startsWith('rustsec'))!;
    const record = JSON.parse(rust.line) as OsvRecord;
    expect(serializeCsaf(osvToCsaf(record))).toBe(serializeCsaf(osvToCsaf(JSON.parse(rust.line) as OsvRecord)));
    const doc = osvToCsaf(record);
    const vuln = doc.vulnerabilities![0]!;
    expect(doc.document.tracking.id).toBe(record.id);
    expect(vuln.cve).toBe(record.aliases!.find((a) => a.startsWith('CVE-')));
    const leaves = doc.product_tree!.branches![0]!.branches![0]!.branches!;
    const affected = leaves.find((b) => b.category === 'product_version_range')!;
    const fixedLeaf = leaves.find((b) => b.category === 'product_version')!;
    expect(affected.name).toMatch(/^vers:cargo\//);
    expect(vuln.product_status!.known_affected).toContain(affected.product!.product_id);
    expect(vuln.product_status!.fixed).toContain(fixedLeaf.product!.product_id);
    expect(fixedLeaf.product!.product_identification_helper!.purl).toMatch(/^pkg:cargo\/.+@/);
    expect(vuln.remediations![0]).toMatchObject({ category: 'vendor_fix', product_ids: [affected.product!.product_id] });
    const vector = record.severity?.[0]?.score;
    if (vector) expect(vuln.scores![0]!.cvss_v3!.vectorString).toBe(vector);
  });
});
