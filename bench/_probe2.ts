import { sql } from 'drizzle-orm';
import { parseConfig } from '../src/config/config';
import { createLogger } from '../src/runtime/logger';
import { openRuntime } from '../src/runtime/runtime';
import { CLI_ACTOR } from '../src/services/actor';
import { createOrganisation } from '../src/services/organisations';
import { visibleTo } from '../src/store/visibility';
import { reports } from '../src/store/schema/index';
import { seedForProbe } from './triage.bench';

const r = parseConfig({ AISC_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', AISC_WORKER: 'false' });
if (!r.ok) throw new Error('config');
const rt = await openRuntime(r.config, { log: createLogger('silent') });
const ctx = rt.ctx;
const house = await createOrganisation(ctx, CLI_ACTOR, { name: 'Clearinghouse', kind: 'government_agency', coordinator: true });
const labs: string[] = [];
for (let i = 0; i < 20; i++) labs.push((await createOrganisation(ctx, CLI_ACTOR, { name: `Lab ${i}`, kind: 'ai_developer' })).id);
await seedForProbe(ctx.db, labs, 100_000);
await ctx.db.execute(sql`analyze reports, findings`);
const viewer = { kind: 'user', userId: '00000000-0000-7000-8000-000000000001', organisationId: house.id, clientOf: null, clearance: 'UNCLASSIFIED', coordinator: true, staff: true, role: 'analyst' } as never;
const w = visibleTo(viewer, reports);
for (const q of [
  sql`explain analyze select * from ${reports} where ${w} order by (case "severity" when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 when 'none' then 4 else 5 end), (not exploited), created_at, id limit 51`,
  sql`explain analyze select count(*) from (select 1 from ${reports} where ${w} limit 1001) c`,
]) {
  const res = await ctx.db.execute(q);
  console.log((res as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((x) => x['QUERY PLAN']).join('\n'));
}
await rt.close();
process.exit(0);
