import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { parseCsaf } from '../../../src/standards/csaf';
import { parseCve5 } from '../../../src/standards/cve5';
import { parseOsv } from '../../../src/standards/osv';
import { parseStixBundle } from '../../../src/standards/stix';
import { osvAdvisoryLines, sharedDataPath } from './shared-data';

async function aisc(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr, env: {} });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

const dir = mkdtempSync(join(tmpdir(), 'aisc-formats-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('aisc validate / aisc convert', () => {
  const withCve = osvAdvisoryLines().find((l) => l.file.startsWith('rustsec') && l.line.includes('"CVE-'))!.line;
  const osvFile = file('record.osv.json', withCve);

  it('validate: a valid document exits 0; an invalid one prints every problem as path: message and exits 3', async () => {
    expect((await aisc('validate', '--format', 'osv', osvFile)).code).toBe(0);
    const bad = JSON.parse(withCve) as Record<string, unknown>;
    delete bad.modified;
    bad.references = [{ type: 'NOPE', url: 'https://x.example' }];
    const result = await aisc('validate', '--format', 'osv', file('bad.json', JSON.stringify(bad)));
    expect(result.code).toBe(3);
    expect(result.stdout.trim().split('\n')).toEqual([
      '/modified: is required',
      '/references/0/type: must be one of "ADVISORY", "ARTICLE", "DETECTION", "DISCUSSION", "REPORT", "FIX", "INTRODUCED", "GIT", "PACKAGE", "EVIDENCE", "WEB"',
    ]);
    expect(result.stderr).toMatch(/^aisc: osv: 2 problems/);
  });

  it('validate: truncated input, an unknown format and a missing file are clear errors', async () => {
    const truncated = await aisc('validate', '--format', 'csaf', file('cut.json', withCve.slice(0, 100)));
    expect(truncated.code).toBe(3);
    expect(truncated.stdout).toMatch(/^\/: truncated JSON/);
    expect((await aisc('validate', '--format', 'nope', osvFile)).stderr).toMatch(/unknown format "nope"; known: csaf, cve5/);
    expect((await aisc('validate', '--format', 'osv', join(dir, 'absent.json'))).code).toBe(5);
  });

  it('convert: osv → csaf, cve5, stix; csaf → osv; cve5 → osv; each output parses as its format', async () => {
    const csaf = await aisc('convert', '--from', 'osv', '--to', 'csaf', osvFile);
    expect(csaf.code).toBe(0);
    const doc = parseCsaf(csaf.stdout);
    const cve = await aisc('convert', '--from', 'osv', '--to', 'cve5', osvFile);
    expect(parseCve5(cve.stdout).cveMetadata.state).toBe('PUBLISHED');
    expect(parseStixBundle((await aisc('convert', '--from', 'osv', '--to', 'stix', osvFile)).stdout).type).toBe('bundle');
    const fromCsaf = JSON.parse((await aisc('convert', '--from', 'csaf', '--to', 'osv', file('doc.json', csaf.stdout))).stdout) as unknown[];
    expect(fromCsaf).toHaveLength(doc.vulnerabilities!.length);
    expect(parseOsv(JSON.stringify(fromCsaf[0])).id).toBe(JSON.parse(withCve).id);
    const fromCve = await aisc('convert', '--from', 'cve5', '--to', 'osv', file('cve.json', cve.stdout));
    expect(parseOsv(fromCve.stdout).id).toMatch(/^CVE-/);
  });

  it('convert: refuses a pair with no conversion and names the ones offered', async () => {
    const result = await aisc('convert', '--from', 'stix', '--to', 'osv', osvFile);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/no conversion from stix to osv/);
  });

  it('convert: CSAF VEX ⇄ OpenVEX', async () => {
    const vex = sharedDataPath('standards/csaf/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-na-001.json');
    const openvex = await aisc('convert', '--from', 'csaf', '--to', 'openvex', vex);
    expect(openvex.code).toBe(0);
    expect((await aisc('validate', '--format', 'openvex', file('o.json', openvex.stdout))).code).toBe(0);
    const back = await aisc('convert', '--from', 'openvex', '--to', 'csaf', join(dir, 'o.json'));
    expect(parseCsaf(back.stdout).document.category).toBe('csaf_vex');
  });
});
