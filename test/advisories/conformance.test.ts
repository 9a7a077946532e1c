import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCve5 } from '../../src/standards/cve5/index';
import { validateOsv } from '../../src/standards/osv/index';
import { Browser } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { advisoryContent } from './fixtures';

/** Drafts and publishes an advisory; its public id. */
async function publish(b: Browser, pkg: string, over: Parameters<typeof advisoryContent>[1] = {}): Promise<string> {
  const d = await b.call('POST', '/api/advisories', { content: advisoryContent(pkg, over) });
  expect(d.status).toBe(201);
  const p = await b.call('POST', `/api/advisories/${d.json.id}/publish`);
  expect(p.status).toBe(200);
  return p.json.id as string;
}

const ASSIGNER = '5a1b3c4d-0e2f-4a6b-8c7d-9e0f1a2b3c4d';

describe('standards conformance of what AISC publishes (issue 10 §5)', () => {
  let t: TestServer;
  let b: Browser;
  let id: string;
  let bare: string;

  beforeAll(async () => {
    t = await startTestServer({ AISC_PUBLIC_URL: 'https://aisc.example.org' });
    b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    id = await publish(b, 'conform-pkg', { cveId: 'CVE-2026-41001' });
    // no references of its own: CSAF and CVE 5 need one and used to invent an OSV.dev link
    bare = await publish(b, 'bare-pkg', { cveId: 'CVE-2026-41002', references: [] });
  }, 60_000);
  afterAll(() => t?.close());

  it('serves OSV records whose ids the official OSV 1.7 schema accepts, and finds them by that id', async () => {
    expect(id).toMatch(/^AISC-2026-\d{5}$/);
    const osvId = `x_${id}`;
    const r = await fetch(`${t.url}/v1/vulns/${osvId}`);
    expect(r.status).toBe(200);
    const record = await r.json();
    expect(record.id).toBe(osvId);
    expect(validateOsv(record)).toEqual([]);
    // the AISC id itself still resolves (links made before the prefix)
    expect((await (await fetch(`${t.url}/v1/vulns/${id}`)).json()).id).toBe(osvId);
    const exported = await b.call('GET', `/api/advisories/${id}/osv`);
    expect(exported.json.id).toBe(osvId);
    expect(validateOsv(exported.json)).toEqual([]);
    const batch = await (
      await fetch(`${t.url}/v1/querybatch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ queries: [{ package: { ecosystem: 'npm', name: 'conform-pkg' }, version: '1.0.0' }] }),
      })
    ).json();
    expect(batch.results[0].vulns.map((v: { id: string }) => v.id)).toEqual([osvId]);
  });

  it('answers `curl -d` calls (form content type, or none) to /v1/query and /v1/querybatch as JSON', async () => {
    const query = JSON.stringify({ package: { ecosystem: 'npm', name: 'conform-pkg' }, version: '1.0.0' });
    // what `curl -d '{…}' URL` sends
    const form = await fetch(`${t.url}/v1/query`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: query });
    expect(form.status).toBe(200);
    expect((await form.json()).vulns.map((v: { id: string }) => v.id)).toEqual([`x_${id}`]);
    // no content type at all
    const none = await fetch(`${t.url}/v1/query`, { method: 'POST', body: new TextEncoder().encode(query) });
    expect(none.status).toBe(200);
    expect((await none.json()).vulns).toHaveLength(1);
    const batch = await fetch(`${t.url}/v1/querybatch`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `{"queries":[${query}]}`,
    });
    expect(batch.status).toBe(200);
    expect((await batch.json()).results[0].vulns).toHaveLength(1);
    // still checked: not JSON, or not a query
    const bad = await fetch(`${t.url}/v1/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'package=left-pad',
    });
    expect(bad.status).toBe(400);
    const wrong = await fetch(`${t.url}/v1/query`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '{"pkg":1}' });
    expect(wrong.status).toBe(400);
  });

  it('CSAF documents reference the deployment, never an OSV.dev page it does not have', async () => {
    const doc = await b.call('GET', `/api/advisories/${bare}/csaf`);
    expect(doc.status).toBe(200);
    const urls = (doc.json.document.references as { url: string }[]).map((r) => r.url);
    expect(urls).toContain(`https://aisc.example.org/advisories/${bare}`);
    expect(JSON.stringify(doc.json)).not.toContain('osv.dev');
    const file = await fetch(`${t.url}/.well-known/csaf/clear/2026/${bare.toLowerCase()}.json`);
    expect(file.status).toBe(200);
    expect(await file.text()).not.toContain('osv.dev');
  });

  it('STIX bundles link the deployment, never an OSV.dev page it does not have', async () => {
    const doc = await b.call('GET', `/api/advisories/${bare}/stix`);
    expect(doc.status).toBe(200);
    const urls = (doc.json.objects as { external_references?: { url?: string }[] }[]).flatMap((o) => (o.external_references ?? []).map((r) => r.url));
    expect(urls).toContain(`https://aisc.example.org/advisories/${bare}`);
    expect(JSON.stringify(doc.json)).not.toContain('osv.dev');
  });

  it('refuses CVE 5 output without the CNA it is published as', async () => {
    const r = await b.call('GET', `/api/advisories/${id}/cve5`);
    expect(r.status).toBe(409);
    expect(r.json.detail).toContain('AISC_CVE_ASSIGNER_ORG_ID');
    expect(JSON.stringify(r.json)).not.toContain('00000000-0000');
  });
});

describe('CVE 5 output with the CNA configured', () => {
  let t: TestServer;
  afterAll(() => t?.close());

  it('names the configured assigner and validates against the CVE schema', async () => {
    t = await startTestServer({
      AISC_PUBLIC_URL: 'https://aisc.example.org',
      AISC_CVE_ASSIGNER_ORG_ID: ASSIGNER.toUpperCase(),
      AISC_CVE_ASSIGNER_SHORT_NAME: 'ExampleCNA',
    });
    const b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    const bare = await publish(b, 'cna-pkg', { cveId: 'CVE-2026-41003', references: [] });
    const r = await b.call('GET', `/api/advisories/${bare}/cve5`);
    expect(r.status).toBe(200);
    expect(r.json.cveMetadata.assignerOrgId).toBe(ASSIGNER);
    expect(r.json.cveMetadata.assignerShortName).toBe('ExampleCNA');
    expect(r.json.containers.cna.providerMetadata.orgId).toBe(ASSIGNER);
    expect(r.json.containers.cna.references.map((x: { url: string }) => x.url)).toEqual([`https://aisc.example.org/advisories/${bare}`]);
    expect(validateCve5(r.json)).toEqual([]);
  }, 60_000);
});
