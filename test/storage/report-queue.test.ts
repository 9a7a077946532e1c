import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/identity/principal';
import { REPORT_SORTS, type ReportSort } from '../../src/domain/intake/queue';
import { encodeQueueCursor } from '../../src/domain/intake/queue-cursor';
import { uuidv7 } from '../../src/services/ids';
import { reportQueue } from '../../src/services/intake/reports';
import { QUEUE_COUNT_CAP } from '../../src/store/intake/report-queue';
import { insertReports, type NewReport } from '../../src/store/intake/reports';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';
import { SEVERITIES } from '../../src/domain/intake/finding';

const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, none: 4, unknown: 5 };

/** The order each sort promises (domain/intake/queue.ts), computed here without SQL. */
function expectedOrder(rows: readonly NewReport[], sort: ReportSort): string[] {
  const t = (r: NewReport) => (r.createdAt as Date).getTime();
  const by: Record<ReportSort, (a: NewReport, b: NewReport) => number> = {
    severity: (a, b) => SEVERITY_RANK[a.severity]! - SEVERITY_RANK[b.severity]! || Number(!!b.exploited) - Number(!!a.exploited) || t(a) - t(b),
    age: (a, b) => t(a) - t(b),
    newest: (a, b) => t(b) - t(a),
    findings: (a, b) => b.findingCount! - a.findingCount! || t(a) - t(b),
    exploited: (a, b) => Number(!!b.exploited) - Number(!!a.exploited) || SEVERITY_RANK[a.severity]! - SEVERITY_RANK[b.severity]! || t(a) - t(b),
  };
  const tie = (a: NewReport, b: NewReport) => (sort === 'newest' ? (b.id < a.id ? -1 : 1) : a.id < b.id ? -1 : 1);
  return [...rows].sort((a, b) => by[sort](a, b) || tie(a, b)).map((r) => r.id);
}

/** Issue 10 §1, ADR 0051: keyset pages of the triage queue, on PGlite and PostgreSQL. */
describe.each(DRIVERS)('the triage queue pages by cursor, on %s', (driver) => {
  let t: TestDatabase;
  let ctx: ReturnType<typeof contextFor>;
  let analyst: Principal;
  let lab: Principal;
  let other: Principal;
  const mine: NewReport[] = [];
  beforeAll(async () => {
    t = await freshDatabase(driver);
    ctx = contextFor(t.database);
    analyst = await makePrincipal(ctx, { coordinator: true, role: 'analyst' });
    lab = await makePrincipal(ctx);
    other = await makePrincipal(ctx);
    const severities = SEVERITIES;
    const rows: NewReport[] = [];
    // 40 reports with many ties (same second, same severity, same count) so the id breaks them.
    for (let i = 0; i < 40; i++) {
      const owner = i % 4 === 3 ? other : lab;
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 3)));
      const row: NewReport = {
        id: uuidv7(at.getTime() + ((i * 7919) % 13)),
        state: 'received',
        title: `r${i}`,
        targetKey: 'pkg:npm/x',
        severity: severities[(i * 5) % severities.length]!,
        exploited: i % 5 === 0,
        finderKind: 'ai',
        findingCount: 1 + (i % 3),
        ownerOrganisationId: owner.organisationId!,
        createdBy: null,
        tlp: 'AMBER+STRICT',
        classification: 0,
        accessOrganisations: [],
        accessUsers: [],
        coordinators: true,
        reporterOrganisations: [owner.organisationId!],
        createdAt: at,
        updatedAt: at,
      };
      rows.push(row);
      if (owner === lab) mine.push(row);
    }
    await insertReports(t.database.db, rows);
  });
  afterAll(() => t.close());

  const walk = async (p: Principal, sort: ReportSort, limit: number, filter = {}) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await reportQueue(ctx, p, filter, sort, { limit, cursor });
      ids.push(...page.items.map((r) => r.id));
      if (!page.nextCursor) return { ids, last: page };
      cursor = page.nextCursor;
    }
    throw new Error('the cursor never ended');
  };

  it('walks every sort to the end with no report repeated or skipped, in the promised order, and agrees with offset pages', async () => {
    for (const sort of REPORT_SORTS) {
      const { ids } = await walk(lab, sort, 3);
      expect(ids).toEqual(expectedOrder(mine, sort));
      const byOffset = await reportQueue(ctx, lab, {}, sort, { limit: 7, offset: 7 });
      expect(byOffset.items.map((r) => r.id)).toEqual(ids.slice(7, 14));
    }
  });

  it('keeps the policy: another organisation’s reports never appear on any page, the coordinators see all', async () => {
    const { ids, last } = await walk(lab, 'severity', 4);
    expect(ids).toHaveLength(mine.length);
    expect(last.total).toBe(mine.length);
    expect(last.totalExact).toBe(true);
    expect((await walk(analyst, 'newest', 6)).ids).toHaveLength(40);
    expect((await walk(other, 'age', 5)).ids).toHaveLength(40 - mine.length);
  });

  it('applies filters on every page, and a last page has no cursor', async () => {
    const { ids, last } = await walk(lab, 'findings', 2, { exploited: true });
    expect(ids).toEqual(
      expectedOrder(
        mine.filter((r) => r.exploited),
        'findings',
      ),
    );
    expect(last.nextCursor).toBeNull();
    const full = await reportQueue(ctx, lab, {}, 'age', { limit: mine.length });
    expect(full.nextCursor).toBeNull();
    expect(full.total).toBe(mine.length);
  });

  it('refuses a cursor of another sort, a forged cursor, and garbage, naming /cursor', async () => {
    const first = await reportQueue(ctx, lab, {}, 'severity', { limit: 2 });
    const problems = async (sort: ReportSort, cursor: string) => {
      try {
        await reportQueue(ctx, lab, {}, sort, { limit: 2, cursor });
      } catch (err) {
        return (err as { code: string; details: { path: string }[] }).details.map((d) => d.path).concat((err as { code: string }).code);
      }
      return null;
    };
    expect(await problems('age', first.nextCursor!)).toEqual(['/cursor', 'VALIDATION']);
    expect(await problems('severity', 'not a cursor')).toEqual(['/cursor', 'VALIDATION']);
    const forged = Buffer.from(JSON.stringify(['severity', 'high', 'yes', 1, '2026-01-01T00:00:00.000Z', 'x'])).toString('base64url');
    expect(await problems('severity', forged)).toEqual(['/cursor', 'VALIDATION']);
  });

  it('resumes after a position even when that report is gone, and counts exactly below the cap', async () => {
    const position = {
      sort: 'age' as const,
      severity: 'low',
      exploited: false,
      findingCount: 1,
      createdAt: '2026-01-01T00:00:05.000Z',
      id: '00000000-0000-7000-8000-000000000000',
    };
    const page = await reportQueue(ctx, lab, {}, 'age', { limit: 100, cursor: encodeQueueCursor(position) });
    const expected = expectedOrder(mine, 'age').filter((id) => {
      const r = mine.find((x) => x.id === id)!;
      return (r.createdAt as Date).toISOString() >= position.createdAt;
    });
    expect(page.items.map((r) => r.id)).toEqual(expected);
    expect(QUEUE_COUNT_CAP).toBeGreaterThan(40);
  });
});
