import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CVSS_METRICS, parseCvssVector, scoreCvss } from '../../../src/standards/cvss';
import { fuzzParser } from '../purl/fuzz-inputs';

const SEEDS = [
  'AV:N/AC:L/Au:S/C:C/I:C/A:C/E:F/RL:U/RC:C',
  'CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/MPR:L/MUI:N/MS:C/MC:H/MI:H/MA:H',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/CR:H/MSI:S/S:P/U:Red',
];

describe('CVSS parser fuzzing (fast-check)', () => {
  it('parse and score return a value or throw FormatError on 12,000 inputs', () => {
    expect(fuzzParser(scoreCvss, SEEDS)).toBeGreaterThanOrEqual(10_000);
  });

  it('every vector built from the metric tables parses and scores within 0–10', () => {
    for (const version of ['3.1', '4.0'] as const) {
      const defs = CVSS_METRICS[version];
      const vector = fc.tuple(...defs.map((d) => fc.option(fc.constantFrom(...d.values), { nil: undefined }))).map((values) => {
        const parts = defs.flatMap((d, i) => (d.mandatory || values[i] !== undefined ? [`${d.key}:${values[i] ?? d.values[0]}`] : []));
        return `CVSS:${version}/${parts.join('/')}`;
      });
      fc.assert(
        fc.property(vector, (v) => {
          const s = scoreCvss(v);
          expect(s.baseScore).toBeGreaterThanOrEqual(0);
          expect(s.baseScore).toBeLessThanOrEqual(10);
          expect(parseCvssVector(v).version).toBe(version);
        }),
        { numRuns: 500, seed: 21 },
      );
    }
  });
});
