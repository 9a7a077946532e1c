import { describe, expect, it } from 'vitest';
import { osvToStix } from '../../../src/standards/convert';
import type { OsvRecord } from '../../../src/standards/osv';
import { serializeStixBundle, TLP2_MARKING_IDS, validateStixBundle } from '../../../src/standards/stix';
import { osvAdvisoryLines } from '../formats/shared-data';
import { officialStixBundleValidator } from './official-stix-schema';

describe('OSV → STIX 2.1 over the real advisories', () => {
  it('every record becomes a STIX bundle valid against the complete official STIX 2.1 schemas, with deterministic ids', () => {
    const official = officialStixBundleValidator();
    const invalid: string[] = [];
    let count = 0;
    for (const { line } of osvAdvisoryLines()) {
      const record = JSON.parse(line) as OsvRecord;
      const bundle = osvToStix(record);
      count++;
      const result = official(bundle);
      if (!result.valid) invalid.push(`${record.id}: ${JSON.stringify(result.errors).slice(0, 300)}`);
      const own = validateStixBundle(bundle);
      if (own.length > 0) invalid.push(`${record.id} (module schema): ${JSON.stringify(own.slice(0, 2))}`);
    }
    console.log(`OSV→STIX: ${count - invalid.length}/${count} bundles valid against the official schemas`);
    expect(invalid.slice(0, 10)).toEqual([]);
    const { line } = osvAdvisoryLines()[0]!;
    expect(serializeStixBundle(osvToStix(JSON.parse(line) as OsvRecord))).toBe(serializeStixBundle(osvToStix(JSON.parse(line) as OsvRecord)));
  }, 300_000);

  it('marks every object with the chosen TLP 2.0 marking and includes its fixed definition', () => {
    const { line } = osvAdvisoryLines()[0]!;
    const bundle = osvToStix(JSON.parse(line) as OsvRecord, { tlp: 'TLP:AMBER' });
    const marking = bundle.objects.find((o) => o.type === 'marking-definition')!;
    expect(marking.id).toBe(TLP2_MARKING_IDS['TLP:AMBER']);
    for (const o of bundle.objects) if (o.type !== 'marking-definition') expect(o.object_marking_refs).toEqual([marking.id]);
    const types = new Set(bundle.objects.map((o) => o.type));
    expect([...types]).toEqual(expect.arrayContaining(['identity', 'vulnerability', 'software', 'relationship']));
  });

  it("links the record's own page: OSV.dev's by default, the producer's when given (ADR 0023)", () => {
    const { line } = osvAdvisoryLines()[0]!;
    const record = JSON.parse(line) as OsvRecord;
    const urlsOf = (bundle: ReturnType<typeof osvToStix>) =>
      bundle.objects.flatMap((o) => ((o as { external_references?: { url?: string }[] }).external_references ?? []).map((r) => r.url));
    expect(urlsOf(osvToStix(record))).toContain(`https://osv.dev/vulnerability/${record.id}`);
    const own = osvToStix(record, { recordUrl: (id) => `https://aisc.example.org/advisories/${id}` });
    expect(urlsOf(own)).toContain(`https://aisc.example.org/advisories/${record.id}`);
    expect(JSON.stringify(own)).not.toContain('osv.dev/vulnerability');
    expect(validateStixBundle(own)).toEqual([]);
  });
});
