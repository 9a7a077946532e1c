import { describe, expect, it } from 'vitest';
import { scoreCvss } from '../../../src/standards/cvss';
import { roundToOneDecimal } from '../../../src/standards/cvss/v2';

describe('CVSS v2 equations (v2 guide §3.2)', () => {
  it('rounds the decimal value half up, not its binary approximation', () => {
    // 9.0 × 0.95 is 8.549999… in binary floating point; the guide's value is 8.55.
    expect(9.0 * 0.95).toBeLessThan(8.55);
    expect(roundToOneDecimal(9.0 * 0.95)).toBe(8.6);
    expect(roundToOneDecimal(8.54)).toBe(8.5);
    expect(roundToOneDecimal(0)).toBe(0);
  });

  it("scores the guide's worked examples (§3.3.1 CVE-2002-0392, §3.3.2 CVE-2003-0818)", () => {
    expect(scoreCvss('AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H')).toMatchObject({
      baseScore: 7.8,
      temporalScore: 6.4,
      environmentalScore: 9.2,
    });
    expect(scoreCvss('AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L')).toMatchObject({
      baseScore: 10.0,
      temporalScore: 8.3,
      environmentalScore: 9.0,
    });
  });

  it('reports temporal and environmental scores only for the groups the vector states', () => {
    const base = scoreCvss('AV:L/AC:H/Au:M/C:N/I:N/A:P');
    expect(base).toEqual({ version: '2.0', vectorString: 'AV:L/AC:H/Au:M/C:N/I:N/A:P', baseScore: 0.8, baseSeverity: 'LOW' });
  });
});
