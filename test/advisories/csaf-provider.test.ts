import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAdvisoriesLocally } from '../../src/services/advisories/import';
import { readImportFile } from '../../src/services/advisories/import-read';
import { validateCsaf } from '../../src/standards/csaf/index';
import { validateCve5 } from '../../src/standards/cve5/index';
import { validateStixBundle } from '../../src/standards/stix/index';
import { runMandatoryTests } from '../standards/csaf/mandatory-tests';
import { Browser } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { vectorPath } from '../helpers/vectors';
import { advisoryContent, advisoryDataDir } from './fixtures';

const interop = <T>(m: T): T => (m as { default?: T }).default ?? m;
const CSAF_DIR = `${vectorPath('standards/csaf/csaf_2.0')}/`;
const dir = advisoryDataDir();

/** The official CSAF 2.0 provider-metadata schema (with the CSAF and CVSS schemas it references). */
function providerSchemaValidator() {
  const Ajv = interop(Ajv2020Module) as unknown as new (
    o: object,
  ) => { addSchema(s: object): void; getSchema(id: string): ((v: unknown) => boolean) & { errors?: unknown } };
  const ajv = new Ajv({ strict: false, allErrors: true });
  (interop(addFormatsModule) as unknown as (a: unknown) => void)(ajv);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((f) => (statSync(`${d}/${f}`).isDirectory() ? walk(`${d}/${f}`) : f.endsWith('.json') ? [`${d}/${f}`] : []));
  // The referenced CVSS schemas are older drafts; their keywords read the same under 2020-12.
  for (const f of [...walk(`${CSAF_DIR}json_schema`), ...walk(`${CSAF_DIR}referenced_schema`)]) {
    if (f.includes('_strict')) continue;
    const { $schema: _dialect, id, ...schema } = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
    // the CVSS schemas' ids carry a `?date`; CSAF refers to them without it
    const $id = String(id ?? schema.$id).replace(/\?\d+$/, '');
    ajv.addSchema({ ...schema, $id });
  }
  return ajv.getSchema('https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json')!;
}

describe('CSAF 2.0 provider and per-advisory exports', () => {
  let t: TestServer;
  let b: Browser;
  let own: string;

  beforeAll(async () => {
    // CVE 5 output names its CNA (ADR 0023)
    t = await startTestServer({ AISC_CVE_ASSIGNER_ORG_ID: '5a1b3c4d-0e2f-4a6b-8c7d-9e0f1a2b3c4d', AISC_CVE_ASSIGNER_SHORT_NAME: 'ExampleCNA' });
    b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    const d = await b.call('POST', '/api/advisories', { content: advisoryContent('csaf-pkg', { cveId: 'CVE-2026-55555' }) });
    // publication gives the draft its public id (ADR 0021)
    own = (await b.call('POST', `/api/advisories/${d.json.id}/publish`)).json.id;
    expect(own).toMatch(/^AISC-2026-\d{5}$/);
    const content = advisoryContent('csaf-pkg', { cveId: 'CVE-2026-55555', description: 'Revised: also affects 1.2.2.' });
    expect((await b.call('POST', `/api/advisories/${own}/revise`, { content, summary: 'More detail.' })).status).toBe(200);
    const text = readFileSync(`${dir}rustsec.osv.ndjson`, 'utf8').split('\n').slice(0, 150).join('\n');
    await importAdvisoriesLocally(t.server.runtime.ctx, readImportFile(text).items);
  }, 60_000);
  afterAll(() => t?.close());

  const text = async (path: string) => {
    const r = await fetch(t.url + path);
    expect(r.status, path).toBe(200);
    return r.text();
  };

  it('serves provider-metadata.json valid against the official provider schema', async () => {
    const meta = JSON.parse(await text('/.well-known/csaf/provider-metadata.json'));
    const validate = providerSchemaValidator();
    expect(validate(meta), JSON.stringify(validate.errors)).toBe(true);
    expect(meta.role).toBe('csaf_provider');
    expect(meta.distributions[0].rolie.feeds[0].tlp_label).toBe('WHITE');
  });

  it('lists every published document in index.txt, changes.csv and the ROLIE feed, each valid with hashes', async () => {
    const index = (await text('/.well-known/csaf/clear/index.txt')).trim().split('\n');
    const changes = (await text('/.well-known/csaf/clear/changes.csv'))
      .trim()
      .split('\n')
      .map((l) => l.split(',').map((c) => JSON.parse(c) as string));
    const feed = JSON.parse(await text('/.well-known/csaf/clear/csaf-feed-tlp-white.json')).feed;
    expect(index).toHaveLength(151);
    expect(changes.map((c) => c[0]).sort()).toEqual([...index].sort());
    expect(feed.entry).toHaveLength(151);
    // changes.csv is newest first (§7.1.13)
    expect(changes.map((c) => c[1])).toEqual([...changes.map((c) => c[1]!)].sort().reverse());
    let failures = 0;
    for (const [path, current] of changes) {
      const doc = await text(`/.well-known/csaf/clear/${path}`);
      const json = JSON.parse(doc);
      const [year, file] = path!.split('/');
      expect(file).toBe(`${json.document.tracking.id.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`);
      expect(year).toBe(json.document.tracking.initial_release_date.slice(0, 4));
      expect(json.document.tracking.current_release_date).toBe(current);
      expect(await text(`/.well-known/csaf/clear/${path}.sha256`)).toBe(`${createHash('sha256').update(doc).digest('hex')}  ${file}\n`);
      expect(await text(`/.well-known/csaf/clear/${path}.sha512`)).toBe(`${createHash('sha512').update(doc).digest('hex')}  ${file}\n`);
      const schema = validateCsaf(json);
      const mandatory = runMandatoryTests(json);
      if (schema.length || !(await mandatory).isValid) {
        failures++;
        console.error(
          path,
          JSON.stringify(schema).slice(0, 300),
          JSON.stringify((await mandatory).tests.filter((x: { isValid: boolean }) => !x.isValid)).slice(0, 600),
        );
      }
    }
    console.log(`CSAF provider: ${changes.length - failures}/${changes.length} documents pass the schema and every mandatory test`);
    expect(failures).toBe(0);
    const mine = JSON.parse(await text(`/.well-known/csaf/clear/2026/${own.toLowerCase()}.json`));
    expect(mine.document.tracking.revision_history.map((r: { number: string }) => r.number)).toEqual(['1', '2']);
    expect(mine.document.distribution.tlp.label).toBe('WHITE');
    // CSAF 2.0 §3.2.3.3: the weakness with its catalogue name (mandatory test 6.1.11 checks the name)
    expect(mine.vulnerabilities[0].cwe).toEqual({
      id: 'CWE-1321',
      name: "Improperly Controlled Modification of Object Prototype Attributes ('Prototype Pollution')",
    });
  });

  it('answers 404 for wrong years, names and unpublished drafts', async () => {
    const d = await b.call('POST', '/api/advisories', { content: advisoryContent('draft-only') });
    for (const p of [
      `/.well-known/csaf/clear/2025/${own.toLowerCase()}.json`,
      `/.well-known/csaf/clear/2026/${own}.json`,
      `/.well-known/csaf/clear/2026/${d.json.id.toLowerCase()}.json`,
      '/.well-known/csaf/clear/2026/..%2Fx.json',
    ]) {
      expect((await fetch(t.url + p)).status, p).toBe(404);
    }
  });

  it('serves CVE JSON 5 and STIX 2.1 per advisory, valid against their schemas', async () => {
    const cve = await b.call('GET', `/api/advisories/${own}/cve5`);
    expect(cve.status).toBe(200);
    expect(validateCve5(cve.json)).toEqual([]);
    expect(cve.json.cveMetadata.cveId).toBe('CVE-2026-55555');
    expect(cve.json.containers.cna.problemTypes).toEqual([
      {
        descriptions: [
          {
            lang: 'en',
            type: 'CWE',
            cweId: 'CWE-1321',
            description: "CWE-1321 Improperly Controlled Modification of Object Prototype Attributes ('Prototype Pollution')",
          },
        ],
      },
    ]);
    const stix = await b.call('GET', `/api/advisories/${own}/stix`);
    expect(validateStixBundle(stix.json)).toEqual([]);
    expect(stix.json.objects.some((o: { type: string; name?: string }) => o.type === 'vulnerability')).toBe(true);
    const osv = await b.call('GET', `/api/advisories/${own}/osv`);
    // OSV's face of an AISC id carries the schema-valid prefix (ADR 0023)
    expect(osv.json).toMatchObject({ id: `x_${own}`, aliases: ['CVE-2026-55555'], database_specific: { cwe_ids: ['CWE-1321'] } });
    expect(osv.json.credits[0].name).toContain('model-x');
    // an advisory without a CVE id has no CVE record: a clear 409 naming why
    const draft = await b.call('POST', '/api/advisories', { content: advisoryContent('no-cve') });
    const none = await b.call('GET', `/api/advisories/${draft.json.id}/cve5`);
    expect(none.status).toBe(409);
    expect(none.json.detail).toContain('no CVE id');
  });
});
