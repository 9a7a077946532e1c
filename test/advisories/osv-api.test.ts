import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAdvisoriesLocally } from '../../src/services/advisories/import';
import { readImportFile } from '../../src/services/advisories/import-read';
import { compileAffected } from '../../src/standards/ranges/index';
import { ecosystemFor } from '../../src/standards/versions/registry';
import { cli } from '../helpers/cli';
import { Browser, type ResponseJson } from '../helpers/http';
import { eventually } from '../helpers/receiver';
import { startTestServer, type TestServer } from '../helpers/server';
import { advisoryDataDir } from './fixtures';

const dir = advisoryDataDir();

interface Osv {
  id: string;
  modified: string;
  withdrawn?: string;
  affected?: {
    package?: { ecosystem: string; name: string; purl?: string };
    ranges?: { type: string; events: Record<string, string>[] }[];
    versions?: string[];
  }[];
}

const post = async (url: string, body: unknown) => {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as ResponseJson };
};

/** The baseline: every record evaluated on its own, ranges compiled per query (no index). */
function bruteForce(records: Osv[], ecosystem: string, name: string, version: string): string[] {
  const v = ecosystemFor(ecosystem).parse(version);
  return records
    .filter(
      (r) =>
        !r.withdrawn &&
        (r.affected ?? []).some(
          (a) => a.package?.ecosystem === ecosystem && a.package.name === name && (a.versions?.includes(version) || compileAffected(a as never).matches(v)),
        ),
    )
    .map((r) => r.id)
    .sort();
}

describe('OSV API (OSV.dev shapes) over real advisories', () => {
  let t: TestServer;
  let records: Osv[];
  const files = ['rustsec.osv.ndjson', 'go-vulndb.osv.ndjson'];

  beforeAll(async () => {
    t = await startTestServer();
    const b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    const token = (await b.call('POST', '/api/tokens', { name: 'import', scopes: ['read', 'write'] })).json.secret as string;
    // one file through the API (`aisc import --server`), one through the service
    const r = await cli(['import', `${dir}${files[0]}`, '--server', t.url, '--token', token, '--json'], {});
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ created: 1206, rejected: 0 });
    await importAdvisoriesLocally(t.server.runtime.ctx, readImportFile(readFileSync(`${dir}${files[1]}`, 'utf8')).items);
    records = files.flatMap((f) =>
      readFileSync(`${dir}${f}`, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Osv),
    );
    await eventually(
      async () =>
        (await post(`${t.url}/v1/querybatch`, { queries: [{ package: { ecosystem: 'Go', name: records.at(-1)!.affected![0]!.package!.name } }] })).json
          .results[0].vulns !== undefined,
    );
  }, 180_000);
  afterAll(() => t?.close());

  it('GET /v1/vulns/{id} answers the full OSV record, 404 for unknown ids', async () => {
    const rec = records[10]!;
    const r = await fetch(`${t.url}/v1/vulns/${rec.id}`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual(rec);
    expect((await fetch(`${t.url}/v1/vulns/GHSA-none-none-none`)).status).toBe(404);
  });

  it('POST /v1/query answers {vulns: [full records]} or {} as OSV.dev does', async () => {
    const introducedAt = (x: Osv) => x.affected?.[0]?.ranges?.[0]?.events.find((e) => e.introduced && e.introduced !== '0')?.introduced;
    const rec = records.find((x) => x.affected?.[0]?.package?.ecosystem === 'crates.io' && introducedAt(x))!;
    const a = rec.affected![0]!;
    const version = introducedAt(rec)!;
    const r = await post(`${t.url}/v1/query`, { package: { name: a.package!.name, ecosystem: a.package!.ecosystem }, version });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(['vulns']);
    expect(r.json.vulns.map((v: Osv) => v.id)).toContain(rec.id);
    expect(r.json.vulns.find((v: Osv) => v.id === rec.id)).toEqual(rec);
    expect((await post(`${t.url}/v1/query`, { package: { name: 'no-such-crate-here', ecosystem: 'crates.io' }, version: '1.0.0' })).json).toEqual({});
    const byPurl = await post(`${t.url}/v1/query`, { package: { purl: `pkg:cargo/${a.package!.name}@${version}` } });
    expect(byPurl.json.vulns.map((v: Osv) => v.id).sort()).toEqual(r.json.vulns.map((v: Osv) => v.id).sort());
  });

  it('rejects malformed queries naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ version: '1.0.0' }, '/package'],
      [{ package: { name: 'x' }, version: '1' }, '/package/ecosystem'],
      [{ package: { purl: 'pkg:cargo/x@1', name: 'x' } }, '/package'],
      [{ package: { purl: 'pkg:cargo/x@1' }, version: '2' }, '/version'],
      [{ package: { purl: 'not a purl' } }, '/package/purl'],
      [{ commit: 'abc', version: '1' }, '/version'],
      [{ package: { name: 'x', ecosystem: 'npm' }, page_token: 'bogus!' }, '/page_token'],
      [{ package: { name: 'x', ecosystem: 'npm' }, color: 'red' }, ''],
    ];
    for (const [body, path] of cases) {
      const r = await post(`${t.url}/v1/query`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      if (path)
        expect(
          r.json.errors.map((e: { path: string }) => e.path),
          JSON.stringify(body),
        ).toContain(path);
    }
    const tooMany = await post(`${t.url}/v1/querybatch`, { queries: Array.from({ length: 1001 }, () => ({ commit: 'a' })) });
    expect(tooMany.status).toBe(400);
  });

  it('POST /v1/querybatch answers per query, in order, {vulns: [{id, modified}]} or {}, matching a per-record evaluation', async () => {
    const queries: { package: { ecosystem: string; name: string }; version: string }[] = [];
    for (const r of records) {
      for (const a of r.affected ?? []) {
        const evs = (a.ranges ?? [])
          .filter((x) => x.type !== 'GIT')
          .flatMap((x) => x.events.flatMap((e) => Object.values(e)))
          .filter((v) => v !== '0');
        for (const v of [...evs, ...(a.versions ?? [])].slice(0, 2))
          queries.push({ package: { ecosystem: a.package!.ecosystem, name: a.package!.name }, version: v });
      }
      if (queries.length >= 999) break;
    }
    queries.push({ package: { ecosystem: 'crates.io', name: 'surely-not-a-crate' }, version: '1.0.0' });
    const r = await post(`${t.url}/v1/querybatch`, { queries });
    expect(r.status).toBe(200);
    expect(r.json.results).toHaveLength(queries.length);
    expect(r.json.results.at(-1)).toEqual({});
    let matched = 0;
    for (const [i, q] of queries.entries()) {
      const expected = bruteForce(records, q.package.ecosystem, q.package.name, q.version);
      const got = r.json.results[i].vulns ?? [];
      for (const v of got) expect(Object.keys(v).sort()).toEqual(['id', 'modified']);
      expect(
        got.map((v: { id: string }) => v.id),
        JSON.stringify(q),
      ).toEqual(expected);
      for (const v of got) expect(v.modified).toBe(records.find((x) => x.id === v.id)!.modified);
      if (got.length) matched++;
    }
    console.log(`querybatch: ${queries.length} queries agree with per-record evaluation; ${matched} matched advisories`);
    expect(matched).toBeGreaterThan(100);
  });

  it('answers commit queries from GIT ranges', async () => {
    // Go and RustSec records carry no GIT ranges; PyPA's do: import one that starts at a commit.
    const introducedAt = (x: Osv) =>
      x.affected
        ?.flatMap((a) => a.ranges ?? [])
        .find((g) => g.type === 'GIT')
        ?.events.find((e) => e.introduced && e.introduced !== '0')?.introduced;
    const line = readFileSync(`${dir}pypa.osv.ndjson`, 'utf8')
      .split('\n')
      .find((l) => l.trim() !== '' && introducedAt(JSON.parse(l) as Osv) !== undefined);
    expect(line, 'a PyPA record whose GIT range is introduced at a commit').toBeDefined();
    const withCommit = JSON.parse(line!) as Osv;
    const commit = introducedAt(withCommit)!;
    expect(await importAdvisoriesLocally(t.server.runtime.ctx, readImportFile(line!).items)).toMatchObject({ created: 1, rejected: 0 });
    await eventually(async () => ((await post(`${t.url}/v1/query`, { commit })).json.vulns ?? []).some((v: Osv) => v.id === withCommit.id));
    const r = await post(`${t.url}/v1/query`, { commit: 'f'.repeat(40) });
    expect(r).toEqual({ status: 200, json: {} });
  });

  it('pages large answers with next_page_token / page_token', async () => {
    const many = Array.from({ length: 1203 }, (_, i) => ({
      id: `OSV-2026-${String(i).padStart(5, '0')}`,
      modified: '2026-01-01T00:00:00Z',
      published: '2026-01-01T00:00:00Z',
      summary: 'paging',
      affected: [{ package: { ecosystem: 'npm', name: 'paged-package' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }],
    }));
    const imported = await importAdvisoriesLocally(t.server.runtime.ctx, readImportFile(many.map((m) => JSON.stringify(m)).join('\n')).items);
    expect(imported).toMatchObject({ created: 1203, rejected: 0 });
    const q = { package: { ecosystem: 'npm', name: 'paged-package' }, version: '1.0.0' };
    await eventually(async () => (await post(`${t.url}/v1/querybatch`, { queries: [q] })).json.results[0].next_page_token !== undefined);
    const p1 = await post(`${t.url}/v1/query`, q);
    expect(p1.json.vulns).toHaveLength(1000);
    const p2 = await post(`${t.url}/v1/query`, { ...q, page_token: p1.json.next_page_token });
    expect(p2.json.vulns).toHaveLength(203);
    expect(p2.json.next_page_token).toBeUndefined();
    expect(new Set([...p1.json.vulns, ...p2.json.vulns].map((v: Osv) => v.id)).size).toBe(1203);
  });
});
