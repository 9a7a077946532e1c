import Fastify from 'fastify';
import { parseConfig } from '../src/config/config';
import { startServer } from '../src/runtime/server';
import { createLogger } from '../src/runtime/logger';
import { CLI_ACTOR } from '../src/services/actor';
import { verifyAuditChain } from '../src/services/audit';
import { createNote } from '../src/services/notes';
import { createOrganisation } from '../src/services/organisations';
import { createToken } from '../src/services/tokens';
import { createUser } from '../src/services/users';
import { appendAudit, chainPage } from '../src/store/audit';
import { findUserWithOrganisation } from '../src/store/users';
import { principalOf } from '../src/services/principal';
import { uuidv7 } from '../src/services/ids';
import type { BenchResult, BenchSuite } from './harness';
import { load } from './load';
import { profiled } from './profile';

/** A scratch PostgreSQL database for the bench when a server is available (TEST_DATABASE_URL), else null. */
export async function scratchPostgres(suffix = ''): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = process.env.AISC_BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!admin) return null;
  const pg = (await import('pg')).default;
  const name = `aisc_bench_${process.pid}${suffix}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await run(`drop database if exists ${name} with (force)`);
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/** Issue 2's figures: a policy-filtered authenticated GET against a bare route; audit verification speed. */
export async function apiGet(databaseUrl: string | null, label: string): Promise<BenchResult[]> {
  const r = parseConfig({
    AISC_DATA_DIR: 'memory://',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    AISC_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  if (!r.ok) throw new Error('config');
  const server = await startServer(r.config, { log: createLogger('silent'), webRoot: '/nonexistent' });
  const ctx = server.runtime.ctx;
  const org = await createOrganisation(ctx, CLI_ACTOR, { name: 'Bench Org', kind: 'software_vendor' });
  const { user } = await createUser(ctx, CLI_ACTOR, {
    email: 'bench@aisc.test',
    name: 'Bench',
    organisationId: org.id,
    role: 'member',
    password: 'bench password long',
  });
  const { secret } = await createToken(ctx, CLI_ACTOR, user.id, { name: 'bench', scopes: ['read', 'write'] });
  const found = await findUserWithOrganisation(ctx.db, user.id);
  const p = principalOf(found!.user, found!.organisation, null, null);
  // A realistic table: 2,000 notes of mixed markings; the one fetched is AMBER with an access list.
  for (let i = 0; i < 2000; i++)
    await createNote(ctx, p, { title: `n${i}`, body: 'x'.repeat(200), marking: { tlp: (['GREEN', 'AMBER', 'RED'] as const)[i % 3]! } });
  const target = await createNote(ctx, p, { title: 'target', body: 'y'.repeat(500), marking: { tlp: 'AMBER', access: { organisations: [org.id] } } });

  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ id: target.id, title: 'target', body: 'y'.repeat(500) }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;
  const apiUrl = `${server.url}/api/notes/${target.id}`;
  const headers = { authorization: `Bearer ${secret}` };
  const check = await fetch(apiUrl, { headers });
  if (check.status !== 200) throw new Error(`bench GET answered ${check.status}`);

  const duration = 5000;
  // Warm-up: PGlite's WebAssembly and V8 tier up during the first seconds.
  await load({ url: apiUrl, headers, mode: 'closed', connections: 16, durationMs: 4000 });
  const baseline = await load({ url: bareUrl, mode: 'closed', connections: 16, durationMs: duration });
  const api = await profiled(`notes-read-${label}`, () => load({ url: apiUrl, headers, mode: 'closed', connections: 16, durationMs: duration }));
  const paced = await load({ url: apiUrl, headers, mode: 'open', connections: 64, durationMs: duration, rate: 1000 });
  await bare.close();
  await server.close();
  return [
    {
      name: `authenticated, policy-filtered GET /api/notes/:id (token, ${label})`,
      value: api.rps,
      unit: 'req/s',
      baseline: { name: 'bare Fastify route, same payload', value: baseline.rps },
      goal: '≥ 50 % of the bare route',
      met: api.rps >= 0.5 * baseline.rps,
      notes: `16 connections, ${duration / 1000} s; errors ${api.errors}; p50 ${api.p50.toFixed(2)} ms, p99 ${api.p99.toFixed(2)} ms`,
    },
    {
      name: `p99 latency of that GET at 1,000 req/s (${label})`,
      value: paced.p99,
      unit: 'ms',
      goal: '< 25 ms',
      met: paced.p99 < 25 && paced.errors === 0,
      notes: `${paced.requests} requests in ${paced.seconds.toFixed(1)} s (achieved ${paced.rps.toFixed(0)} req/s), p50 ${paced.p50.toFixed(2)} ms, max ${paced.max.toFixed(1)} ms, errors ${paced.errors}`,
    },
  ];
}

async function auditVerify(): Promise<BenchResult[]> {
  const r = parseConfig({ AISC_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', AISC_WORKER: 'false' });
  if (!r.ok) throw new Error('config');
  const { openRuntime } = await import('../src/runtime/runtime');
  const rt = await openRuntime(r.config, { log: createLogger('silent') });
  const n = 200_000;
  const marking = {
    ownerOrganisationId: uuidv7(),
    createdBy: null,
    tlp: 'AMBER' as const,
    classification: 'UNCLASSIFIED' as const,
    accessOrganisations: [],
    accessUsers: [],
  };
  const at = new Date('2026-06-01T00:00:00.000Z').toISOString();
  for (let done = 0; done < n; done += 5000) {
    await rt.database.db.transaction((tx) =>
      appendAudit(
        tx,
        Array.from({ length: 5000 }, (_, i) => ({
          id: uuidv7(),
          at,
          actorUserId: null,
          actorOrganisationId: null,
          actorLabel: 'bench',
          action: 'note.created',
          recordType: 'note',
          recordId: String(done + i),
          beforeDigest: null,
          afterDigest: 'a'.repeat(64),
          marking,
        })),
      ),
    );
  }
  // Baseline: reading the same rows page by page without checking anything.
  let t0 = performance.now();
  let last = 0;
  for (;;) {
    const page = await chainPage(rt.database.db, last, 10_000);
    if (page.length === 0) break;
    last = page.at(-1)!.seq;
  }
  const readRate = n / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  const v = await verifyAuditChain(rt.database.db);
  const rate = v.entries / ((performance.now() - t0) / 1000);
  await rt.close();
  if (!v.ok) throw new Error('chain broken in bench');
  return [
    {
      name: `aisc audit verify (${n.toLocaleString('en-US')} entries, PGlite)`,
      value: rate,
      unit: 'entries/s',
      baseline: { name: 'reading the same pages without verifying', value: readRate },
      goal: '≥ 100,000 entries/s',
      met: rate >= 100_000,
    },
  ];
}

export const suite: BenchSuite = {
  name: 'Platform core (issue 2)',
  async run() {
    const results = await apiGet(null, 'PGlite');
    const pg = await scratchPostgres();
    if (pg) {
      try {
        results.push(...(await apiGet(pg.url, 'PostgreSQL')));
      } finally {
        await pg.drop();
      }
    }
    return [...results, ...(await auditVerify())];
  },
};
