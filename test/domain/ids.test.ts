import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/services/ids';

describe('UUIDv7 (RFC 9562 §5.7)', () => {
  it('carries the milliseconds, version 7 and the RFC variant', () => {
    const ms = Date.UTC(2026, 10, 27, 3, 4, 5, 678);
    for (let i = 0; i < 1_000; i++) {
      const id = uuidv7(ms);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
    }
  });

  it('is unique across pool refills and sorts by time', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => uuidv7(1_700_000_000_000 + Math.floor(i / 10)));
    expect(new Set(ids).size).toBe(ids.length);
    const times = ids.map((id) => id.slice(0, 13));
    expect([...times].sort()).toEqual(times);
    // The random bits are not stuck: every hex digit shows up in the last group.
    expect(new Set(ids.map((id) => id.at(-1))).size).toBe(16);
  });
});
