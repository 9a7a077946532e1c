/**
 * Numeric version components: a JS number while exact (up to 15 digits), a bigint
 * beyond. `<` and `>` compare numbers and bigints with each other exactly, so a
 * comparison never parses or pads strings.
 */
export type Num = number | bigint;

/** Converts a run of ASCII digits (leading zeros allowed) to a {@link Num}. */
export function toNum(digits: string): Num {
  return digits.length <= 15 ? Number(digits) : BigInt(digits);
}

/** Three-way comparison of two numeric components. */
export function cmpNum(a: Num, b: Num): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether two numeric components are equal (a number and a bigint of the same value are). */
export function numEq(a: Num, b: Num): boolean {
  return cmpNum(a, b) === 0;
}

/** Three-way comparison of two strings by UTF-16 code units (ASCII order for ASCII). */
export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lexicographic comparison of numeric keys; a missing element counts as `pad`. */
export function cmpNumArrays(a: readonly Num[], b: readonly Num[], pad: Num = 0): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = i < a.length ? a[i]! : pad;
    const y = i < b.length ? b[i]! : pad;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
