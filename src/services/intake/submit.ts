import { AppError } from '../../domain/errors';
import type { IntakeLane } from '../../domain/intake/admission';
import type { Principal } from '../../domain/identity/principal';
import { canSubmitFindings } from '../../domain/intake/permissions';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { admitChunk, type Budget } from './admission';
import { checkFinding, type CheckedItem } from './finding-input';
import { intakeState } from './dedup-registry';
import { writeChunk } from './write-chunk';
import { count, emptySummary, rejected, type ItemResult, type SubmissionSummary } from './results';
import type { Tx } from '../../store/database';

/** One item as the stream splitter handed it over: parsed JSON, or why it could not be read. */
export type RawItem = { readonly index: number; readonly value: unknown } | { readonly index: number; readonly problem: string };

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

/**
 * Processes one chunk of items: checks each, then in ONE transaction under the intake lock
 * resolves idempotency keys, takes admission tokens, deduplicates against the index and
 * stores the survivors. If the transaction fails unexpectedly, each item is retried alone
 * so that one item cannot sink the others (per-item isolation).
 */
export async function submitChunk(ctx: ServiceContext, p: Principal, raw: readonly RawItem[], opts: SubmitOptions): Promise<{ results: ItemResult[]; budget: Budget | null }> {
  if (!canSubmitFindings(p)) throw new AppError('FORBIDDEN', 'Your role or token cannot submit findings');
  const checked = raw.map((r): { index: number; item: CheckedItem } =>
    'problem' in r ? { index: r.index, item: { ok: false, problems: [{ path: '', message: r.problem }], idempotencyKey: null } } : { index: r.index, item: checkFinding(r.value, opts.requestKey, r.index) },
  );
  const state = intakeState(ctx.db);
  const priority = checked.some((c) => laneOf(c.item) === 'priority');
  const release = await state.gate.acquire(priority);
  try {
    return await writeChunk(ctx, actorOf(p), p, state, checked, opts.source, (tx, wanted) => admitChunk(tx as Tx, p.organisationId, wanted, ctx.now()));
  } catch (err) {
    if (err instanceof AppError && err.code !== 'CONFLICT') throw err;
    const valid = checked.filter((c) => c.item.ok);
    if (valid.length <= 1) {
      ctx.log.error({ err }, 'intake item failed');
      return { results: checked.map((c) => (c.item.ok ? rejected(c.index, 'INTERNAL', [{ path: '', message: 'could not be stored; retry it' }]) : rejected(c.index, 'VALIDATION', c.item.problems))), budget: null };
    }
    ctx.log.warn({ err }, 'intake chunk failed; retrying its items one by one');
    const results: ItemResult[] = [];
    let budget: Budget | null = null;
    for (const c of checked) {
      const one = await writeChunk(ctx, actorOf(p), p, state, [c], opts.source, (tx, wanted) => admitChunk(tx as Tx, p.organisationId, wanted, ctx.now())).catch((e: unknown) => {
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
 * `onResults` as soon as the chunk is stored. The whole body is never held.
 */
export async function submitStream(
  ctx: ServiceContext,
  p: Principal,
  items: AsyncIterable<RawItem>,
  opts: SubmitOptions & { onResults: (results: readonly ItemResult[]) => void | Promise<void>; chunkSize?: number },
): Promise<{ summary: SubmissionSummary; budget: Budget | null }> {
  const summary = emptySummary();
  let budget: Budget | null = null;
  let chunk: RawItem[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const r = await submitChunk(ctx, p, chunk, opts);
    chunk = [];
    budget = r.budget ?? budget;
    count(summary, r.results);
    await opts.onResults(r.results);
  };
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= (opts.chunkSize ?? CHUNK_SIZE)) await flush();
  }
  await flush();
  return { summary, budget };
}
