import type { CdxBom } from './types';

/** CycloneDX `impactAnalysisState` (CycloneDX 1.4+ `vulnerability.analysis.state`). */
export type CdxAnalysisState = 'resolved' | 'resolved_with_pedigree' | 'exploitable' | 'in_triage' | 'false_positive' | 'not_affected';

/** VEX statuses, as CISA's minimum requirements for VEX and OpenVEX name them. */
export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

/** One VEX statement: the status of one vulnerability in one product (by BOM ref). */
export interface VexStatement {
  /** The vulnerability id, e.g. `CVE-2021-44228`. */
  readonly vulnerability: string;
  /** The product or component the statement is about: the `affects[].ref` (a bom-ref or BOM-Link). */
  readonly productRef: string;
  readonly status: VexStatus;
  /** CycloneDX `impactAnalysisJustification`, e.g. `code_not_reachable` (for `not_affected`). */
  readonly justification?: string;
  /** CycloneDX `analysis.response`, e.g. `update`, `will_not_fix`. */
  readonly responses?: readonly string[];
  readonly detail?: string;
  /** The CycloneDX state the status was derived from. */
  readonly analysisState?: string;
}

// CycloneDX's "VEX" guide maps impact analysis states to the VEX statuses:
// resolved → fixed; exploitable → affected; in_triage → under_investigation;
// false_positive and not_affected → not_affected.
const STATUS: Readonly<Record<CdxAnalysisState, VexStatus>> = {
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
  false_positive: 'not_affected',
  not_affected: 'not_affected',
};

/**
 * The VEX statements of a CycloneDX BOM: one per vulnerability with an `analysis` and per
 * product it `affects`. A vulnerability with no analysis state makes no statement.
 */
export function cycloneDxVexStatements(bom: CdxBom): VexStatement[] {
  const statements: VexStatement[] = [];
  for (const vulnerability of bom.vulnerabilities ?? []) {
    const state = vulnerability.analysis?.state as CdxAnalysisState | undefined;
    if (state === undefined || vulnerability.id === undefined) continue;
    const analysis = vulnerability.analysis!;
    for (const affected of vulnerability.affects ?? []) {
      statements.push({
        vulnerability: vulnerability.id,
        productRef: affected.ref,
        status: STATUS[state],
        ...(analysis.justification ? { justification: analysis.justification } : {}),
        ...(analysis.response?.length ? { responses: [...analysis.response] } : {}),
        ...(analysis.detail ? { detail: analysis.detail } : {}),
        analysisState: state,
      });
    }
  }
  return statements;
}
