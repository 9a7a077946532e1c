/**
 * The benchmark contract: each suite measures its subject and a baseline in the same run
 * (a bare insert, a bare endpoint, the library we replace), so the ratio is meaningful on a
 * shared, noisy machine. `bench/run.ts` runs every suite, prints a table and writes
 * docs/benchmarks.md.
 */
export interface BenchResult {
  /** What was measured, e.g. "npm range check (compiled)". */
  readonly name: string;
  /** The measured figure. */
  readonly value: number;
  /** Its unit, e.g. "ops/s", "MB/s", "ms (p99)". */
  readonly unit: string;
  /** The baseline measured in the same run, when there is one. */
  readonly baseline?: { readonly name: string; readonly value: number };
  /** The goal in words, e.g. "≥ 5× semver.satisfies". */
  readonly goal?: string;
  /** Whether the goal was met; absent when there is no goal. */
  readonly met?: boolean;
  readonly notes?: string;
}

export interface BenchSuite {
  /** The capability measured, e.g. "Version ranges (issue 3)". */
  readonly name: string;
  run(): Promise<BenchResult[]>;
}

/** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns operations per second. */
export function opsPerSecond(fn: () => void, ms = 1000, batch = 1): number {
  const warmEnd = performance.now() + Math.min(200, ms / 5);
  while (performance.now() < warmEnd) fn();
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    fn();
    ops += batch;
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}
