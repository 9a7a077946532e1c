import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { aiFinding, intakeWorld, type IntakeWorld } from './world';

const dir = mkdtempSync(join(tmpdir(), 'aisc-submit-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const sarif = (results: number) =>
  JSON.stringify({
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'codeql',
            version: '2.17.0',
            rules: [
              {
                id: 'js/path-injection',
                properties: { tags: ['external/cwe/cwe-022'] },
                shortDescription: { text: 'Uncontrolled data used in path expression' },
              },
            ],
          },
        },
        versionControlProvenance: [{ repositoryUri: 'https://github.com/example/server', revisionId: 'abcdef1234567' }],
        results: Array.from({ length: results }, (_, i) => ({
          ruleId: 'js/path-injection',
          ruleIndex: 0,
          message: { text: `This path depends on a user-provided value (site ${i}) in handler_${i}.` },
          locations: [{ physicalLocation: { artifactLocation: { uri: `src/routes/files_${i}.js` }, region: { startLine: 10 + i } } }],
        })),
      },
    ],
  });

describe('aisc submit', () => {
  let w: IntakeWorld;
  beforeAll(async () => {
    w = await intakeWorld();
  }, 60_000);
  afterAll(async () => w?.close());

  it('submits SARIF to a server: one finding per result, with a progress line and a summary', async () => {
    const r = await cli(['submit', file('scan.sarif', sarif(3)), '--purl', 'pkg:npm/example-server', '--server', w.url, '--token', w.reporterA], {});
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/submitted 3\/3: 3 accepted/);
    expect(r.stdout).toMatch(/^sarif: 3 findings: 3 accepted, 0 duplicate, 0 rejected/);
    const again = await cli(
      ['submit', file('scan.sarif', sarif(3)), '--purl', 'pkg:npm/example-server', '--server', w.url, '--token', w.reporterA, '--json'],
      {},
    );
    const out = JSON.parse(again.stdout);
    expect(out.summary).toMatchObject({ received: 3, duplicate: 3 });
    expect(out.items[0]).toMatchObject({ status: 'duplicate', match: 'exact' });
  });

  it('submits AISC NDJSON and reports each rejected item by path', async () => {
    const nd = [aiFinding(), aiFinding({ weakness: { cwe: 'CWE-999999' } })].map((f) => JSON.stringify(f)).join('\n');
    const r = await cli(['submit', file('f.ndjson', nd), '--server', w.url, '--token', w.reporterA], {});
    expect(r.code, r.stderr).toBe(3); // any item rejected (issue 9 item 21)
    expect(r.stdout).toMatch(/2 findings: 1 accepted, 0 duplicate, 1 rejected/);
    expect(r.stdout).toMatch(/item 1: VALIDATION: \/weakness\/cwe/);
  });

  it('refuses a malformed SARIF log with the problem named', async () => {
    const r = await cli(['submit', file('bad.sarif', '{"version":"2.1.0","runs":[{"tool":{}}]}'), '--server', w.url, '--token', w.reporterA], {});
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/sarif/i);
  });

  it('needs --as to submit locally', async () => {
    const r = await cli(['submit', file('one.json', JSON.stringify(aiFinding()))], { AISC_DATA_DIR: 'memory://' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--as/);
  });
});
