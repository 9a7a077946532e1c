/**
 * CVSS v2 equations (v2 guide §3.2), computed here rather than by the calculator library so
 * that `round_to_1_decimal` rounds the decimal value the guide means, not its binary
 * approximation: 9.0 × 0.95 is 8.549999… in floating point, and the guide's 8.55 rounds to 8.6.
 */

/** Metric value → weight, v2 guide §3.2.1–§3.2.3 tables. "ND" (Not Defined) is neutral. */
const WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  AV: { L: 0.395, A: 0.646, N: 1.0 },
  AC: { H: 0.35, M: 0.61, L: 0.71 },
  Au: { M: 0.45, S: 0.56, N: 0.704 },
  C: { N: 0, P: 0.275, C: 0.66 },
  I: { N: 0, P: 0.275, C: 0.66 },
  A: { N: 0, P: 0.275, C: 0.66 },
  E: { U: 0.85, POC: 0.9, F: 0.95, H: 1, ND: 1 },
  RL: { OF: 0.87, TF: 0.9, W: 0.95, U: 1, ND: 1 },
  RC: { UC: 0.9, UR: 0.95, C: 1, ND: 1 },
  CDP: { N: 0, L: 0.1, LM: 0.3, MH: 0.4, H: 0.5, ND: 0 },
  TD: { N: 0, L: 0.25, M: 0.75, H: 1, ND: 1 },
  CR: { L: 0.5, M: 1, H: 1.51, ND: 1 },
  IR: { L: 0.5, M: 1, H: 1.51, ND: 1 },
  AR: { L: 0.5, M: 1, H: 1.51, ND: 1 },
};

/**
 * Every weight has at most three decimals and no equation multiplies more than a handful of
 * them, so a value's binary error is far below this; a true tie (x.x5) is never further
 * than this below its binary image.
 */
const ROUNDING_EPSILON = 1e-9;

/**
 * `round_to_1_decimal` of the v2 guide §3.2: half up on the decimal value, tolerant of the
 * binary error of the products that precede it.
 */
export function roundToOneDecimal(value: number): number {
  return Math.round(value * 10 + ROUNDING_EPSILON) / 10;
}

function weight(metrics: Readonly<Record<string, string>>, key: string): number {
  // The parser has checked every value; a metric left out is Not Defined.
  return WEIGHTS[key]![metrics[key] ?? 'ND']!;
}

/** BaseScore of §3.2.1, for a given Impact (the environmental equation substitutes its own). */
function baseEquation(metrics: Readonly<Record<string, string>>, impact: number): number {
  const exploitability = 20 * weight(metrics, 'AV') * weight(metrics, 'AC') * weight(metrics, 'Au');
  const fImpact = impact === 0 ? 0 : 1.176;
  return roundToOneDecimal((0.6 * impact + 0.4 * exploitability - 1.5) * fImpact);
}

/** TemporalScore of §3.2.2 over a base score. */
function temporalEquation(metrics: Readonly<Record<string, string>>, base: number): number {
  return roundToOneDecimal(base * weight(metrics, 'E') * weight(metrics, 'RL') * weight(metrics, 'RC'));
}

function impact(metrics: Readonly<Record<string, string>>, requirements: boolean): number {
  const loss = (cia: string, req: string): number => weight(metrics, cia) * (requirements ? weight(metrics, req) : 1);
  const value = 10.41 * (1 - (1 - loss('C', 'CR')) * (1 - loss('I', 'IR')) * (1 - loss('A', 'AR')));
  // §3.2.3: AdjustedImpact = min(10, …); the base Impact cannot exceed 10.41 × (1 − 0.34³) anyway.
  return requirements ? Math.min(10, value) : value;
}

/** The three v2 scores of a parsed vector's metrics (every group, whether stated or not). */
export function scoreV2Metrics(metrics: Readonly<Record<string, string>>): {
  base: number;
  temporal: number;
  environmental: number;
} {
  const base = baseEquation(metrics, impact(metrics, false));
  const temporal = temporalEquation(metrics, base);
  // §3.2.3: AdjustedTemporal is the temporal score recomputed with AdjustedImpact.
  const adjustedTemporal = temporalEquation(metrics, baseEquation(metrics, impact(metrics, true)));
  const environmental = roundToOneDecimal((adjustedTemporal + (10 - adjustedTemporal) * weight(metrics, 'CDP')) * weight(metrics, 'TD'));
  return { base, temporal, environmental };
}
