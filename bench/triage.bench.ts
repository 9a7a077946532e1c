import Fastify from 'fastify';
import { parseConfig } from '../src/config/config';
import { createLogger } from '../src/runtime/logger';
import { startServer } from '../src/runtime/server';
import { CLI_ACTOR } from '../src/services/actor';
import { uuidv7 } from '../src/services/ids';
import { createOrganisation } from '../src/services/organisations';
import { createToken } from '../src/services/tokens';
import { createUser } from '../src/services/users';
import type { Executor } from '../src/store/database';
import { insertMany } from '../src/store/insert-many';
import { findings, reports } from '../src/store/schema/index';
import type { BenchResult, BenchSuite } from './harness';
import { load } from './load';
import { scratchPostgres } from './platform.bench';

/**
 * Issue 10 §1: the analyst's triage queue (`GET /api/reports`) at 100,000 reports, p95 ≤ 50 ms
 * for every filter and sort (ADR 0051). The reports (and one finding each, for the filters
 * that ask about findings) are stored in bulk, not through the API: the subject is the read.
 * Each combination runs closed-loop on one connection for a few seconds; the baseline is a
 * bare Fastify route answering a page of the same size in the same run.
 * `AISC_BENCH_TRIAGE_REPORTS` sets a smaller table while developing.
 */
const REPORTS = Number(process.env.AISC_BENCH_TRIAGE_REPORTS ?? 100_000);
const DURATION_MS = 2000;

const STATES = ['received', 'received', 'received', 'triaging', 'triaging', 'needs-info', 'accepted', 'rejected', 'duplicate'] as const;
const SEVERITIES = ['critical', 'high', 'high', 'medium', 'medium', 'medium', 'low', 'none', 'unknown'] as const;
const KINDS = ['ai', 'ai', 'ai', 'human', 'hybrid'] as const;
const REPRODUCTION = ['not-tried', 'not-tried', 'not-tried', 'reproduced', 'failed'] as const;
const CWES = Array.from({ length: 60 }, (_, i) => `CWE-${20 + i * 7}`);
const MODELS = Array.from({ length: 12 }, (_, i) => `frontier-${i}`);
const PRODUCTS = Array.from({ length: 400 }, (_, i) => `pkg:npm/library-${i}`);

/** Stores `n` reports of `labs` (shared with the coordinators, AMBER+STRICT as intake marks them) and a finding each. */
async function seed(db: Executor, labs: readonly string[], n: number): Promise<void> {
  const t0 = Date.parse('2025-01-01T00:00:00.000Z');
  for (let from = 0; from < n; from += 10_000) {
    const rs: (typeof reports.$inferInsert)[] = [];
    const fs: (typeof findings.$inferInsert)[] = [];
    for (let i = from; i < Math.min(n, from + 10_000); i++) {
      const id = uuidv7(t0 + i * 1000);
      const at = new Date(t0 + i * 1000 + (i % 7));
      const owner = labs[i % labs.length]!;
      const marking = {
        ownerOrganisationId: owner,
        createdBy: null,
        tlp: 'AMBER+STRICT',
        classification: 0,
        accessOrganisations: [],
        accessUsers: [],
        coordinators: true,
      };
      const kind = KINDS[i % KINDS.length]!;
      const model = kind === 'human' ? null : MODELS[(i * 7) % MODELS.length]!;
      const common = {
        finderKind: kind,
        modelName: model,
        targetKey: PRODUCTS[(i * 13) % PRODUCTS.length]!,
        cwe: CWES[(i * 11) % CWES.length]!,
        severity: SEVERITIES[(i * 5) % SEVERITIES.length]!,
      };
      rs.push({
        id,
        state: STATES[(i * 3) % STATES.length]!,
        title: `Report ${i}: out-of-bounds write in parser`,
        ...common,
        exploited: i % 23 === 0,
        reporterOrganisations: [owner],
        findingCount: 1 + (i % 17 === 0 ? i % 9 : 0),
        reproductionStatus: REPRODUCTION[i % REPRODUCTION.length]!,
        ...marking,
        createdAt: at,
        updatedAt: at,
      });
      fs.push({
        id: uuidv7(t0 + i * 1000),
        reportId: id,
        contentDigest: `sha256:${i.toString(16).padStart(64, '0')}`,
        disposition: 'accepted',
        source: 'api',
        ...common,
        title: `Finding ${i}`,
        description: 'A bounds check is missing where the parser copies the header.',
        ...marking,
        createdAt: at,
      });
    }
    await insertMany(db, reports, rs);
    await insertMany(db, findings, fs);
  }
}

/** The filter and sort combinations measured: every sort, every filter at least once, and a deep keyset page. */
function combinations(lab: string): { name: string; query: string }[] {
  return [
    { name: 'severity, no filter (the default queue)', query: 'sort=severity' },
    { name: 'newest, state=received', query: 'sort=newest&state=received' },
    { name: 'age, state=triaging,needs-info', query: 'sort=age&state=triaging,needs-info' },
    { name: 'findings, severity=critical,high', query: 'sort=findings&severity=critical,high' },
    { name: 'exploited, exploited=true', query: 'sort=exploited&exploited=true' },
    { name: 'severity, finderKind=human', query: 'sort=severity&finderKind=human' },
    { name: 'newest, cwe', query: `sort=newest&cwe=${CWES[5]}` },
    { name: 'severity, model (a finding filter)', query: `sort=severity&model=${MODELS[3]}` },
    { name: 'age, finderOrganisationId (a finding filter)', query: `sort=age&finderOrganisationId=${lab}` },
    { name: 'severity, product (substring)', query: `sort=severity&product=${encodeURIComponent('library-17')}` },
    { name: 'findings, reproductionStatus=reproduced', query: 'sort=findings&reproductionStatus=reproduced' },
    { name: 'newest, created in one week', query: 'sort=newest&createdAfter=2025-01-20T00:00:00.000Z&createdBefore=2025-01-27T00:00:00.000Z' },
    { name: 'severity, state=accepted and severity=low (sparse)', query: 'sort=severity&state=accepted&severity=low' },
  ];
}

async function triageQueue(databaseUrl: string | null, label: string): Promise<BenchResult[]> {
  const r = parseConfig({
    AISC_DATA_DIR: 'memory://',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.AISC_BENCH_LOG_LEVEL ?? 'silent',
    AISC_WORKER: 'false',
    AISC_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  if (!r.ok) throw new Error('config');
  const server = await startServer(r.config, { log: createLogger((process.env.AISC_BENCH_LOG_LEVEL ?? 'silent') as 'silent'), webRoot: '/nonexistent' });
  const ctx = server.runtime.ctx;
  const house = await createOrganisation(ctx, CLI_ACTOR, { name: 'Clearinghouse', kind: 'government_agency', coordinator: true });
  const { user } = await createUser(ctx, CLI_ACTOR, {
    email: 'analyst@aisc.test',
    name: 'Analyst',
    organisationId: house.id,
    role: 'analyst',
    password: 'bench password long',
  });
  const { secret } = await createToken(ctx, CLI_ACTOR, user.id, { name: 'bench', scopes: ['read'] });
  const labs: string[] = [];
  for (let i = 0; i < 20; i++) labs.push((await createOrganisation(ctx, CLI_ACTOR, { name: `Lab ${i}`, kind: 'ai_developer' })).id);
  const t0 = performance.now();
  await seed(ctx.db, labs, REPORTS);
  await ctx.db.execute(await import('drizzle-orm').then(({ sql }) => sql`analyze reports, findings`));
  const seedSeconds = (performance.now() - t0) / 1000;

  const headers = { authorization: `Bearer ${secret}` };
  const base = `${server.url}/api/reports?limit=50`;
  const first = await fetch(`${base}&sort=severity`, { headers });
  if (first.status !== 200) throw new Error(`bench GET answered ${first.status}: ${await first.text()}`);
  const page = (await first.json()) as { items: unknown[]; total: number; nextCursor: string | null };
  // A deep page: twenty pages in, through the cursors the API handed out.
  let cursor = page.nextCursor;
  for (let i = 0; i < 19 && cursor; i++) {
    const next = (await (await fetch(`${base}&sort=severity&cursor=${cursor}`, { headers })).json()) as { nextCursor: string | null };
    cursor = next.nextCursor;
  }
  const bare = Fastify({ logger: false });
  const body = JSON.stringify(page);
  bare.get('/bare', async (_req, reply) => reply.type('application/json').send(body));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;

  const runs = [...combinations(labs[3]!), ...(cursor ? [{ name: 'severity, page 21 through the cursor', query: `sort=severity&cursor=${cursor}` }] : [])];
  // Warm-up: PGlite's WebAssembly and V8 tier up during the first seconds.
  await load({ url: `${base}&sort=severity`, headers, mode: 'closed', connections: 1, durationMs: 2000 });
  const baseline = await load({ url: bareUrl, mode: 'closed', connections: 1, durationMs: DURATION_MS });
  const results: BenchResult[] = [];
  for (const c of runs) {
    const got = await load({ url: `${base}&${c.query}`, headers, mode: 'closed', connections: 1, durationMs: DURATION_MS });
    results.push({
      name: `triage queue p95, ${c.name} (${REPORTS.toLocaleString('en-US')} reports, ${label})`,
      value: got.p95,
      unit: 'ms',
      baseline: { name: 'bare Fastify route, a page of the same size (p95)', value: baseline.p95 },
      goal: 'p95 ≤ 50 ms',
      met: got.p95 <= 50 && got.errors === 0,
      notes: `${got.requests} requests on one connection, p50 ${got.p50.toFixed(2)} ms, p99 ${got.p99.toFixed(2)} ms, errors ${got.errors}`,
    });
  }
  results[0] = {
    ...results[0]!,
    notes: `${results[0]!.notes}; ${REPORTS.toLocaleString('en-US')} reports and findings stored in bulk in ${seedSeconds.toFixed(1)} s`,
  };
  await bare.close();
  await server.close();
  return results;
}

/** Runs the queue figures on PGlite and, with a PostgreSQL setting (see scratchPostgres), on PostgreSQL. */
export async function triageFigures(which: 'pglite' | 'postgres' | 'both' = 'both'): Promise<BenchResult[]> {
  const results = which === 'postgres' ? [] : await triageQueue(null, 'PGlite');
  if (which !== 'pglite') {
    const pg = await scratchPostgres();
    if (pg) {
      try {
        results.push(...(await triageQueue(pg.url, 'PostgreSQL')));
      } finally {
        await pg.drop();
      }
    }
  }
  return results;
}

export const suite: BenchSuite = {
  name: 'Triage queue (issue 10)',
  run: () => triageFigures(),
};
