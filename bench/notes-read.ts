import { apiGet, scratchPostgres } from './platform.bench';

/**
 * Only the notes read-path figures (issue 10 §1), on PGlite and — with TEST_DATABASE_URL or
 * AISC_BENCH_DATABASE_URL — PostgreSQL: `node bin/run-ts.mjs bench/notes-read.ts [pglite|postgres]`.
 * Add AISC_BENCH_CPU_PROFILE=<dir> to write a CPU profile of the measured phase.
 */
const which = process.argv[2];
const results = [];
if (which !== 'postgres') results.push(...(await apiGet(null, 'PGlite')));
if (which !== 'pglite') {
  const pg = await scratchPostgres();
  if (pg) {
    try {
      results.push(...(await apiGet(pg.url, 'PostgreSQL')));
    } finally {
      await pg.drop();
    }
  }
}
for (const r of results) {
  const ratio = r.baseline ? ` (${(r.value / r.baseline.value).toFixed(2)}× of ${r.baseline.value.toFixed(0)})` : '';
  process.stdout.write(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${ratio}${r.met ? ' — met' : ' — missed'}; ${r.notes ?? ''}\n`);
}
process.exit(0);
