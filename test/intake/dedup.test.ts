import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DedupIndex, placeOf, thresholdFor } from '../../src/domain/intake/dedup-index';
import { fingerprintsOf, normaliseEndpoint, normaliseFile, normaliseFunction } from '../../src/domain/intake/fingerprint';
import type { DedupFacts } from '../../src/domain/intake/finding';
import { fnv1a, minhash, shinglesOf, similarity, wordHashes, words } from '../../src/domain/intake/minhash';

const facts = (over: Partial<DedupFacts> = {}): DedupFacts => ({
  targetKey: 'pkg:npm/image-lib',
  file: 'src/png/chunk.c',
  line: 120,
  function: 'read_chunk',
  endpoint: null,
  cwe: 'CWE-787',
  title: 'Heap overflow in read_chunk',
  description:
    'read_chunk trusts the 32-bit length field of a PNG chunk and copies that many bytes into a fixed heap buffer, so a crafted image overwrites adjacent heap memory and can lead to code execution.',
  stackTrace: '#0 0x4f2a in read_chunk src/png/chunk.c:120\n#1 0x4f9b in png_decode src/png/decode.c:88\n#2 0x5011 in main',
  ...over,
});

function stored(index: DedupIndex, f: DedupFacts, reportId: string, findingId = reportId): void {
  const d = index.decide(f);
  for (const fp of d.fingerprints) index.addFingerprint(fp.value, reportId);
  if (d.kind === 'new') index.addSignature({ findingId, reportId, targetKey: f.targetKey, cwe: f.cwe, ...placeOf(f), signature: d.signature });
}

describe('normalisation', () => {
  it('reduces paths, functions and endpoints to comparable forms', () => {
    expect(normaliseFile('file:///./src\\png//chunk.c')).toBe('src/png/chunk.c');
    expect(normaliseFile('./src/a.c')).toBe('src/a.c');
    expect(normaliseFunction('ns::Decoder::read (int len) const')).toBe('ns::Decoder::read');
    expect(normaliseEndpoint('post https://api.example.com/Users/42/orders/0190a1b2-0000-7000-8000-000000000001?x=1')).toBe('POST /users/:id/orders/:id');
  });
});

describe('exact fingerprints', () => {
  it('are versioned, several per finding, and stable under formatting differences', () => {
    const a = fingerprintsOf(facts());
    expect(a.map((f) => f.algorithm)).toEqual(['v1:loc', 'v1:fn']);
    expect(fingerprintsOf(facts({ file: null, line: null, function: null })).map((f) => f.algorithm)).toEqual(['v1:txt']);
    const b = fingerprintsOf(facts({ file: './src/png/chunk.c', function: 'read_chunk(uint8_t *p)' }));
    expect(b).toEqual(a);
  });

  it('differ for another product, another weakness or another line', () => {
    const base = fingerprintsOf(facts())[0]!.value;
    expect(fingerprintsOf(facts({ targetKey: 'pkg:npm/other' }))[0]!.value).not.toBe(base);
    expect(fingerprintsOf(facts({ cwe: 'CWE-125' }))[0]!.value).not.toBe(base);
    expect(fingerprintsOf(facts({ line: 121 }))[0]!.value).not.toBe(base);
  });
});

describe('dedup index', () => {
  it('finds an exact duplicate through any one fingerprint', () => {
    const index = new DedupIndex();
    stored(index, facts(), 'r1');
    expect(index.decide(facts({ line: 999, description: 'something else entirely' }))).toMatchObject({ kind: 'exact', reportId: 'r1' });
  });

  it('finds a near duplicate: same bug reworded, moved lines, different function spelling', () => {
    const index = new DedupIndex();
    stored(index, facts(), 'r1');
    const near = facts({
      line: 131,
      function: 'png::read_chunk_impl',
      description:
        'read_chunk trusts the 32-bit length field of a PNG chunk and copies that many bytes into a fixed-size heap buffer; a crafted image overwrites adjacent heap memory and can lead to remote code execution.',
    });
    const d = index.decide(near);
    expect(d).toMatchObject({ kind: 'near', reportId: 'r1' });
  });

  it('keeps different bugs apart: another target, another weakness, another description', () => {
    const index = new DedupIndex();
    stored(index, facts(), 'r1');
    expect(index.decide(facts({ targetKey: 'pkg:npm/other', line: 1, function: 'x' })).kind).toBe('new');
    expect(index.decide(facts({ cwe: 'CWE-125', line: 1, function: 'x' })).kind).toBe('new');
    const other = facts({
      line: 7,
      function: 'set_cookie',
      file: 'src/http/cookie.c',
      title: 'Cookie without HttpOnly',
      description: 'The session cookie is issued without the HttpOnly attribute, so a script injected into any page can read it and hijack the session.',
      stackTrace: null,
    });
    expect(index.decide(other).kind).toBe('new');
  });

  it('asks for more similarity the further apart two findings are', () => {
    const here = { file: 'a.c', line: 10 };
    expect(thresholdFor(here, { file: 'a.c', line: 40 })).toBeLessThan(thresholdFor(here, { file: 'a.c', line: 400 }));
    expect(thresholdFor(here, { file: 'a.c', line: 400 })).toBeLessThan(thresholdFor(here, { file: 'b.c', line: 10 }));
    expect(thresholdFor(here, { file: null, line: null })).toBeLessThan(thresholdFor(here, { file: 'b.c', line: 10 }));
  });

  it('estimates similarity from signatures', () => {
    const a = minhash(shinglesOf(facts()));
    expect(similarity(a, a)).toBe(1);
    expect(
      similarity(
        a,
        minhash(
          shinglesOf(facts({ title: 'x', description: 'completely unrelated words about cookies and sessions', stackTrace: null, file: 'b', function: 'c' })),
        ),
      ),
    ).toBeLessThan(0.3);
  });

  it('keeps a stage to itself until it is absorbed', () => {
    const index = new DedupIndex();
    const stage = index.stage();
    stored(stage, facts(), 'r1');
    expect(stage.decide(facts()).kind).toBe('exact');
    expect(index.decide(facts()).kind).toBe('new');
    index.absorb(stage);
    expect(index.decide(facts())).toMatchObject({ kind: 'exact', reportId: 'r1' });
  });

  it('re-points a signature when its finding moves to another report', () => {
    const index = new DedupIndex();
    const f = facts();
    stored(index, f, 'r1', 'f1');
    const d = index.decide(f);
    index.addSignature({ findingId: 'f1', reportId: 'r2', targetKey: f.targetKey, cwe: f.cwe, ...placeOf(f), signature: minhash(shinglesOf(f)) });
    expect(d.kind).toBe('exact');
    expect(index.nearest(f.targetKey, f.cwe, placeOf(f), minhash(shinglesOf(f)))?.reportId).toBe('r2');
    expect(index.size.signatures).toBe(1);
  });
});

describe('shingle words', () => {
  it('the one-pass word hashes equal the hashes of the words, for any text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('the ', 'THE', 'which ', '42 ', '٣٤ ', '_a_', 'İstanbul ', 'ß', '𝔘𝔫𝔦', '\ud800', 'x1y2', ' when'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(wordHashes(text)).toEqual(words(text).map(fnv1a));
      }),
    );
  });
});
