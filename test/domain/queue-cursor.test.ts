import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { decodeQueueCursor, encodeQueueCursor, type QueuePosition } from '../../src/domain/intake/queue-cursor';
import { REPORT_SORTS } from '../../src/domain/intake/queue';

const position: QueuePosition = {
  sort: 'severity',
  severity: 'high',
  exploited: true,
  findingCount: 3,
  createdAt: '2026-12-03T10:00:00.123Z',
  id: '0190b1e2-7c3a-7def-8abc-0123456789ab',
};

function problemOf(f: () => unknown): { path: string; message: string } | undefined {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    return (err as AppError).details?.[0];
  }
  return undefined;
}

describe('triage queue cursor (ADR 0051)', () => {
  it('round-trips every position it gives out, for every sort', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REPORT_SORTS),
        fc.constantFrom('critical', 'high', 'medium', 'low', 'none'),
        fc.boolean(),
        fc.nat(),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.uuid(),
        (sort, severity, exploited, findingCount, at, id) => {
          const p = { sort, severity, exploited, findingCount, createdAt: at.toISOString(), id };
          expect(decodeQueueCursor(encodeQueueCursor(p), sort)).toEqual(p);
        },
      ),
    );
  });

  it('refuses a cursor of another sort on /cursor, naming both orders', () => {
    const problem = problemOf(() => decodeQueueCursor(encodeQueueCursor(position), 'newest'));
    expect(problem?.path).toBe('/cursor');
    expect(problem?.message).toContain('"severity"');
    expect(problem?.message).toContain('"newest"');
  });

  it('refuses garbage and forged cursors on /cursor, never a silent first page', () => {
    const forged = (fields: unknown[]) => Buffer.from(JSON.stringify(fields)).toString('base64url');
    const bad = [
      'not base64 at all ✗',
      forged({ a: 1 } as never),
      forged(['severity', 'high', true, 3, '2026-12-03T10:00:00.123Z']),
      forged(['nosuchsort', 'high', true, 3, '2026-12-03T10:00:00.123Z', position.id]),
      forged(['severity', 'high', 'yes', 3, '2026-12-03T10:00:00.123Z', position.id]),
      forged(['severity', 'high', true, 1.5, '2026-12-03T10:00:00.123Z', position.id]),
      forged(['severity', 'high', true, 3, '2026-12-03', position.id]),
      forged(['severity', 'high', true, 3, '2026-12-03T10:00:00.123Z', "' OR 1=1 --"]),
      forged(['severity', 'x'.repeat(33), true, 3, '2026-12-03T10:00:00.123Z', position.id]),
    ];
    for (const cursor of bad) expect(problemOf(() => decodeQueueCursor(cursor, 'severity'))?.path, cursor).toBe('/cursor');
  });
});
