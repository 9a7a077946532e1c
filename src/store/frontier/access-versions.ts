import { eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { frontierModelVersions } from '../schema/index';
import type { FrontierVersionRow } from './versions';

/** A version by id, for a use case that already checked the caller's right to its plan (its release dates and marking). */
export async function findVersionRow(db: Executor, id: string): Promise<FrontierVersionRow | null> {
  const [r] = await db.select().from(frontierModelVersions).where(eq(frontierModelVersions.id, id));
  return r ?? null;
}
