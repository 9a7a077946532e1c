/**
 * Exact decimal arithmetic for the few comparisons where binary floating point could answer a
 * threshold wrongly: a sum of training phases compared with 10^25 or 10^26 ("greater than" is
 * strictly greater, issue 11). Each number is taken as the shortest decimal that round-trips
 * (what the user wrote in JSON), so `9e24 + 1e24` is exactly `1e25`, and `1e25 + 1` is greater.
 */
export interface Decimal {
  /** The digits, as an integer. */
  readonly digits: bigint;
  /** The power of ten the digits are scaled by. */
  readonly exponent: number;
}

/** The shortest decimal that reads back as `n` (finite `n` only). */
export function toDecimal(n: number): Decimal {
  const [mantissa = '0', exp = '0'] = n.toExponential().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  return { digits: BigInt(whole + fraction), exponent: Number(exp) - fraction.length };
}

const scale = (d: Decimal, exponent: number): bigint => d.digits * 10n ** BigInt(d.exponent - exponent);

/** The exact sum of decimals. */
export function sumDecimals(values: readonly Decimal[]): Decimal {
  if (values.length === 0) return { digits: 0n, exponent: 0 };
  const exponent = Math.min(...values.map((v) => v.exponent));
  let digits = 0n;
  for (const v of values) digits += scale(v, exponent);
  return { digits, exponent };
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`, exactly. */
export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const exponent = Math.min(a.exponent, b.exponent);
  const x = scale(a, exponent);
  const y = scale(b, exponent);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The decimal in the reasons' notation: `1.33e25`, `8e8`, `0.02`, `1.0000000000000000000000001e25`. */
export function formatDecimal(d: Decimal): string {
  if (d.digits === 0n) return '0';
  const negative = d.digits < 0n;
  let digits = (negative ? -d.digits : d.digits).toString();
  let exponent = d.exponent;
  while (digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  const power = exponent + digits.length - 1;
  const text = power >= 6 || power <= -7 ? `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${power}` : plain(digits, exponent);
  return negative ? `-${text}` : text;
}

function plain(digits: string, exponent: number): string {
  if (exponent >= 0) return digits + '0'.repeat(exponent);
  const point = digits.length + exponent;
  return point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
}
