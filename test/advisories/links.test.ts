import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentShapeProblems } from '../../src/domain/advisory/content';
import { CLI_ACTOR } from '../../src/services/actor';
import { createAdvisoryDraft } from '../../src/services/advisories/drafting';
import { importAdvisoriesLocally } from '../../src/services/advisories/import';
import { readImportFile } from '../../src/services/advisories/import-read';
import { getPublishedAdvisory } from '../../src/services/advisories/reads';
import { createOrganisation } from '../../src/services/organisations';
import { chainHead } from '../../src/store/audit';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';
import { Browser } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { advisoryContent } from './fixtures';

/** Issue 9 item 12: links that a reader's browser would run (`javascript:`, `data:`) never reach OSV or CSAF. */
const BAD = [
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'JavaScript:alert(1)',
  'vbscript:msgbox(1)',
  'ftp://example.test/x',
  'ttps://example.test/typo',
  '//example.test/relative',
  'not a url',
];

const withLinks = (url: string, contact = 'mailto:finder@example.test') =>
  advisoryContent('links', {
    references: [
      { type: 'FIX', url: 'https://example.test/fix' },
      { type: 'WEB', url },
    ],
    remediations: [{ category: 'vendor_fix', details: 'Upgrade.', url }],
    credits: [{ name: 'Ada', kind: 'human', role: 'FINDER', contact: ['https://example.test/ada', contact] }],
  });

describe('advisory links: http(s) only (contacts also mailto:)', () => {
  it.each(BAD)('names every field carrying %s', (url) => {
    const paths = contentShapeProblems(withLinks(url, url)).map((p) => p.path);
    expect(paths).toEqual(['/references/1/url', '/remediations/0/url', '/credits/0/contact/1']);
  });

  it('accepts http, https and mailto contacts', () => {
    expect(contentShapeProblems(withLinks('http://example.test/a?b=c#d'))).toEqual([]);
    expect(contentShapeProblems(withLinks('HTTPS://EXAMPLE.TEST/'))).toEqual([]);
  });
});

describe.each(DRIVERS)('advisory links in services on %s', (driver) => {
  let t: TestDatabase;
  let ctx: ReturnType<typeof contextFor>;

  beforeAll(async () => {
    t = await freshDatabase(driver);
    ctx = contextFor(t.database);
    await createOrganisation(ctx, CLI_ACTOR, { name: 'Clearinghouse links', kind: 'government_agency', coordinator: true });
  });
  afterAll(() => t.close());

  it('refuses a draft with a javascript: or data: link, naming each field, and writes nothing', async () => {
    const coordinator = await makePrincipal(ctx, { coordinator: true, role: 'analyst' });
    const head = await chainHead(ctx.db);
    const err = await createAdvisoryDraft(ctx, coordinator, { content: withLinks('javascript:alert(1)', 'data:,x') }).catch((e) => e);
    expect(err.code).toBe('VALIDATION');
    expect(err.details.map((d: { path: string }) => d.path)).toEqual(['/references/1/url', '/remediations/0/url', '/credits/0/contact/1']);
    expect(await chainHead(ctx.db)).toEqual(head);
  });

  it('imports a record with unsafe links without them, warning per record (re-import changes nothing)', async () => {
    const record = {
      schema_version: '1.7.0',
      id: 'GHSA-link-link-link',
      modified: '2026-01-02T00:00:00Z',
      published: '2026-01-01T00:00:00Z',
      summary: 'links',
      references: [
        { type: 'WEB', url: 'https://example.test/ok' },
        { type: 'WEB', url: 'javascript:alert(1)' },
        { type: 'ADVISORY', url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
      ],
      credits: [{ name: 'Ada', contact: ['javascript:alert(2)', 'mailto:ada@example.test'] }],
    };
    const r = await importAdvisoriesLocally(ctx, readImportFile(JSON.stringify(record)).items);
    expect(r).toMatchObject({ created: 1, rejected: 0 });
    expect(r.warnings).toEqual([
      {
        location: '/',
        id: record.id,
        problems: [
          { path: '/references/1/url', message: expect.stringContaining('dropped') },
          { path: '/references/2/url', message: expect.stringContaining('dropped') },
          { path: '/credits/0/contact/0', message: expect.stringContaining('dropped') },
        ],
      },
    ]);
    const a = await getPublishedAdvisory(ctx, record.id);
    expect(JSON.stringify(a.osv)).not.toMatch(/javascript:|data:/);
    expect(a.osv).toMatchObject({ references: [{ url: 'https://example.test/ok' }], credits: [{ name: 'Ada', contact: ['mailto:ada@example.test'] }] });
    const again = await importAdvisoriesLocally(ctx, readImportFile(JSON.stringify(record)).items);
    expect(again).toMatchObject({ created: 0, revised: 0, unchanged: 1 });
  });
});

describe('advisory links over HTTP', () => {
  let t: TestServer;
  let b: Browser;
  beforeAll(async () => {
    t = await startTestServer();
    b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
  }, 60_000);
  afterAll(() => t?.close());

  it('answers problem+json naming every bad link', async () => {
    const r = await b.call('POST', '/api/advisories', { content: withLinks('data:text/html,x', 'javascript:void(0)') });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['/references/1/url', '/remediations/0/url', '/credits/0/contact/1']);
  });
});
