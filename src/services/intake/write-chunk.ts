import { sha256Hex } from '../../domain/audit/canonical';
import type { IntakeLane } from '../../domain/intake/admission';
import { placeOf } from '../../domain/intake/dedup-index';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import type { Executor, Tx } from '../../store/database';
import { insertAttachments, insertBlobs } from '../../store/intake/attachments';
import { lockIntake } from '../../store/intake/admission';
import { dedupHead, insertDedupKeys, type NewDedupKey } from '../../store/intake/dedup';
import { findingsByIdempotencyKeys, insertFindings, type NewFinding } from '../../store/intake/findings';
import { attachDuplicates, insertReports, type NewReport, visibleReportIds } from '../../store/intake/reports';
import { markingRow } from '../../store/visibility';
import type { Actor } from '../actor';
import type { ServiceContext } from '../context';
import { uuidv7 } from '../ids';
import { write } from '../unit-of-work';
import type { Admitted, Budget } from './admission';
import { catchUp, type IntakeState } from './dedup-registry';
import type { Checked } from './check-items';
import type { PreparedDedup } from '../../domain/intake/dedup-index';
import type { ValidFinding } from './finding-input';
import { rejected, type ItemResult } from './results';
import { dedupKeyRow, findingRow, intakeMarking, proofMarking, reportRow } from './rows';

type Admit = (tx: Executor, wanted: Record<IntakeLane, number>) => Promise<Admitted>;

/** Resolves idempotency keys: replays of stored items, conflicts, and the items still to store. */
type Valid = { index: number; finding: ValidFinding; prepared: PreparedDedup | undefined };

async function resolveKeys(tx: Executor, organisationId: string, valid: Valid[]) {
  const keys = valid.map((v) => v.finding.idempotencyKey).filter((k): k is string => k !== null);
  const stored = new Map((await findingsByIdempotencyKeys(tx, organisationId, keys)).map((r) => [r.idempotencyKey!, r]));
  const inChunk = new Map<string, { digest: string; index: number }>();
  const answered = new Map<number, ItemResult>();
  const fresh: Valid[] = [];
  const repeats: { index: number; of: number }[] = [];
  for (const v of valid) {
    const key = v.finding.idempotencyKey;
    const conflict = () =>
      answered.set(
        v.index,
        rejected(v.index, 'CONFLICT', [{ path: '/idempotencyKey', message: `idempotency key "${key}" was already used for different content` }]),
      );
    const prior = key ? stored.get(key) : undefined;
    const earlier = key ? inChunk.get(key) : undefined;
    if (prior) {
      if (prior.contentDigest !== v.finding.contentDigest) conflict();
      else {
        const duplicate = prior.disposition === 'duplicate';
        answered.set(v.index, {
          index: v.index,
          status: duplicate ? 'duplicate' : 'accepted',
          findingId: prior.id,
          reportId: prior.reportId,
          ...(duplicate && prior.duplicateKind ? { match: prior.duplicateKind as 'exact' | 'near' } : {}),
          replayed: true,
        });
      }
    } else if (earlier) {
      if (earlier.digest !== v.finding.contentDigest) conflict();
      else repeats.push({ index: v.index, of: earlier.index });
    } else {
      if (key) inChunk.set(key, { digest: v.finding.contentDigest, index: v.index });
      fresh.push(v);
    }
  }
  return { answered, fresh, repeats };
}

/**
 * A duplicate's answer names the report only when the submitter may see it (its own, or one
 * the coordinators shared with it); otherwise the submitter's own finding id is the reference
 * it keeps. "Someone reported this first" is all a blind probe learns (ADR 0013).
 */
async function hideUnseenReports(tx: Executor, p: Principal, answered: Map<number, ItemResult>): Promise<void> {
  const asked = [...answered.values()].flatMap((r) => (r.status === 'duplicate' && r.reportId ? [r.reportId] : []));
  const seen = await visibleReportIds(tx, viewerOf(p), asked);
  for (const [i, r] of answered) {
    if (r.status !== 'duplicate' || !r.reportId || seen.has(r.reportId)) continue;
    const { reportId: _hidden, ...rest } = r;
    answered.set(i, rest);
  }
}

/**
 * The chunk's transaction (see submitChunk). Reports, findings, fingerprints, signatures
 * and attachments are written set-based; one audit entry and one event record the batch.
 * The index learns the chunk's keys only after the commit.
 */
export async function writeChunk(
  ctx: ServiceContext,
  actor: Actor,
  p: Principal,
  state: IntakeState,
  checked: readonly Checked[],
  source: string,
  admit: Admit,
): Promise<{ results: ItemResult[]; budget: Budget | null }> {
  const stage = state.index.stage();
  const out = await write(ctx, actor, async (tx: Tx, record) => {
    const now = ctx.now();
    const answered = new Map<number, ItemResult>();
    for (const c of checked) if (!c.item.ok) answered.set(c.index, rejected(c.index, 'VALIDATION', c.item.problems));
    const valid = checked.flatMap((c) => (c.item.ok ? [{ index: c.index, finding: c.item.finding, prepared: c.prepared }] : []));
    let budget: Budget | null = null;
    let heads = state.seen;
    if (valid.length) {
      await lockIntake(tx);
      await catchUp(tx, state);
      const keys = await resolveKeys(tx, p.organisationId, valid);
      for (const [i, r] of keys.answered) answered.set(i, r);
      const wanted = { normal: 0, priority: 0 };
      for (const v of keys.fresh) wanted[v.finding.exploited ? 'priority' : 'normal']++;
      const admitted = await admit(tx, wanted);
      budget = admitted.budget;
      const left = { normal: admitted.normal, priority: admitted.priority };
      const marking = intakeMarking(p.organisationId, p.userId);
      const proof = proofMarking(p.organisationId, p.userId);
      const reportRows = new Map<string, NewReport>();
      const findingRows: NewFinding[] = [];
      const dedupRows: NewDedupKey[] = [];
      const blobs: { digest: string; size: number; content: Uint8Array; createdAt: Date }[] = [];
      const attachments: Parameters<typeof insertAttachments>[1][number][] = [];
      const dups = new Map<string, { reportId: string; added: number; exploited: boolean; organisationId: string }>();
      for (const v of keys.fresh) {
        const lane = v.finding.exploited ? 'priority' : 'normal';
        if (left[lane] <= 0) {
          answered.set(
            v.index,
            rejected(v.index, 'RATE_LIMITED', [{ path: '', message: `over your organisation's ${lane} intake rate; retry later` }], {
              retryAfterSeconds: admitted.retryAfter[lane],
            }),
          );
          continue;
        }
        left[lane]--;
        const d = stage.decide(v.finding.dedup, v.prepared);
        const id = uuidv7(now.getTime());
        const reportId = d.kind === 'new' ? uuidv7(now.getTime()) : d.reportId;
        const taught = d.fingerprints.filter((fp) => !stage.reportOfFingerprint(fp.value));
        for (const fp of taught) stage.addFingerprint(fp.value, reportId);
        if (d.kind === 'new')
          stage.addSignature({
            findingId: id,
            reportId,
            targetKey: v.finding.dedup.targetKey,
            cwe: v.finding.dedup.cwe,
            ...placeOf(v.finding.dedup),
            signature: d.signature,
          });
        if (taught.length || d.kind === 'new') dedupRows.push(dedupKeyRow(v.finding, id, reportId, taught, d.kind === 'new' ? d.signature : null));
        if (d.kind === 'new') {
          reportRows.set(reportId, reportRow(v.finding, reportId, p.organisationId, marking, now));
        } else {
          const mine = reportRows.get(reportId);
          if (mine) {
            mine.findingCount = (mine.findingCount ?? 1) + 1;
            mine.exploited = mine.exploited || v.finding.exploited;
          } else {
            const dup = dups.get(reportId) ?? { reportId, added: 0, exploited: false, organisationId: p.organisationId };
            dup.added++;
            dup.exploited ||= v.finding.exploited;
            dups.set(reportId, dup);
          }
        }
        const dupOf = d.kind === 'new' ? null : d.kind;
        // The finding is marked for its submitter (and the coordinators), whichever report it joins.
        const row = findingRow(
          v.finding,
          { id, reportId },
          { disposition: d.kind === 'new' ? 'accepted' : 'duplicate', duplicateKind: dupOf, similarity: d.kind === 'near' ? d.similarity : null },
          source,
          marking,
          now,
        );
        findingRows.push({ ...row, publicCredit: v.finding.input.publicCredit ?? null });
        for (const a of v.finding.attachments) {
          blobs.push({ digest: a.digest, size: a.content.length, content: a.content, createdAt: now });
          attachments.push({
            id: uuidv7(now.getTime()),
            findingId: id,
            reportId,
            digest: a.digest,
            name: a.name,
            mediaType: a.mediaType,
            size: a.content.length,
            ...markingRow(proof),
            createdAt: now,
          });
        }
        answered.set(v.index, {
          index: v.index,
          status: d.kind === 'new' ? 'accepted' : 'duplicate',
          findingId: id,
          reportId,
          ...(d.kind === 'near' ? { match: 'near', similarity: d.similarity } : d.kind === 'exact' ? { match: 'exact' } : {}),
        });
      }
      for (const r of keys.repeats) {
        const first = answered.get(r.of)!;
        answered.set(r.index, first.status === 'rejected' ? { ...first, index: r.index } : { ...first, index: r.index, replayed: true });
      }
      await insertReports(tx, [...reportRows.values()]);
      await insertFindings(tx, findingRows);
      await attachDuplicates(tx, [...dups.values()], now);
      await insertDedupKeys(tx, dedupRows);
      await hideUnseenReports(tx, p, answered);
      await insertBlobs(tx, blobs);
      await insertAttachments(tx, attachments);
      heads = await dedupHead(tx);
      if (findingRows.length) {
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
            count: findingRows.length,
            findingsDigest: sha256Hex(findingRows.map((f) => `${f.id} ${f.contentDigest} ${f.reportId} ${f.disposition}`).join('\n')),
          },
          marking,
          data: {
            batchId,
            organisationId: p.organisationId,
            source,
            accepted: reportRows.size,
            duplicates: findingRows.length - reportRows.size,
            reportIds: [...reportRows.keys()],
          },
        });
      }
    }
    return { results: checked.map((c) => answered.get(c.index)!), budget, heads };
  });
  state.index.absorb(stage);
  state.seen = out.heads;
  return { results: out.results, budget: out.budget };
}
