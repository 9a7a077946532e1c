import { describe, expect, it } from 'vitest';
import { parseCvssVector, scoreCvss } from '../../../src/standards/cvss';
import { FormatError } from '../../../src/standards/problem';

function problem(vector: string): { path: string; message: string } {
  try {
    parseCvssVector(vector);
  } catch (err) {
    if (err instanceof FormatError) return err.problems[0]!;
    throw err;
  }
  throw new Error(`accepted ${vector}`);
}

describe('invalid CVSS vectors name the bad metric', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', '/A', /missing mandatory metric "A"/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:1', '/XX', /unknown metric "XX"/],
    ['CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '/AV', /invalid value "Q"/],
    ['CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '/AV', /duplicate metric "AV"/],
    ['CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '/AV', /out of order/],
    ['CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '/prefix', /unknown CVSS version prefix/],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/MSC:S', '/MSC', /invalid value "S"/],
    ['AV:N/AC:L/Au:N/C:P/I:P', '/A', /missing mandatory metric "A"/],
  ])('%s', (vector, path, message) => {
    const p = problem(vector);
    expect(p.path).toBe(path);
    expect(p.message).toMatch(message);
  });

  it('lists every missing mandatory metric at once', () => {
    expect(() => parseCvssVector('CVSS:4.0/AV:N')).toThrow(/10 problems/);
  });

  it('3.x allows any metric order (v3.1 §6); 4.0 does not (v4.0 §7)', () => {
    expect(scoreCvss('CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H').baseScore).toBe(9.8);
  });
});

describe('scores', () => {
  it('4.0 reports the score of the vector as given and its nomenclature', () => {
    const b = scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N');
    expect(b).toMatchObject({ version: '4.0', baseScore: 9.3, baseSeverity: 'CRITICAL', nomenclature: 'CVSS-B' });
    const bt = scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U');
    expect(bt.nomenclature).toBe('CVSS-BT');
    expect(bt.baseScore).toBeLessThan(b.baseScore);
    expect(scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:L').nomenclature).toBe('CVSS-BE');
    expect(scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/CR:L').nomenclature).toBe('CVSS-BTE');
  });

  it('3.x reports temporal and environmental scores only when those metrics are present', () => {
    const base = scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    expect(base).toEqual({ version: '3.1', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, baseSeverity: 'CRITICAL' });
    const full = scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/CR:L/MC:N');
    expect(full.temporalScore).toBe(9.0);
    expect(full.environmentalScore).toBeLessThan(9.0);
  });
});
