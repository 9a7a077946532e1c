import rulesJson from './compute-rules.json' with { type: 'json' };
import { compareDecimals, type Decimal, formatDecimal, sumDecimals, toDecimal } from './decimal';
import { TRAINING_PHASES, type TrainingPhase } from './compute-vocabulary';

/**
 * Training-run thresholds as versioned data (issue 12): a version whose cumulative training
 * compute — every phase of every run — is greater than 10^25 or 10^26 FLOP crosses a threshold,
 * and a crossing asks the designation side for a review once. Sums are exact decimals
 * (decimal.ts), so 7e24 + 2e24 + 1e24 is not above 10^25 and 10^25 + 1 FLOP is.
 */
export interface TrainingThreshold {
  readonly id: string;
  readonly version: string;
  readonly flop: number;
  readonly op: 'gt';
  readonly citation: string;
}
export const TRAINING_THRESHOLDS = rulesJson.trainingRunThresholds as readonly TrainingThreshold[];

export type PhaseTotals = Readonly<Record<TrainingPhase, Decimal | null>>;

/** The exact per-phase totals over runs (null for a phase no run gives). */
export function phaseTotals(runs: readonly { readonly flop: Partial<Record<TrainingPhase, number | null>> }[]): PhaseTotals {
  const out = {} as Record<TrainingPhase, Decimal | null>;
  for (const p of TRAINING_PHASES) {
    const values = runs.map((r) => r.flop[p]).filter((v): v is number => typeof v === 'number');
    out[p] = values.length ? sumDecimals(values.map(toDecimal)) : null;
  }
  return out;
}

/** The cumulative total of every phase. */
export const cumulativeOf = (t: PhaseTotals): Decimal => sumDecimals(TRAINING_PHASES.map((p) => t[p]).filter((d): d is Decimal => d !== null));

/** The thresholds a cumulative total is above, with the facts that put it there. */
export function crossedThresholds(
  totals: PhaseTotals,
  thresholds: readonly TrainingThreshold[] = TRAINING_THRESHOLDS,
): { threshold: TrainingThreshold; detail: string }[] {
  const total = cumulativeOf(totals);
  const phases = TRAINING_PHASES.filter((p) => totals[p] !== null)
    .map((p) => `${p}=${formatDecimal(totals[p]!)}`)
    .join(' ');
  return thresholds
    .filter((t) => compareDecimals(total, toDecimal(t.flop)) > 0)
    .map((threshold) => ({
      threshold,
      detail: `${threshold.id}@${threshold.version}: cumulative training compute ${formatDecimal(total)} FLOP > ${formatDecimal(toDecimal(threshold.flop))} FLOP (${phases})`,
    }));
}

/** A decimal as the number the registry's facts hold (the nearest double). */
export const decimalToNumber = (d: Decimal): number => Number(formatDecimal(d));
