import { sql } from 'drizzle-orm';
import { parseConfig } from '../src/config/config';
import { createLogger } from '../src/runtime/logger';
import { openRuntime } from '../src/runtime/runtime';
import { CLI_ACTOR } from '../src/services/actor';
import { createOrganisation } from '../src/services/organisations';
import { listVisibleReports } from '../src/store/intake/report-queue';
import { reputationCounts } from '../src/store/intake/reputation';
import { visibleReportIds } from '../src/store/intake/reports';
import { seedForProbe } from './triage.bench';

const url = process.argv[2];
const r = parseConfig({ AISC_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', AISC_WORKER: 'false', ...(url ? { DATABASE_URL: url } : {}) });
if (!r.ok) throw new Error('config');
const rt = await openRuntime(r.config, { log: createLogger('silent') });
const ctx = rt.ctx;
const house = await createOrganisation(ctx, CLI_ACTOR, { name: 'Clearinghouse', kind: 'government_agency', coordinator: true });
const labs: string[] = [];
for (let i = 0; i < 20; i++) labs.push((await createOrganisation(ctx, CLI_ACTOR, { name: `Lab ${i}`, kind: 'ai_developer' })).id);
await seedForProbe(ctx.db, labs, 100_000);
await ctx.db.execute(sql`analyze reports, findings`);
const viewer = { kind: 'user', userId: '00000000-0000-7000-8000-000000000001', organisationId: house.id, clientOf: null, clearance: 'NONE', coordinator: true, staff: true, role: 'analyst' } as never;
const time = async (name: string, fn: () => Promise<unknown>) => {
  for (let i = 0; i < 3; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < 10; i++) await fn();
  console.log(name, ((performance.now() - t) / 10).toFixed(1), 'ms');
};
const filters: [string, object, string][] = [
  ['none', {}, 'severity'],
  ['state', { state: ['received'] }, 'newest'],
  ['model', { model: 'frontier-3' }, 'severity'],
  ['product', { product: 'library-17' }, 'severity'],
  ['sparse', { state: ['accepted'], severity: ['low'] }, 'severity'],
  ['exploited', { exploited: true }, 'exploited'],
];
for (const [n, f, s] of filters) await time(`list ${n}`, () => listVisibleReports(ctx.db, viewer, f, s as never, 51, { offset: 0 }));
const page = await listVisibleReports(ctx.db, viewer, {}, 'severity', 51, { offset: 0 });
await time('reputation orgs', () => reputationCounts(ctx.db, 'organisation', [...new Set(page.items.map((x) => x.ownerOrganisationId))]));
await time('reputation models', () => reputationCounts(ctx.db, 'model', [...new Set(page.items.flatMap((x) => (x.modelName ? [x.modelName] : [])))]));
await time('visibleReportIds', () => visibleReportIds(ctx.db, viewer, []));
for (const q of [
  sql`explain analyze select count(*) from (select 1 from reports where state = 'accepted' and severity = 'low' limit 1001) c`,
  sql`explain analyze select * from reports where target_key ilike '%library-17%' order by (case "severity" when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 when 'none' then 4 else 5 end), (not exploited), created_at, id limit 51`,
]) {
  const res = await ctx.db.execute(q);
  console.log((res as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((x) => x['QUERY PLAN']).join('\n'));
}
await rt.close();
process.exit(0);
