import { describe, expect, it } from 'vitest';
import { csafToOsv, cve5ToOsv, osvToCsaf, osvToCve5 } from '../../../src/standards/convert';
import { parseCsaf } from '../../../src/standards/csaf';
import { parseCve5 } from '../../../src/standards/cve5';
import { validateOsv, type OsvRecord } from '../../../src/standards/osv';
import { listShared, osvAdvisoryLines, readSharedText } from '../formats/shared-data';

/** PEP 503 normalisation: purls carry normalised PyPI names (purl-spec PURL-TYPES pypi). */
const pep503 = (ecosystem: string, name: string) => (ecosystem === 'PyPI' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name);

/** What survives OSV → X → OSV: identity, text, the packages and their non-GIT ranges. */
function essentials(r: OsvRecord) {
  return {
    id: r.id,
    summary: r.summary,
    packages: [
      ...new Set((r.affected ?? []).filter((a) => a.package).map((a) => `${a.package!.ecosystem}/${pep503(a.package!.ecosystem, a.package!.name)}`)),
    ].sort(),
    fixed: (r.affected ?? [])
      .flatMap((a) => (a.ranges ?? []).filter((x) => x.type !== 'GIT').flatMap((x) => x.events.flatMap((e) => ('fixed' in e ? [e.fixed] : []))))
      .sort(),
  };
}

describe('CSAF → OSV and CVE 5 → OSV', () => {
  it('OSV → CSAF → OSV keeps id, summary, packages and fixed versions, and the result is valid OSV', () => {
    let count = 0;
    const diverged: string[] = [];
    for (const { line } of osvAdvisoryLines()) {
      const record = JSON.parse(line) as OsvRecord;
      const [back] = csafToOsv(osvToCsaf(record));
      count++;
      expect(validateOsv(back), record.id).toEqual(validateOsv(record).length > 0 ? expect.anything() : []);
      if (JSON.stringify(essentials(back!)) !== JSON.stringify(essentials(record))) diverged.push(record.id);
    }
    console.log(`OSV→CSAF→OSV: ${count - diverged.length}/${count} keep id, summary, packages and fixes`, diverged.slice(0, 5));
    expect(diverged).toEqual([]);
  });

  it('OSV → CVE 5 → OSV keeps the CVE id, packages and fixed versions; the result is valid OSV', () => {
    let count = 0;
    for (const { line } of osvAdvisoryLines().filter((l) => l.file.startsWith('rustsec') || l.file.startsWith('pypa'))) {
      const record = JSON.parse(line) as OsvRecord;
      // Inputs the OSV schema rejects (short GIT hashes) cannot be expected to come back valid.
      if (!record.aliases?.some((a) => a.startsWith('CVE-')) || validateOsv(record).length > 0) continue;
      const back = cve5ToOsv(osvToCve5(record));
      count++;
      expect(validateOsv(back), record.id).toEqual([]);
      expect(essentials(back).packages).toEqual(essentials(record).packages);
      expect(essentials(back).fixed).toEqual(essentials(record).fixed);
    }
    console.log(`OSV→CVE5→OSV: ${count} records keep packages and fixes`);
    expect(count).toBeGreaterThan(1000);
  });

  it('every OASIS CSAF example converts to valid OSV records, one per vulnerability', () => {
    const root = 'standards/csaf/csaf_2.0/examples/csaf';
    for (const f of [...listShared(root), ...listShared(`${root}/csaf_vex`).map((x) => `csaf_vex/${x}`)]) {
      const doc = parseCsaf(readSharedText(`${root}/${f}`));
      const records = csafToOsv(doc);
      expect(records.length, f).toBe(doc.vulnerabilities?.length ?? 0);
      for (const r of records) expect(validateOsv(r), `${f} ${r.id}`).toEqual([]);
    }
  });

  it('CVE Services published and rejected fixtures convert to valid OSV records', () => {
    const root = 'standards/cve5/cve-services/test-http/src/test/cve_tests/cve_record_fixtures';
    for (const f of ['CVE-2021-0005_published.json', 'CVE-2009-0009_rejected.json']) {
      const osv = cve5ToOsv(parseCve5(readSharedText(`${root}/${f}`)));
      expect(validateOsv(osv), f).toEqual([]);
      expect(osv.id).toBe(f.slice(0, f.indexOf('_')));
      if (f.includes('rejected')) expect(osv.withdrawn).toBeDefined();
    }
  });
});
