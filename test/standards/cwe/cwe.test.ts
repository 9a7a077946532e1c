import { describe, expect, it } from 'vitest';
import { checkCwe } from '../../../src/standards/cwe/check';
import { CWE_WEAKNESSES } from '../../../src/standards/cwe/catalogue';

describe('CWE ids', () => {
  it('the bundled list equals the CWE 4.17 catalogue shipped with the CSAF validator', async () => {
    let catalogue: { weaknesses: { id: string; name: string; status: string }[] };
    try {
      // @ts-expect-error: a JavaScript module without types
      catalogue = (await import('@secvisogram/csaf-validator-lib/lib/cwec/4.17.js')).default;
    } catch {
      console.warn('skipped: @secvisogram/csaf-validator-lib (dev dependency) is not installed');
      return;
    }
    const theirs = catalogue.weaknesses
      .map((w) => [Number(w.id.slice(4)), w.name, w.status === 'Deprecated' ? 1 : 0])
      .sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(CWE_WEAKNESSES).toEqual(theirs);
  });

  it('accepts known weaknesses in any usual spelling', () => {
    expect(checkCwe('CWE-79')).toMatchObject({ ok: true, id: 'CWE-79' });
    expect(checkCwe('cwe-079')).toMatchObject({ ok: true, id: 'CWE-79' });
  });

  it('refuses malformed, unknown and deprecated ids', () => {
    expect(checkCwe('79')).toMatchObject({ ok: false, message: expect.stringMatching(/looks like/) });
    expect(checkCwe('CWE-999999')).toMatchObject({ ok: false, message: expect.stringMatching(/not a weakness/) });
    const deprecated = CWE_WEAKNESSES.find((w) => w[2] === 1)!;
    expect(checkCwe(`CWE-${deprecated[0]}`)).toMatchObject({ ok: false, message: expect.stringMatching(/deprecated/) });
  });
});
