import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../helpers/http';
import { eventually } from '../helpers/receiver';
import { startTestServer, type TestServer } from '../helpers/server';
import { advisoryContent } from './fixtures';

/**
 * Embargo safety (issue 4): scheduled advisories are published by the job at their time
 * under a controlled clock; before each time, no public output — OSV get/query/querybatch,
 * the CSAF provider (metadata, index.txt, changes.csv, ROLIE, documents, hashes), the public
 * and anonymous API, per-advisory exports — carries the id, title, package or count of any
 * advisory not yet published; after it, the published one appears everywhere.
 */
describe('embargo: nothing unpublished leaks on any public output', () => {
  const clock = { now: new Date('2026-06-01T12:00:00.000Z') };
  const N = 4;
  let t: TestServer;
  let b: Browser;
  // `id` is the draft's internal id; `publicId` the AISC-YYYY-NNNNN publication gives it (ADR 0021).
  const drafts: { id: string; publicId?: string; pkg: string; title: string; at: Date }[] = [];

  beforeAll(async () => {
    t = await startTestServer({}, { now: () => new Date(clock.now) });
    b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    // one advisory published at once, so that every output has something in it
    const open = await b.call('POST', '/api/advisories', { content: advisoryContent('already-public-pkg') });
    expect(open.status, open.text).toBe(201);
    expect((await b.call('POST', `/api/advisories/${open.json.id}/publish`)).status).toBe(200);
    for (let i = 0; i < N; i++) {
      const pkg = `embargoed-pkg-${i}-zq`;
      const content = advisoryContent(pkg, { title: `EMBARGOED-TITLE-${i}`, cveId: `CVE-2026-${77770 + i}` });
      const d = await b.call('POST', '/api/advisories', { content });
      expect(d.status, d.text).toBe(201);
      const at = new Date(clock.now.getTime() + (i + 1) * 3_600_000);
      expect((await b.call('POST', `/api/advisories/${d.json.id}/schedule`, { publishAt: at.toISOString() })).status).toBe(200);
      drafts.push({ id: d.json.id, pkg, title: content.title, at });
    }
  }, 60_000);
  afterAll(() => t?.close());

  // A problem document echoes the URL asked for (`instance`): that is the caller's own input, not a leak.
  const withoutEcho = async (r: Response) => {
    const text = await r.text();
    return r.ok ? text : text.replace(/"instance":"[^"]*"/, '"instance":""');
  };
  const get = async (path: string) => {
    const r = await fetch(t.url + path);
    return { path, status: r.status, text: await withoutEcho(r) };
  };
  const post = async (path: string, body: unknown) => {
    const r = await fetch(t.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { path: `${path} ${JSON.stringify(body)}`, status: r.status, text: await withoutEcho(r) };
  };

  /** Every public output, anonymously, as text. */
  async function scrape() {
    const queries = drafts.flatMap((d) => [
      { package: { ecosystem: 'npm', name: d.pkg }, version: '1.0.0' },
      { package: { ecosystem: 'npm', name: d.pkg } },
      { package: { purl: `pkg:npm/${d.pkg}@1.0.0` } },
    ]);
    const pages = [
      await get('/.well-known/csaf/provider-metadata.json'),
      await get('/.well-known/csaf/clear/index.txt'),
      await get('/.well-known/csaf/clear/changes.csv'),
      await get('/.well-known/csaf/clear/csaf-feed-tlp-white.json'),
      await get('/api/public/advisories?limit=500'),
      await get('/api/public/advisories?limit=500&q=embargoed'),
      await get('/api/advisories?limit=500'),
      await get('/api/advisories?limit=500&q=EMBARGOED'),
      await post('/v1/querybatch', { queries }),
    ];
    for (const q of queries) pages.push(await post('/v1/query', q));
    for (const d of drafts) {
      for (const id of [d.id, ...(d.publicId ? [d.publicId] : [])]) {
        const file = `${id.toLowerCase()}.json`;
        pages.push(
          await get(`/v1/vulns/${id}`),
          await get(`/api/public/advisories/${id}`),
          await get(`/api/advisories/${id}`),
          await get(`/api/advisories/${id}/revisions`),
        );
        for (const f of ['osv', 'csaf', 'cve5', 'stix']) pages.push(await get(`/api/advisories/${id}/${f}`));
        for (const suffix of ['', '.sha256', '.sha512']) pages.push(await get(`/.well-known/csaf/clear/2026/${file}${suffix}`));
      }
    }
    return pages;
  }

  const secretsOf = (d: (typeof drafts)[number]) => [d.id, d.title, d.pkg, d.id.toLowerCase()];

  it('reveals each advisory only from its publication time, on every output', async () => {
    for (let i = 0; i <= N; i++) {
      // Publication i-1 has happened (when i > 0); i and later have not.
      const pages = await scrape();
      for (const d of drafts.slice(i)) {
        for (const p of pages) {
          for (const secret of secretsOf(d)) expect(p.text.includes(secret), `${secret} leaked by ${p.path} (${p.status})`).toBe(false);
        }
      }
      for (const d of drafts.slice(0, i)) {
        const id = d.publicId!;
        const seen = pages.filter((p) => p.text.includes(id) || p.text.includes(id.toLowerCase())).map((p) => p.path);
        for (const must of [
          '/.well-known/csaf/clear/index.txt',
          '/.well-known/csaf/clear/changes.csv',
          '/.well-known/csaf/clear/csaf-feed-tlp-white.json',
          '/api/public/advisories?limit=500',
          `/v1/vulns/${id}`,
        ]) {
          expect(seen, `${id} missing from ${must}`).toContain(must);
        }
        expect(
          seen.some((p) => p.startsWith('/v1/querybatch')),
          `${id} missing from querybatch`,
        ).toBe(true);
      }
      // counts: exactly the published ones
      const list = JSON.parse(pages.find((p) => p.path === '/api/public/advisories?limit=500')!.text);
      expect(list.total).toBe(1 + i);
      expect(
        pages
          .find((p) => p.path === '/.well-known/csaf/clear/index.txt')!
          .text.trim()
          .split('\n'),
      ).toHaveLength(1 + i);
      if (i === N) break;
      // one second before the time: still nothing
      clock.now = new Date(drafts[i]!.at.getTime() - 1000);
      await new Promise((r) => setTimeout(r, 1200));
      expect((await b.call('GET', `/api/advisories/${drafts[i]!.id}`)).json.state).toBe('scheduled');
      // the time comes: the job publishes (giving it its public id), the index learns it
      clock.now = new Date(drafts[i]!.at.getTime() + 1000);
      await eventually(async () => (await b.call('GET', `/api/advisories/${drafts[i]!.id}`)).json.state === 'published');
      const publicId = (await b.call('GET', `/api/advisories/${drafts[i]!.id}`)).json.id as string;
      expect(publicId).toBe(`AISC-2026-0000${i + 2}`);
      drafts[i]!.publicId = publicId;
      await eventually(async () => (await get(`/v1/vulns/${publicId}`)).status === 200);
      await eventually(async () =>
        (await post('/v1/querybatch', { queries: [{ package: { ecosystem: 'npm', name: drafts[i]!.pkg }, version: '1.0.0' }] })).text.includes(publicId),
      );
    }
  }, 120_000);
});
