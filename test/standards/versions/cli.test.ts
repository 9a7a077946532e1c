import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';

async function cli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {} };
  let out = '';
  let err = '';
  io.stdout.on('data', (c) => (out += c));
  io.stderr.on('data', (c) => (err += c));
  io.stdin.end(stdin);
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('aisc version', () => {
  it('compares two versions of an ecosystem', async () => {
    expect((await cli(['version', 'compare', '--ecosystem', 'Debian:12', '1.2-1~deb12u1', '1.2-1'])).out).toBe('<\n');
    expect((await cli(['version', 'compare', '--ecosystem', 'Maven', '1.0-SNAPSHOT', '1.0'])).out).toBe('<\n');
    expect((await cli(['version', 'compare', '--ecosystem', 'PyPI', '1.0.post1', '1.0'])).out).toBe('>\n');
    expect((await cli(['version', 'compare', '--ecosystem', 'npm', 'v1.0.0', '1.0.0'])).out).toBe('=\n');
  });

  it('compares tab-separated pairs from stdin, one result per line in order', async () => {
    const r = await cli(['version', 'compare', '--ecosystem', 'RubyGems'], '1.0\t1.0.a\n2.0\t2.0.0\n\n1.10\t1.9\n');
    expect(r).toMatchObject({ code: 0, out: '>\n=\n>\n' });
  });

  it('sorts stdin lines', async () => {
    const r = await cli(['version', 'sort', '--ecosystem', 'Alpine:v3.18'], '1.2_rc1\n1.2\n1.2-r1\n1.2_p1\n');
    expect(r.out).toBe('1.2_rc1\n1.2\n1.2-r1\n1.2_p1\n');
  });

  it('answers in-range for an OSV affected entry, a native range and a vers', async () => {
    const entry = JSON.stringify({ ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.1' }] }] });
    expect((await cli(['version', 'in-range', '--ecosystem', 'PyPI', '2.0', entry])).out).toBe('true\n');
    expect((await cli(['version', 'in-range', '--ecosystem', 'PyPI', '2.0.1', entry])).out).toBe('false\n');
    expect((await cli(['version', 'in-range', '--ecosystem', 'npm', '1.5.0', '^1.2.0'])).out).toBe('true\n');
    expect((await cli(['version', 'in-range', '--ecosystem', 'Maven', '2.0', '[1.0,2.0)'])).out).toBe('false\n');
    const json = await cli(['--json', 'version', 'in-range', '--ecosystem', 'npm', '3.0.0', 'vers:npm/>=1.0.0|<2.0.0']);
    expect(JSON.parse(json.out)).toMatchObject({ ecosystem: 'npm', version: '3.0.0', affected: false });
  });

  it('refuses an invalid version with one line naming the ecosystem and the version', async () => {
    const r = await cli(['version', 'compare', '--ecosystem', 'npm', '1.0', '1.0.0']);
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/npm/);
    expect(r.err).toMatch(/"1\.0"/);
  });

  it('refuses an unknown ecosystem', async () => {
    const r = await cli(['version', 'compare', '--ecosystem', 'Nope', '1', '2']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/unknown ecosystem/);
  });
});
