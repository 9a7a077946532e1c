import { checkVersionText, invalidVersion, type ParsedVersion, type VersionScheme } from './types';

/** An RFC 3339 timestamp used as a version (vers `datetime`), as nanoseconds since the epoch. */
export interface DatetimeVersion extends ParsedVersion {
  readonly instant: bigint;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

function parseDatetime(input: string): DatetimeVersion {
  const text = checkVersionText('datetime', input);
  const m = RFC3339.exec(text);
  const ms = m ? Date.parse(`${m[1]}T${m[2]}${m[4]!.toUpperCase()}`) : NaN;
  if (!m || Number.isNaN(ms)) throw invalidVersion('datetime', text, 'not an RFC 3339 date-time');
  const nanos = BigInt((m[3] ?? '').padEnd(9, '0'));
  return { scheme: 'datetime', text, instant: BigInt(ms) * 1_000_000n + nanos };
}

/** vers `datetime`: instants in time, whatever their offset. */
export const datetime: VersionScheme<DatetimeVersion> = {
  id: 'datetime',
  parse: parseDatetime,
  compare: (a, b) => (a.instant < b.instant ? -1 : a.instant > b.instant ? 1 : 0),
};

/** A version compared as text by Unicode code points (vers `lexicographic`). */
export interface LexicographicVersion extends ParsedVersion {
  readonly codePoints: readonly number[];
}

/** vers `lexicographic`: code-point order, which is UTF-8 byte order. */
export const lexicographic: VersionScheme<LexicographicVersion> = {
  id: 'lexicographic',
  parse(input) {
    if (typeof input !== 'string' || input.length === 0) throw invalidVersion('lexicographic', String(input), 'empty');
    return { scheme: 'lexicographic', text: input, codePoints: [...input].map((c) => c.codePointAt(0)!) };
  },
  compare(a, b) {
    const x = a.codePoints;
    const y = b.codePoints;
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  },
};
