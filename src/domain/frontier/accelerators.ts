import { AppError } from '../errors';
import catalogueJson from './accelerators/catalogue.json' with { type: 'json' };
import rulesJson from './compute-rules.json' with { type: 'json' };

/**
 * The accelerator catalogue and the export-control arithmetic over it (issue 12, research
 * §4.1, §7.5 `ChipSKU`). Pure data and pure functions: the catalogue and the rules are shipped
 * JSON with a version, so a new chip or a revised threshold is a data change reviewed like code.
 */

/** The precisions the catalogue gives peak dense rates for. */
export const PRECISIONS = ['fp64', 'tf32', 'bf16', 'fp8', 'int8'] as const;
export type Precision = (typeof PRECISIONS)[number];

export interface Accelerator {
  readonly id: string;
  readonly vendor: string;
  readonly model: string;
  /** Peak dense (no structured sparsity) TFLOP/s, TOP/s for int8; null where the vendor publishes none. */
  readonly peakDense: Readonly<Record<Precision, number | null>>;
  readonly memoryGB: number;
  readonly interconnectGBps: number | null;
  readonly dieAreaMm2: number | null;
  readonly source: string;
}

export interface ExportClass {
  readonly eccn: string;
  /** Any one of these holds: each names a TPP floor and, optionally, a performance-density floor. */
  readonly when: readonly { readonly tppAtLeast: number; readonly densityAtLeast?: number }[];
}

export interface ExportControlRule {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly citation: string;
  readonly note: string;
  readonly classes: readonly ExportClass[];
  readonly computerEccn: Readonly<Record<string, string>>;
  readonly bitLength: Readonly<Record<Precision, number>>;
}

export const ACCELERATOR_CATALOGUE = catalogueJson as {
  readonly version: string;
  readonly unit: string;
  readonly note: string;
  readonly accelerators: readonly Accelerator[];
};
export const COMPUTE_RULES_VERSION: string = rulesJson.version;
export const EXPORT_CONTROL_RULE = rulesJson.exportControl as ExportControlRule;

const BY_ID = new Map(ACCELERATOR_CATALOGUE.accelerators.map((a) => [a.id, a]));

/** The ids of every catalogued accelerator, in catalogue order. */
export const ACCELERATOR_IDS: readonly string[] = ACCELERATOR_CATALOGUE.accelerators.map((a) => a.id);

/** The accelerator, or null for an id the catalogue does not know. */
export const acceleratorOf = (id: string): Accelerator | null => BY_ID.get(id) ?? null;

/** What to say about an unknown chip type: the known ones, so the caller can pick. */
export const unknownAcceleratorMessage = (id: string): string => `unknown accelerator "${id.slice(0, 80)}" (known: ${ACCELERATOR_IDS.join(', ')})`;

/** The accelerator, or a VALIDATION error at `path` listing the known ones. */
export function requireAccelerator(id: string, path = '/acceleratorId'): Accelerator {
  const a = acceleratorOf(id);
  if (!a) throw new AppError('VALIDATION', 'Unknown accelerator', [{ path, message: unknownAcceleratorMessage(id) }]);
  return a;
}

/**
 * Total processing performance (3A090 Technical Note): 2 × MacTOPS × bit length of the
 * operation. A multiply-accumulate is two operations, so 2 × MacTOPS is the TOP/s the
 * datasheet gives, and TPP = TOP/s × bit length; the rule takes the precision with the
 * highest TPP. Null when the chip has no rate at all.
 */
export function tppOf(a: Accelerator, rule: ExportControlRule = EXPORT_CONTROL_RULE): { tpp: number; precision: Precision } | null {
  let best: { tpp: number; precision: Precision } | null = null;
  for (const p of PRECISIONS) {
    const rate = a.peakDense[p];
    if (rate === null) continue;
    // Rounded to 0.1: the datasheet figures carry at most one decimal, the product's float noise none.
    const tpp = Math.round(rate * rule.bitLength[p] * 10) / 10;
    if (!best || tpp > best.tpp) best = { tpp, precision: p };
  }
  return best;
}

/** Performance density: TPP per mm² of applicable die area (null when the area is not known). */
export function performanceDensity(tpp: number, dieAreaMm2: number | null): number | null {
  if (dieAreaMm2 === null || !(dieAreaMm2 > 0)) return null;
  return Math.round((tpp / dieAreaMm2) * 1000) / 1000;
}

/**
 * `3A090.a` when a class's floors hold; `not_3A090.a` when none can; `undetermined` when only a
 * density floor could decide and the die area is unknown (never guessed).
 */
export type ExportOutcome = { readonly eccn: string; readonly status: 'controlled' | 'not_controlled' | 'undetermined'; readonly reason: string };

export function classifyExport(tpp: number, density: number | null, rule: ExportControlRule = EXPORT_CONTROL_RULE): ExportOutcome {
  let undetermined: string | null = null;
  for (const c of rule.classes) {
    for (const w of c.when) {
      if (tpp < w.tppAtLeast) continue;
      if (w.densityAtLeast === undefined) return { eccn: c.eccn, status: 'controlled', reason: `TPP ${tpp} ≥ ${w.tppAtLeast}` };
      if (density === null) {
        undetermined ??= `TPP ${tpp} ≥ ${w.tppAtLeast}, but the applicable die area is unknown, so performance density cannot be compared with ${w.densityAtLeast}`;
        continue;
      }
      if (density >= w.densityAtLeast)
        return { eccn: c.eccn, status: 'controlled', reason: `TPP ${tpp} ≥ ${w.tppAtLeast} and performance density ${density} ≥ ${w.densityAtLeast}` };
    }
  }
  const names = rule.classes.map((c) => c.eccn).join(', ');
  if (undetermined) return { eccn: `undetermined (${names})`, status: 'undetermined', reason: undetermined };
  return {
    eccn: `not ${names}`,
    status: 'not_controlled',
    reason: `TPP ${tpp}${density === null ? '' : `, performance density ${density}`} below every floor of ${names}`,
  };
}

/** A catalogue entry with its derived figures, as the API and the CLI show it. */
export interface AcceleratorFigures extends Accelerator {
  readonly tpp: number | null;
  readonly tppPrecision: Precision | null;
  readonly performanceDensity: number | null;
  readonly export: ExportOutcome & { readonly rule: string; readonly ruleVersion: string };
}

export function acceleratorFigures(a: Accelerator, rule: ExportControlRule = EXPORT_CONTROL_RULE): AcceleratorFigures {
  const t = tppOf(a, rule);
  const density = t ? performanceDensity(t.tpp, a.dieAreaMm2) : null;
  const outcome = t ? classifyExport(t.tpp, density, rule) : { eccn: 'undetermined', status: 'undetermined' as const, reason: 'no peak rate published' };
  return {
    ...a,
    tpp: t?.tpp ?? null,
    tppPrecision: t?.precision ?? null,
    performanceDensity: density,
    export: { ...outcome, rule: rule.id, ruleVersion: rule.version },
  };
}

/** Peak dense operations per second of one chip at a precision, or at its best precision (`max`). */
export function peakOpsPerSecond(a: Accelerator, precision: Precision | 'max'): number {
  if (precision !== 'max') return (a.peakDense[precision] ?? 0) * 1e12;
  let best = 0;
  for (const p of PRECISIONS) best = Math.max(best, a.peakDense[p] ?? 0);
  return best * 1e12;
}
