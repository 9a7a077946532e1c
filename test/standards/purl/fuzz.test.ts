import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPurl, normalizePurl, parsePurl, serializePurl } from '../../../src/standards/purl';
import { FormatError } from '../../../src/standards/problem';
import { fuzzParser, mutated } from './fuzz-inputs';

const SEEDS = [
  'pkg:npm/%40angular/animation@12.3.1',
  'pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&repository_url=repo.spring.io%2Frelease',
  'pkg:git/codeberg.org/forgejo/forgejo@a72d2c07#options/locale_readme.md',
  'pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64',
  'pkg:golang/google.golang.org/genproto#googleapis/api/annotations',
  'pkg:julia/Dates@1.9.0?uuid=ade2ca70-3891-5945-98fb-dc099432e06a',
];

describe('purl parser fuzzing (fast-check)', () => {
  it('returns a value or throws FormatError on 12,000 generated and mutated inputs, in both modes', () => {
    expect(fuzzParser((s) => parsePurl(s), SEEDS)).toBeGreaterThanOrEqual(10_000);
    expect(fuzzParser((s) => normalizePurl(s), SEEDS, 2000)).toBeGreaterThanOrEqual(4000);
  });

  it('canonical form is a fixed point: normalize(normalize(x)) = normalize(x)', () => {
    fc.assert(
      fc.property(mutated(SEEDS), (input) => {
        let once: string;
        try {
          once = normalizePurl(input);
        } catch (err) {
          if (err instanceof FormatError) return;
          throw err;
        }
        expect(normalizePurl(once)).toBe(once);
        expect(serializePurl(buildPurl(parsePurl(once, 'lenient')))).toBe(once);
      }),
      { numRuns: 3000, seed: 3 },
    );
  });
});
