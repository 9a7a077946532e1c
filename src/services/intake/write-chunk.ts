import { sha256Hex } from '../../domain/audit/canonical';
import { planChunk } from '../../domain/intake/chunk-plan';
import { resolveKeys } from '../../domain/intake/idempotency';
import { type ItemResult, rejected } from '../../domain/intake/results';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import type { Executor, Tx } from '../../store/database';
import { lockIntake } from '../../store/intake/admission';
import { writeChunkRows } from '../../store/intake/chunk';
import { findingsByIdempotencyKeys } from '../../store/intake/findings';
import { visibleReportIds } from '../../store/intake/reports';
import type { Actor } from '../actor';
import type { ServiceContext } from '../context';
import { uuidv7 } from '../ids';
import { write } from '../unit-of-work';
import { admitChunk, type Budget } from './admission';
import type { Checked } from './check-items';
import { catchUp } from './dedup-registry';
import { chunkRows, intakeMarking } from './rows';

/**
 * A duplicate's answer names the report only when the submitter may see it (its own, or one
 * the coordinators shared with it); otherwise the submitter's own finding id is the reference
 * it keeps. "Someone reported this first" is all a blind probe learns (ADR 0013).
 */
async function hideUnseenReports(tx: Executor, p: Principal, answered: Map<number, ItemResult>): Promise<void> {
  const asked = [...answered.values()].flatMap((r) => (r.status === 'duplicate' && r.reportId ? [r.reportId] : []));
  if (asked.length === 0) return;
  const seen = await visibleReportIds(tx, viewerOf(p), asked);
  for (const [i, r] of answered) {
    if (r.status !== 'duplicate' || !r.reportId || seen.has(r.reportId)) continue;
    const { reportId: _hidden, ...rest } = r;
    answered.set(i, rest);
  }
}

/**
 * The chunk's transaction (see submit.ts): under the intake lock, catch the dedup index up,
 * resolve idempotency keys, take admission tokens, plan the chunk (domain/intake/chunk-plan.ts,
 * pure) and write its rows set-based (store/intake/chunk.ts); one audit entry and one event
 * record the batch. The process's index learns the chunk's keys only after the commit.
 */
export async function writeChunk(
  ctx: ServiceContext,
  actor: Actor,
  p: Principal,
  checked: readonly Checked[],
  source: string,
): Promise<{ results: ItemResult[]; budget: Budget | null }> {
  const state = ctx.intake;
  const stage = state.index.stage();
  const out = await write(ctx, actor, async (tx: Tx, record) => {
    const now = ctx.now();
    const invalid = new Map<number, ItemResult>();
    for (const c of checked) if (!c.item.ok) invalid.set(c.index, rejected(c.index, 'VALIDATION', c.item.problems));
    const valid = checked.flatMap((c) => (c.item.ok ? [{ index: c.index, finding: c.item.finding, prepared: c.prepared }] : []));
    if (!valid.length) return { results: checked.map((c) => invalid.get(c.index)!), budget: null, heads: state.seen };
    await lockIntake(tx);
    await catchUp(tx, state);
    const keyed = valid.flatMap((v) => (v.finding.idempotencyKey ? [v.finding.idempotencyKey] : []));
    const keys = resolveKeys(valid, await findingsByIdempotencyKeys(tx, p.organisationId, keyed));
    const wanted = { normal: 0, priority: 0 };
    for (const v of keys.fresh) wanted[v.finding.exploited ? 'priority' : 'normal']++;
    const admitted = await admitChunk(tx, p.organisationId, wanted, now);
    const plan = planChunk(keys, admitted, stage, () => uuidv7(now.getTime()));
    const rows = chunkRows(plan, p, source, now);
    const heads = await writeChunkRows(tx, rows, now);
    const answers = plan.answers;
    for (const [i, r] of invalid) answers.set(i, r);
    await hideUnseenReports(tx, p, answers);
    if (rows.findings.length) {
      const batchId = uuidv7(now.getTime());
      record({
        action: 'finding_batch.submitted',
        recordType: 'finding_batch',
        recordId: batchId,
        before: null,
        // One digest commits the entry to every finding stored (id, content, report, disposition).
        after: {
          organisationId: p.organisationId,
          source,
          count: rows.findings.length,
          findingsDigest: sha256Hex(rows.findings.map((f) => `${f.id} ${f.contentDigest} ${f.reportId} ${f.disposition}`).join('\n')),
        },
        marking: intakeMarking(p.organisationId, p.userId),
        data: {
          batchId,
          organisationId: p.organisationId,
          source,
          accepted: rows.reports.length,
          duplicates: rows.findings.length - rows.reports.length,
          reportIds: rows.reports.map((r) => r.id),
        },
      });
    }
    return { results: checked.map((c) => answers.get(c.index)!), budget: admitted.budget, heads };
  });
  state.index.absorb(stage);
  state.seen = out.heads;
  return { results: out.results, budget: out.budget };
}
