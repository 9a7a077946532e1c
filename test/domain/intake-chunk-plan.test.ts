import { describe, expect, it } from 'vitest';
import { type Admission, planChunk, type PlannableFinding } from '../../src/domain/intake/chunk-plan';
import { DedupIndex, prepareDedup } from '../../src/domain/intake/dedup-index';
import type { DedupFacts } from '../../src/domain/intake/finding';
import { resolveKeys, type StoredUnderKey, type ValidItem } from '../../src/domain/intake/idempotency';

// The intake chunk's plan (ADR 0055) is pure: given the items, the stored keys, the admission
// and the dedup index, it says what is stored and what each item is answered.

type F = PlannableFinding & { readonly name: string };

const facts = (title: string, over: Partial<DedupFacts> = {}): DedupFacts => ({
  targetKey: 'pkg:npm/left-pad',
  file: 'src/index.js',
  line: 10,
  function: 'pad',
  endpoint: null,
  cwe: 'CWE-787',
  title,
  description: `${title}: a heap overflow when the pad length exceeds the buffer, reachable from the public API with a crafted argument`,
  stackTrace: null,
  ...over,
});

const finding = (name: string, dedup: DedupFacts, over: Partial<F> = {}): F => ({
  name,
  idempotencyKey: null,
  contentDigest: `digest of ${name}`,
  exploited: false,
  dedup,
  attachments: [],
  ...over,
});

const items = (...fs: F[]): ValidItem<F>[] => fs.map((finding, index) => ({ index, finding, prepared: prepareDedup(finding.dedup) }));
const open: Admission = { normal: 1_000, priority: 1_000, retryAfter: { normal: 1, priority: 1 }, budget: { day: 5_000 } };
const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('the intake chunk plan', () => {
  it('opens one report per new bug and joins the chunk’s own duplicates to it', () => {
    const a = finding('a', facts('overflow in pad'), { exploited: false });
    const b = finding('b', facts('overflow in pad'), { exploited: true, contentDigest: 'other' });
    const c = finding('c', facts('path traversal in loader', { file: 'src/load.js', function: 'load', cwe: 'CWE-22', line: 400 }));
    const plan = planChunk(resolveKeys(items(a, b, c), []), open, new DedupIndex().stage(), counter());
    expect(plan.findings.map((f) => [f.finding.name, f.disposition, f.duplicateKind])).toEqual([
      ['a', 'accepted', null],
      ['b', 'duplicate', 'exact'],
      ['c', 'accepted', null],
    ]);
    const [fa, fb, fc] = plan.findings;
    expect(fb!.reportId).toBe(fa!.reportId);
    expect(fc!.reportId).not.toBe(fa!.reportId);
    // The new report counts both findings and is exploited because the duplicate is.
    expect(plan.reports.get(fa!.reportId)).toMatchObject({ findingCount: 2, exploited: true, opener: a });
    expect(plan.reports.size).toBe(2);
    expect(plan.joins.size).toBe(0);
    expect(plan.answers.get(1)).toEqual({ index: 1, status: 'duplicate', findingId: fb!.id, reportId: fa!.reportId, match: 'exact' });
    // Only findings that taught the index something get a dedup-log row; each opener carries its signature.
    expect(plan.dedupKeys.map((k) => [k.finding.name, k.signature !== null])).toEqual([
      ['a', true],
      ['c', true],
    ]);
  });

  it('joins duplicates of reports stored before the chunk, counted per report', () => {
    const root = new DedupIndex();
    const before = planChunk(resolveKeys(items(finding('old', facts('overflow in pad'))), []), open, root.stage(), counter());
    const stage = root.stage();
    // What the process's index learns after the earlier chunk commits.
    const first = before.findings[0]!;
    for (const k of before.dedupKeys) for (const fp of k.fingerprints) stage.addFingerprint(fp.value, first.reportId);
    const plan = planChunk(
      resolveKeys(items(finding('x', facts('overflow in pad')), finding('y', facts('overflow in pad'), { exploited: true })), []),
      open,
      stage,
      () => `new-${Math.random()}`,
    );
    expect(plan.reports.size).toBe(0);
    expect([...plan.joins.values()]).toEqual([{ reportId: first.reportId, added: 2, exploited: true }]);
    expect(plan.dedupKeys).toEqual([]);
  });

  it('answers items over their lane’s admission RATE_LIMITED, each lane on its own', () => {
    const fs = [
      finding('n1', facts('one', { targetKey: 'a' })),
      finding('n2', facts('two', { targetKey: 'b' })),
      finding('p1', facts('three', { targetKey: 'c' }), { exploited: true }),
    ];
    const plan = planChunk(
      resolveKeys(items(...fs), []),
      { normal: 1, priority: 1, retryAfter: { normal: 42, priority: 7 }, budget: { day: 3 } },
      new DedupIndex().stage(),
      counter(),
    );
    expect(plan.findings.map((f) => f.finding.name)).toEqual(['n1', 'p1']);
    expect(plan.answers.get(1)).toMatchObject({ status: 'rejected', code: 'RATE_LIMITED', retryAfterSeconds: 42 });
    expect(plan.answers.get(2)).toMatchObject({ status: 'accepted' });
  });

  it('replays stored keys, refuses a key reused for other content, and answers in-chunk repeats as their first', () => {
    const stored: StoredUnderKey[] = [
      { id: 'f-old', idempotencyKey: 'k1', contentDigest: 'same', reportId: 'r-old', disposition: 'duplicate', duplicateKind: 'near' },
    ];
    const fs = [
      finding('replay', facts('one'), { idempotencyKey: 'k1', contentDigest: 'same' }),
      finding('conflict', facts('two'), { idempotencyKey: 'k1', contentDigest: 'changed' }),
      finding('first', facts('three', { targetKey: 'z' }), { idempotencyKey: 'k2', contentDigest: 'd3' }),
      finding('repeat', facts('three', { targetKey: 'z' }), { idempotencyKey: 'k2', contentDigest: 'd3' }),
    ];
    const plan = planChunk(resolveKeys(items(...fs), stored), open, new DedupIndex().stage(), counter());
    expect(plan.answers.get(0)).toEqual({ index: 0, status: 'duplicate', findingId: 'f-old', reportId: 'r-old', match: 'near', replayed: true });
    expect(plan.answers.get(1)).toMatchObject({ status: 'rejected', code: 'CONFLICT', problems: [{ path: '/idempotencyKey' }] });
    const first = plan.answers.get(2)!;
    expect(plan.answers.get(3)).toEqual({ ...first, index: 3, replayed: true });
    // Only the first of the repeated pair is stored.
    expect(plan.findings.map((f) => f.finding.name)).toEqual(['first']);
  });

  it('gives each attachment an id, and teaches the stage so the next chunk finds the bug', () => {
    const stage = new DedupIndex().stage();
    const f = finding('with files', facts('overflow in pad'), { attachments: [{ digest: 'sha256:a' }, { digest: 'sha256:b' }] });
    const plan = planChunk(resolveKeys(items(f), []), open, stage, counter());
    const [stored] = plan.findings;
    expect(stored!.attachmentIds).toHaveLength(2);
    expect(new Set([stored!.id, stored!.reportId, ...stored!.attachmentIds]).size).toBe(4);
    expect(stage.decide(facts('overflow in pad'))).toMatchObject({ kind: 'exact', reportId: stored!.reportId });
  });
});
