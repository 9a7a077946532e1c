import { triageFigures } from './triage.bench';

/**
 * Only the triage queue figures (issue 10 §1, ADR 0051), on PGlite and — with TEST_DATABASE_URL
 * or AISC_BENCH_DATABASE_URL — PostgreSQL: `node bin/run-ts.mjs bench/triage-queue.ts [pglite|postgres]`.
 * AISC_BENCH_TRIAGE_REPORTS=<n> stores fewer reports while developing.
 */
const which = process.argv[2] === 'pglite' || process.argv[2] === 'postgres' ? process.argv[2] : 'both';
for (const r of await triageFigures(which)) {
  const base = r.baseline ? ` (baseline ${r.baseline.value.toFixed(2)})` : '';
  process.stdout.write(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${base}${r.met ? ' — met' : ' — missed'}; ${r.notes ?? ''}\n`);
}
process.exit(0);
