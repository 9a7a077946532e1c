import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SSVC_EXPLOITATION } from '../../src/domain/intake/ssvc';
import { Browser } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { advisoryContent } from './fixtures';

/** Advisories speak intake's SSVC vocabulary, and take the deprecated `public-poc` as `poc` (ADR 0075). */
describe('SSVC exploitation in advisories over HTTP', () => {
  let t: TestServer;
  let b: Browser;
  beforeAll(async () => {
    t = await startTestServer();
    b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
  }, 60_000);
  afterAll(() => t?.close());

  const ssvc = (exploitation: string) => ({ exploitation, automatable: 'yes', technicalImpact: 'total', missionWellbeing: 'high', decision: 'attend' });

  it('stores every value of the vocabulary as given, and `public-poc` as `poc`, on create and on edit', async () => {
    for (const exploitation of SSVC_EXPLOITATION) {
      const r = await b.call('POST', '/api/advisories', { content: { ...advisoryContent(`ssvc-${exploitation}`), ssvc: ssvc(exploitation) } });
      expect(r.status, r.text).toBe(201);
      expect(r.json.content.ssvc.exploitation).toBe(exploitation);
    }
    const created = await b.call('POST', '/api/advisories', { content: { ...advisoryContent('ssvc-alias'), ssvc: ssvc('public-poc') } });
    expect(created.status, created.text).toBe(201);
    expect(created.json.content.ssvc).toEqual(ssvc('poc'));
    const edited = await b.call('PATCH', `/api/advisories/${created.json.id}`, {
      content: { ...advisoryContent('ssvc-alias'), ssvc: ssvc('public-poc'), title: 'Edited' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect((await b.call('GET', `/api/advisories/${created.json.id}`)).json.content.ssvc.exploitation).toBe('poc');
  });

  it('refuses any other spelling, naming the field', async () => {
    const r = await b.call('POST', '/api/advisories', { content: { ...advisoryContent('ssvc-bad'), ssvc: ssvc('PoC') } });
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['/content/ssvc/exploitation']);
  });
});
