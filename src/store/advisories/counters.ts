import { sql } from 'drizzle-orm';
import type { Tx } from '../database';
import { advisoryCounters } from '../schema/index';

/**
 * The next number in `year`'s sequence, inside the caller's (publication) transaction. The
 * upsert takes the counter row's lock until commit, so concurrent publications queue rather
 * than race, and a rolled-back transaction takes its number back with it: no gaps, no
 * duplicates (ADR 0020), and only publications are counted (ADR 0021).
 */
export async function nextAdvisoryNumber(tx: Tx, year: number): Promise<number> {
  const [r] = await tx
    .insert(advisoryCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: advisoryCounters.year, set: { last: sql`${advisoryCounters.last} + 1` } })
    .returning({ last: advisoryCounters.last });
  return r!.last;
}
