import ae from 'ae-cvss-calculator';
import type { CvssVersion, MetricGroup } from './metrics';
import { CVSS_METRICS } from './metrics';
import { parseCvssVector } from './parse';
import type { CvssNomenclature, CvssScore, CvssSeverity, CvssVector } from './types';
import { scoreV2Metrics } from './v2';

// ae-cvss-calculator is CommonJS: Node's ESM loader exposes it only as a default export.
const { Cvss3P0, Cvss3P1, Cvss4P0 } = ae;

/**
 * Qualitative severity. 3.x: v3.1 specification §5 (Table 14); 4.0: v4.0 §6 (same bands).
 * 2.0 defines none; NVD's bands (Low < 4.0, Medium < 7.0, High) are the ones in use.
 */
export function cvssSeverity(version: CvssVersion, score: number): CvssSeverity {
  if (version === '2.0') return score < 4 ? 'LOW' : score < 7 ? 'MEDIUM' : 'HIGH';
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}

function hasGroup(vector: CvssVector, group: MetricGroup, definedOnly: boolean): boolean {
  return CVSS_METRICS[vector.version].some((d) => {
    const value = vector.metrics[d.key];
    return d.group === group && value !== undefined && (!definedOnly || (value !== 'X' && value !== 'ND'));
  });
}

/** CVSS v4.0 §2 "Nomenclature": B plus T when threat, E when environmental metrics are set. */
function nomenclature(vector: CvssVector): CvssNomenclature {
  const t = hasGroup(vector, 'threat', true) ? 'T' : '';
  const e = hasGroup(vector, 'environmental', true) ? 'E' : '';
  return `CVSS-B${t}${e}` as CvssNomenclature;
}

function scoreV4(vector: CvssVector): CvssScore {
  const baseScore = new Cvss4P0(vector.vectorString).calculateScores().overall;
  return {
    version: vector.version,
    vectorString: vector.vectorString,
    baseScore,
    baseSeverity: cvssSeverity('4.0', baseScore),
    nomenclature: nomenclature(vector),
  };
}

function calculatorInput(vector: CvssVector): string {
  // The calculator reports no environmental score when every environmental metric is "X",
  // yet the v3.1 environmental formula (§7.3, with its 0.9731 factor) then differs from the
  // base one for a changed scope. "X" for a requirement is weighted as Medium (v3.1 §7.1),
  // so stating CR:M changes nothing but makes the calculator apply the formula.
  if (hasGroup(vector, 'environmental', false) && !hasGroup(vector, 'environmental', true)) {
    return vector.vectorString.replace(/(^|\/)CR:X(?=\/|$)/, '$1CR:M').replace(/^(?!.*\/CR:)(.*)$/, '$1/CR:M');
  }
  return vector.vectorString;
}

function calculatorScores(vector: CvssVector): { base?: number; temporal?: number; environmental?: number } {
  // v2 has its own equations (./v2): the calculator rounds 2.0's binary products, not the guide's decimals.
  if (vector.version === '2.0') return scoreV2Metrics(vector.metrics);
  const input = calculatorInput(vector);
  return (vector.version === '3.0' ? new Cvss3P0(input) : new Cvss3P1(input)).calculateScores();
}

function scoreV2V3(vector: CvssVector): CvssScore {
  const scores = calculatorScores(vector);
  const baseScore = scores.base ?? 0;
  const score: { -readonly [K in keyof CvssScore]: CvssScore[K] } = {
    version: vector.version,
    vectorString: vector.vectorString,
    baseScore,
    baseSeverity: cvssSeverity(vector.version, baseScore),
  };
  // With every temporal metric "Not Defined" the temporal formula reduces to the base score
  // (v3.1 §7.2); the calculator then reports none.
  if (hasGroup(vector, 'temporal', false)) score.temporalScore = scores.temporal ?? baseScore;
  if (hasGroup(vector, 'environmental', false)) score.environmentalScore = scores.environmental ?? scores.temporal ?? baseScore;
  return score;
}

/** Scores a parsed vector: 2.0 by the v2 guide's equations (./v2), 3.x and 4.0 with ae-cvss-calculator. */
export function scoreCvssVector(vector: CvssVector): CvssScore {
  return vector.version === '4.0' ? scoreV4(vector) : scoreV2V3(vector);
}

/**
 * Parses and scores a CVSS 2.0, 3.0, 3.1 or 4.0 vector string.
 * @throws FormatError naming the bad metric when the vector is invalid.
 */
export function scoreCvss(input: string): CvssScore {
  return scoreCvssVector(parseCvssVector(input));
}
