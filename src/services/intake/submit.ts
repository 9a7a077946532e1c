import { AppError } from '../../domain/errors';
import type { IntakeLane } from '../../domain/intake/admission';
import type { Principal } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import type { Budget } from './admission';
import type { CheckedItem } from './finding-input';
import { checkItems, type Checked, type RawItem } from './check-items';
import { inlineChecker } from './checker';
import { writeChunk } from './write-chunk';
import { count, emptySummary, rejected, type ItemResult, type SubmissionSummary } from './results';

export type { RawItem } from './check-items';

export interface SubmitOptions {
  /** The request's Idempotency-Key header: items without their own key use `<key>#<index>`. */
  readonly requestKey: string | null;
  /** Where the findings came from: `api`, `sarif`, `osv`, `web`, … */
  readonly source: string;
}

/** Items per transaction: large enough to amortise, small enough to answer early and stay under statement limits. */
export const CHUNK_SIZE = 2_000;

/** Which lane an item asks for: exploited-in-the-wild findings take the priority lane. */
const laneOf = (c: CheckedItem): IntakeLane => (c.ok && c.finding.exploited ? 'priority' : 'normal');

/** Checks and stores one chunk of items (see storeChecked), checking on the calling thread. */
export function submitChunk(
  ctx: ServiceContext,
  p: Principal,
  raw: readonly RawItem[],
  opts: SubmitOptions,
): Promise<{ results: ItemResult[]; budget: Budget | null }> {
  if (!can(p, 'findings.submit')) throw new AppError('FORBIDDEN', 'Your role or token cannot submit findings');
  return storeChecked(ctx, p, checkItems(raw, opts.requestKey), opts);
}

/**
 * Stores one chunk of checked items: in ONE transaction under the intake lock, resolves
 * idempotency keys, takes admission tokens, deduplicates against the index and stores the
 * survivors. If the transaction fails unexpectedly, each item is retried alone so that one
 * item cannot sink the others (per-item isolation).
 */
async function storeChecked(
  ctx: ServiceContext,
  p: Principal,
  checked: readonly Checked[],
  opts: SubmitOptions,
): Promise<{ results: ItemResult[]; budget: Budget | null }> {
  const state = ctx.intake;
  const priority = checked.some((c) => laneOf(c.item) === 'priority');
  const release = await state.gate.acquire(priority);
  try {
    return await writeChunk(ctx, actorOf(p), p, checked, opts.source);
  } catch (err) {
    if (err instanceof AppError && err.code !== 'CONFLICT') throw err;
    const valid = checked.filter((c) => c.item.ok);
    if (valid.length <= 1) {
      ctx.log.error({ err }, 'intake item failed');
      return {
        results: checked.map((c) =>
          c.item.ok
            ? rejected(c.index, 'INTERNAL', [{ path: '', message: 'could not be stored; retry it' }])
            : rejected(c.index, 'VALIDATION', c.item.problems),
        ),
        budget: null,
      };
    }
    ctx.log.warn({ err }, 'intake chunk failed; retrying its items one by one');
    const results: ItemResult[] = [];
    let budget: Budget | null = null;
    for (const c of checked) {
      const one = await writeChunk(ctx, actorOf(p), p, [c], opts.source).catch((e: unknown) => {
        ctx.log.error({ err: e }, 'intake item failed');
        return { results: [rejected(c.index, 'INTERNAL', [{ path: '', message: 'could not be stored; retry it' }])], budget: null };
      });
      results.push(...one.results);
      budget = one.budget ?? budget;
    }
    return { results, budget };
  } finally {
    release();
  }
}

/**
 * Submits a stream of items in chunks, answering each chunk's items in order through
 * `onResults` as soon as the chunk is stored. The whole body is never held. Checking runs
 * one chunk ahead of storing (on the intake thread when the context has one), so the two
 * overlap; storing stays one chunk at a time, in order.
 */
export async function submitStream(
  ctx: ServiceContext,
  p: Principal,
  items: AsyncIterable<RawItem>,
  opts: SubmitOptions & { onResults: (results: readonly ItemResult[]) => void | Promise<void>; chunkSize?: number },
): Promise<{ summary: SubmissionSummary; budget: Budget | null }> {
  if (!can(p, 'findings.submit')) throw new AppError('FORBIDDEN', 'Your role or token cannot submit findings');
  const checker = ctx.checker ?? inlineChecker;
  const summary = emptySummary();
  let budget: Budget | null = null;
  let chunk: RawItem[] = [];
  let ahead: Promise<Checked[]> | null = null;
  const store = async (checking: Promise<Checked[]>) => {
    const r = await storeChecked(ctx, p, await checking, opts);
    budget = r.budget ?? budget;
    count(summary, r.results);
    await opts.onResults(r.results);
  };
  // Hands the chunk to the checker, then stores the chunk checked before it.
  const flush = async () => {
    if (chunk.length === 0) return;
    const checking = checker.check(chunk, opts.requestKey);
    chunk = [];
    const before = ahead;
    ahead = checking;
    if (before) await store(before);
  };
  try {
    for await (const item of items) {
      chunk.push(item);
      if (chunk.length >= (opts.chunkSize ?? CHUNK_SIZE)) await flush();
    }
    await flush();
    const last = ahead as Promise<Checked[]> | null;
    ahead = null;
    if (last) await store(last);
  } finally {
    // A failed read or store leaves a chunk in the checker: let it finish unobserved.
    (ahead as Promise<Checked[]> | null)?.catch(() => undefined);
  }
  return { summary, budget };
}
