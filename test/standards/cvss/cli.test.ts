import { describe, expect, it } from 'vitest';
import { run } from '../purl/cli-run';

describe('aisc cvss score', () => {
  it('prints one JSON object per vector from stdin', async () => {
    const r = await run(
      ['cvss', 'score', '--json'],
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U\nCVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\n',
    );
    expect(r.code).toBe(0);
    const [v31, v40] = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(v31).toMatchObject({ version: '3.1', baseScore: 9.8, baseSeverity: 'CRITICAL', temporalScore: 9 });
    expect(v40).toMatchObject({ version: '4.0', baseScore: 9.3, baseSeverity: 'CRITICAL', nomenclature: 'CVSS-B' });
  });

  it('scores a vector given as argument', async () => {
    expect(await run(['cvss', 'score', 'AV:N/AC:L/Au:N/C:C/I:C/A:C'])).toMatchObject({ code: 0, out: '10.0 HIGH\n' });
  });

  it('names the bad metric in one line with a non-zero exit', async () => {
    const r = await run(['cvss', 'score', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Z']);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/"A"/);
  });
});
