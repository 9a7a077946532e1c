import { describe, expect, it } from 'vitest';
import { CONVERSIONS, FORMATS, detectFormat, findFormat, formatForMediaType, formatsForFileName } from '../../../src/standards/formats';
import { readSharedText } from './shared-data';

const SAMPLES: Record<string, string> = {
  osv: 'standards/osv/tools_osv-linter_testdata/GO-2020-0001.json',
  csaf: 'standards/csaf/csaf_2.0/examples/csaf/rhsa-2019_1862.json',
  cve5: 'standards/cve5/cve-services/test-http/src/test/cve_tests/cve_record_fixtures/CVE-2021-0005_published.json',
  openvex: 'standards/openvex/go-vex_pkg_vex_testdata_v0.2.0.json',
  stix: 'standards/stix/examples/indicator-for-c2-ip-address.json',
};

describe('format registry', () => {
  it('has unique ids, at least one media type each, and every conversion joins two registered formats', () => {
    expect(new Set(FORMATS.map((f) => f.id)).size).toBe(FORMATS.length);
    for (const f of FORMATS) expect(f.mediaTypes.length, f.id).toBeGreaterThan(0);
    for (const c of CONVERSIONS) {
      expect(findFormat(c.from), c.from).toBeDefined();
      expect(findFormat(c.to), c.to).toBeDefined();
    }
  });

  it('detects each sample as its own format only, parses it, and round-trips it through serialize', () => {
    for (const [id, path] of Object.entries(SAMPLES)) {
      const text = readSharedText(path);
      expect(detectFormat(text)?.id, id).toBe(id);
      expect(
        FORMATS.filter((f) => f.detect(text)).map((f) => f.id),
        id,
      ).toEqual([id]);
      const format = findFormat(id)!;
      const doc = format.parse(text);
      expect(format.parse(format.serialize!(doc)), id).toEqual(JSON.parse(text));
    }
    expect(detectFormat('not json')).toBeUndefined();
  });

  it('finds formats by media type and file name', () => {
    expect(formatForMediaType('application/stix+json;version=2.1')?.id).toBe('stix');
    expect(formatForMediaType('application/csaf+json')?.id).toBe('csaf');
    expect(formatsForFileName('/tmp/CVE-2024-1234.json').map((f) => f.id)).toContain('cve5');
    expect(formatsForFileName('x.openvex.json').map((f) => f.id)).toEqual(['openvex']);
  });
});
