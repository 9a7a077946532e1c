import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';

/** The offline frontier verbs (issue 11, "Exact contracts"), run through the real CLI. */
const dir = mkdtempSync(join(tmpdir(), 'aisc-frontier-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const M1 = {
  id: 'm1',
  trainingCompute: { pretraining: 1.2e25, fineTuning: 3e23, reinforcementLearning: 1e24, other: 0 },
  bioSequenceDataShare: 0.02,
  parameters: 4e11,
  capabilities: { reasoning: true, autonomousToolUse: true },
  evaluations: { cyber: 0.62 },
  developerAnnualRevenueUsd: 8e8,
};
const PLAN = {
  policy: { windowDays: 30, mode: 'minimum', milestone: 'general' },
  releases: { trustedPartner: '2026-09-01T00:00:00Z', general: '2026-09-20T00:00:00Z' },
  grants: [{ start: '2026-08-01T00:00:00Z', end: '2026-09-30T00:00:00Z', outages: [{ start: '2026-08-10T00:00:00Z', end: '2026-08-12T00:00:00Z' }] }],
  checkpoints: { tested: 'sha256:…', released: 'sha256:…' },
  asOf: '2026-08-15T00:00:00Z',
};
const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

describe('aisc frontier evaluate', () => {
  it('prints one JSON line per input line, in order, with every rule set', async () => {
    const input = file(
      'ok.ndjson',
      `${JSON.stringify(M1)}\n${JSON.stringify({ id: 'm2', trainingCompute: { pretraining: 2e26 }, developerAnnualRevenueUsd: 5e8 })}\n{}\n`,
    );
    const { code, stdout, stderr } = await cli(['frontier', 'evaluate', input, '--json'], {});
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = lines(stdout).map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['m1', 'm2', null]);
    expect(out[0].results.map((r: { ruleSet: string; outcome: string }) => `${r.ruleSet}:${r.outcome}`)).toEqual([
      'eu-ai-act-gpai-systemic-risk:covered',
      'ca-sb53-frontier-model:not_covered',
      'ca-sb53-large-frontier-developer:not_covered',
      'us-eo14110-dual-use:not_covered',
      'us-eo14409-proxy:covered',
    ]);
    expect(Object.keys(out[0])).toEqual(['id', 'results']);
    expect(Object.keys(out[0].results[0])).toEqual(['ruleSet', 'version', 'outcome', 'reasons']);
    expect(out[0].results[0].reasons[0]).toBe('cumulative training compute 1.33e25 FLOP > 1e25 FLOP (Art. 51(2))');
    expect(out[1].results[2]).toMatchObject({ ruleSet: 'ca-sb53-large-frontier-developer', outcome: 'not_covered' });
    expect(out[2].results.every((r: { outcome: string }) => r.outcome === 'insufficient_evidence')).toBe(true);
  });

  it('reads stdin and keeps only the asked rule sets, in the asked order', async () => {
    const { code, stdout } = await cli(
      ['frontier', 'evaluate', '-', '--rule-set', 'us-eo14409-proxy', 'ca-sb53-frontier-model', '--json'],
      {},
      `${JSON.stringify(M1)}\n`,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).results.map((r: { ruleSet: string }) => r.ruleSet)).toEqual(['us-eo14409-proxy', 'ca-sb53-frontier-model']);
    const repeated = await cli(
      ['frontier', 'evaluate', '--rule-set', 'us-eo14110-dual-use', '--rule-set', 'eu-ai-act-gpai-systemic-risk,ca-sb53-frontier-model', '-', '--json'],
      {},
      JSON.stringify(M1),
    );
    expect(repeated.code).toBe(0);
    expect(JSON.parse(repeated.stdout).results.map((r: { ruleSet: string }) => r.ruleSet)).toEqual([
      'us-eo14110-dual-use',
      'eu-ai-act-gpai-systemic-risk',
      'ca-sb53-frontier-model',
    ]);
  });

  it('refuses an unknown rule set with one line and exit 3, printing nothing', async () => {
    const input = file('one.ndjson', `${JSON.stringify(M1)}\n`);
    const { code, stdout, stderr } = await cli(['frontier', 'evaluate', input, '--rule-set', 'eu-ai-act-gpai-systemic-risk', 'no-such-rules', '--json'], {});
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toContain('no-such-rules');
  });

  it('reports a malformed line with its number and JSON path, prints the rest, and exits 3', async () => {
    const input = file(
      'bad.ndjson',
      [
        JSON.stringify(M1),
        '',
        JSON.stringify({ id: 'neg', trainingCompute: { pretraining: -5 } }),
        '{oops',
        JSON.stringify({ id: 'share', bioSequenceDataShare: 1.2 }),
        JSON.stringify({ id: 'last' }),
      ].join('\n'),
    );
    const { code, stdout, stderr } = await cli(['frontier', 'evaluate', input, '--json'], {});
    expect(code).toBe(3);
    expect(lines(stdout).map((l) => JSON.parse(l).id)).toEqual(['m1', 'last']);
    const errors = lines(stderr).map((l) => JSON.parse(l).error);
    expect(errors.slice(0, 3)).toMatchObject([
      {
        code: 'VALIDATION',
        line: 3,
        path: '/trainingCompute/pretraining',
        message: expect.stringMatching(/^line 3: \/trainingCompute\/pretraining: .*negative/),
      },
      { code: 'VALIDATION', line: 4, path: '', message: expect.stringContaining('not JSON') },
      {
        code: 'VALIDATION',
        line: 5,
        path: '/bioSequenceDataShare',
        details: [{ path: '/bioSequenceDataShare', message: expect.stringContaining('between 0 and 1') }],
      },
    ]);
    expect(errors).toHaveLength(4);
    const text = await cli(['frontier', 'evaluate', input], {});
    expect(text.code).toBe(3);
    expect(text.stderr).toContain('line 3: /trainingCompute/pretraining: must not be negative');
    expect(text.stderr).toContain('line 5: /bioSequenceDataShare');
  });

  it('takes a byte-order mark, CRLF line ends and numeric ids', async () => {
    const { code, stdout } = await cli(
      ['frontier', 'evaluate', '-', '--json', '--rule-set', 'ca-sb53-frontier-model'],
      {},
      `\ufeff{"id":7,"trainingCompute":{"pretraining":2e26}}\r\n{"id":"b"}\r\n`,
    );
    expect(code).toBe(0);
    expect(lines(stdout).map((l) => JSON.parse(l))).toMatchObject([
      { id: 7, results: [{ outcome: 'covered' }] },
      { id: 'b', results: [{ outcome: 'insufficient_evidence' }] },
    ]);
  });

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await cli(['frontier', 'evaluate', '-'], {}, `${JSON.stringify(M1)}\n${JSON.stringify({ trainingCompute: { other: 1 } })}\n`);
    expect(code).toBe(0);
    const rows = lines(stdout);
    expect(rows[0]).toMatch(/^model\s+rule set\s+outcome\s+reasons$/);
    expect(rows).toHaveLength(11);
    expect(rows[1]).toMatch(/^m1\s+eu-ai-act-gpai-systemic-risk@2025-08-02\s+covered\s+cumulative training compute 1.33e25 FLOP > 1e25 FLOP/);
    expect(rows[6]).toMatch(/^\(line 2\)\s+eu-ai-act-gpai-systemic-risk/);
  });

  it('says so when the file is missing or not given', async () => {
    expect((await cli(['frontier', 'evaluate', join(dir, 'nope.ndjson'), '--json'], {})).code).toBe(5);
    const none = await cli(['frontier', 'evaluate'], {});
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('NDJSON');
  });
});

describe('aisc frontier access-window', () => {
  it('prints the contract object for the issue example', async () => {
    const { code, stdout, stderr } = await cli(['frontier', 'access-window', file('plan.json', JSON.stringify(PLAN)), '--json'], {});
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      releaseAt: '2026-09-20T00:00:00.000Z',
      leadTimeDays: 50,
      effectiveAccessDays: 12,
      scheduledAccessDays: 48,
      status: 'on_track',
      lateByDays: 0,
      drift: false,
    });
    expect(lines(stdout)).toHaveLength(1);
  });

  it('reads stdin, defaults asOf to now, and prints readable lines without --json', async () => {
    const { asOf: _asOf, ...plan } = PLAN;
    const { code, stdout } = await cli(
      ['frontier', 'access-window', '-'],
      {},
      JSON.stringify({ ...plan, releases: { general: '2020-01-20T00:00:00Z' }, grants: [{ start: '2020-01-01T00:00:00Z', end: '2020-01-10T00:00:00Z' }] }),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('status:                 late (late by 21 days)');
    expect(stdout).toContain('effective access:       9 days');
  });

  it('measures an inconsistent but computable plan as the contract defines it, with a note per inconsistency', async () => {
    const plan = {
      ...PLAN,
      releases: { trustedPartner: '2026-09-25T00:00:00Z', general: '2026-09-20T00:00:00Z' },
      policy: { windowDays: 30, mode: 'minimum', milestone: 'trusted_partner' },
      grants: [
        {
          start: '2026-08-01T00:00:00Z',
          end: '2026-09-30T00:00:00Z',
          outages: [
            { start: '2026-08-10T00:00:00Z', end: '2026-08-12T00:00:00Z' },
            { start: '2026-08-11T00:00:00Z', end: '2026-08-13T00:00:00Z' },
          ],
        },
      ],
    };
    const { code, stdout, stderr } = await cli(['frontier', 'access-window', '-', '--json'], {}, JSON.stringify(plan));
    expect(code).toBe(0);
    // The union of the outages is 3 days: 14 days to asOf less 3, 55 days to the trusted-partner release less 3.
    expect(JSON.parse(stdout)).toMatchObject({ releaseAt: '2026-09-25T00:00:00.000Z', effectiveAccessDays: 11, scheduledAccessDays: 52, status: 'on_track' });
    expect(lines(stderr).sort()).toEqual([
      'note: /grants/0/outages/1: overlaps outage 0 of the same grant',
      'note: /releases/trustedPartner: must not be after the general release (trusted partners get the model first)',
    ]);
  });

  it('names the bad field on one line and exits 3', async () => {
    const bad = await cli(
      ['frontier', 'access-window', '-'],
      {},
      JSON.stringify({ ...PLAN, grants: [{ start: '2026-09-01T00:00:00Z', end: '2026-08-01T00:00:00Z' }] }),
    );
    expect(bad.code).toBe(3);
    expect(bad.stdout).toBe('');
    expect(lines(bad.stderr)).toHaveLength(1);
    expect(bad.stderr).toContain('/grants/0/end');
    const json = await cli(['frontier', 'access-window', '-', '--json'], {}, JSON.stringify({ ...PLAN, policy: { windowDays: -1 } }));
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stderr).error.details).toEqual([{ path: '/policy/windowDays', message: expect.any(String) }]);
    const notJson = await cli(['frontier', 'access-window', '-'], {}, '{"policy":');
    expect(notJson.code).toBe(3);
    expect(lines(notJson.stderr)).toHaveLength(1);
  });
});
