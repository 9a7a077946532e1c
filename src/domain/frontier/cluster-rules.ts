import { ACCELERATOR_CATALOGUE, type Accelerator, acceleratorOf, type Precision, peakOpsPerSecond } from './accelerators';
import rulesJson from './compute-rules.json' with { type: 'json' };
import { compareDecimals, type Decimal, sumDecimals, toDecimal } from './decimal';

/**
 * Cluster reporting rules as versioned data (issue 12; research §4.1, §7.5): a cluster whose
 * aggregate peak dense OP/s and interconnect bandwidth pass a rule's two comparisons is flagged
 * reportable under that rule's version. "At" and "above" differ per text (EO 14110 §4.2(b)(ii):
 * a capacity "of 10^20" and networking "of over 100 Gbit/s"; the BIS 2024 NPRM: "greater than
 * 10^20" and "over 300 Gbit/s"), so each comparison carries its operator.
 */
export interface ClusterRule {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly status: 'in_force' | 'revoked' | 'proposed';
  readonly citation: string;
  readonly note: string;
  readonly capacity: { readonly op: 'gt' | 'gte'; readonly opsPerSecond: number; readonly precision: Precision | 'max' };
  readonly interconnect: { readonly op: 'gt' | 'gte'; readonly gbps: number };
}

export const CLUSTER_RULES = rulesJson.clusterRules as readonly ClusterRule[];
const H100E = rulesJson.h100Equivalent as { reference: string; precision: Precision };
const H100_REFERENCE = acceleratorOf(H100E.reference);
const perH100 = H100_REFERENCE ? peakOpsPerSecond(H100_REFERENCE, H100E.precision) : 0;

/** One line of a cluster's chip inventory. */
export interface InventoryLine {
  readonly acceleratorId: string;
  readonly count: number;
}

/** A flag: the rule (with its version) under which the cluster is reportable. */
export interface ClusterFlag {
  readonly rule: string;
  readonly version: string;
  readonly status: ClusterRule['status'];
  readonly reason: string;
}

export interface ClusterFigures {
  /** Aggregate peak dense OP/s at each rule's precision, by precision (`max` = each chip at its best). */
  readonly peakOpsPerSecond: Readonly<Record<'max' | Precision, number>>;
  readonly h100Equivalents: number;
  readonly reportable: readonly ClusterFlag[];
  readonly rulesVersion: string;
}

const RATE_KEYS = ['max', 'fp64', 'tf32', 'bf16', 'fp8', 'int8'] as const;
type Rates = Record<(typeof RATE_KEYS)[number], number>;
const rates = (a: Accelerator): Rates => ({
  max: peakOpsPerSecond(a, 'max'),
  fp64: peakOpsPerSecond(a, 'fp64'),
  tf32: peakOpsPerSecond(a, 'tf32'),
  bf16: peakOpsPerSecond(a, 'bf16'),
  fp8: peakOpsPerSecond(a, 'fp8'),
  int8: peakOpsPerSecond(a, 'int8'),
});
/** Each catalogued chip's peak OP/s per precision, resolved once (profiled: the per-line lookups dominated). */
const PEAKS = new Map<string, { a: Accelerator; rates: Rates }>(ACCELERATOR_CATALOGUE.accelerators.map((a) => [a.id, { a, rates: rates(a) }]));

const holds = (op: 'gt' | 'gte', cmp: -1 | 0 | 1): boolean => (op === 'gt' ? cmp > 0 : cmp >= 0);
const symbol = (op: 'gt' | 'gte') => (op === 'gt' ? '>' : '≥');

/**
 * The exact aggregate of count × peak (decimal, from the numbers as written) — used only when
 * the float sum lies within a hair of a threshold, as the registry's rule engine does (ADR 0080).
 */
function exactAggregate(lines: readonly { a: Accelerator; count: number }[], precision: Precision | 'max'): Decimal {
  return sumDecimals(
    lines.map(({ a, count }) => {
      const tflops = toDecimal(peakOpsPerSecond(a, precision) / 1e12);
      const c = BigInt(count);
      return { digits: tflops.digits * c, exponent: tflops.exponent + 12 };
    }),
  );
}

/** Compares an aggregate with a threshold: in float, and exactly when the two are within 1e-9 of each other. */
function compareAggregate(sum: number, threshold: number, exact: () => Decimal): -1 | 0 | 1 {
  if (Math.abs(sum - threshold) > threshold * 1e-9) return sum > threshold ? 1 : -1;
  return compareDecimals(exact(), toDecimal(threshold));
}

/**
 * Computes a cluster's figures and evaluates every rule. Lines naming an unknown accelerator
 * count nothing (the services refuse them before this is called). Interconnect is the
 * cluster's network bandwidth in Gbit/s; null (not declared) flags nothing.
 */
export function clusterFigures(
  lines: readonly InventoryLine[],
  interconnectGbps: number | null,
  rules: readonly ClusterRule[] = CLUSTER_RULES,
): ClusterFigures {
  const known: { a: Accelerator; count: number }[] = [];
  const totals = { max: 0, fp64: 0, tf32: 0, bf16: 0, fp8: 0, int8: 0 };
  for (const l of lines) {
    const entry = PEAKS.get(l.acceleratorId);
    if (!entry) continue;
    known.push({ a: entry.a, count: l.count });
    const r = entry.rates;
    totals.max += l.count * r.max;
    totals.fp64 += l.count * r.fp64;
    totals.tf32 += l.count * r.tf32;
    totals.bf16 += l.count * r.bf16;
    totals.fp8 += l.count * r.fp8;
    totals.int8 += l.count * r.int8;
  }
  const h100Equivalents = perH100 > 0 ? Math.round((totals[H100E.precision] / perH100) * 100) / 100 : 0;
  const reportable: ClusterFlag[] = [];
  for (const r of rules) {
    const sum = totals[r.capacity.precision];
    const capacity = holds(
      r.capacity.op,
      compareAggregate(sum, r.capacity.opsPerSecond, () => exactAggregate(known, r.capacity.precision)),
    );
    const net =
      interconnectGbps !== null && holds(r.interconnect.op, interconnectGbps > r.interconnect.gbps ? 1 : interconnectGbps < r.interconnect.gbps ? -1 : 0);
    if (capacity && net) {
      reportable.push({
        rule: r.id,
        version: r.version,
        status: r.status,
        reason: `peak ${sum.toExponential(3)} OP/s ${symbol(r.capacity.op)} ${r.capacity.opsPerSecond.toExponential(0)} and interconnect ${interconnectGbps} Gbit/s ${symbol(r.interconnect.op)} ${r.interconnect.gbps} Gbit/s (${r.citation.split(':')[0]})`,
      });
    }
  }
  return { peakOpsPerSecond: totals, h100Equivalents, reportable, rulesVersion: rulesJson.version };
}
