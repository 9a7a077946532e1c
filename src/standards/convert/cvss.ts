import cvssCalculator from 'ae-cvss-calculator';
import { parseCvssVector, scoreCvssVector } from '../cvss';

// ae-cvss-calculator is a CommonJS bundle whose named exports Node's ESM loader cannot see.
const { Cvss3P0, Cvss3P1, Cvss4P0 } = cvssCalculator;

/** A CVSS score computed from a vector, with the severity rating of its version. */
export interface CvssScore {
  readonly version: '2.0' | '3.0' | '3.1' | '4.0';
  readonly vectorString: string;
  readonly baseScore: number;
  /** CVSS v3.x §5 / v4.0 §… qualitative rating; absent for v2 (it has none). */
  readonly baseSeverity?: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
}

/** CVSS v3.1 §5 (and v4.0 §…): the qualitative severity rating scale. */
function severityOf(score: number): NonNullable<CvssScore['baseSeverity']> {
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}

/** The base metrics each version's vector must carry (CVSS v2 §3.2.1, v3.1 §6, v4.0 §7). */
const BASE_METRICS: Readonly<Record<CvssScore['version'], readonly string[]>> = {
  '2.0': ['AV', 'AC', 'Au', 'C', 'I', 'A'],
  '3.0': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '3.1': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  '4.0': ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'],
};

/** Whether every base metric appears exactly once (the calculator scores partial vectors silently). */
function hasBaseMetrics(vector: string, version: CvssScore['version']): boolean {
  const keys = vector
    .split('/')
    .filter((p) => !p.startsWith('CVSS:'))
    .map((p) => p.split(':')[0]!);
  return BASE_METRICS[version].every((m) => keys.filter((k) => k === m).length === 1);
}

/**
 * Scores a CVSS vector (v2, v3.0, v3.1 or v4.0) with ae-cvss-calculator. Undefined when the
 * vector is not valid: converters then leave the score out rather than publish a wrong one.
 */
export function scoreCvss(vector: string): CvssScore | undefined {
  const score = computeScore(vector);
  return score && Number.isFinite(score.baseScore) && hasBaseMetrics(vector, score.version) ? score : undefined;
}

function computeScore(vector: string): CvssScore | undefined {
  try {
    if (vector.startsWith('CVSS:3.1/')) {
      const base = new Cvss3P1(vector).calculateScores().base ?? NaN;
      return { version: '3.1', vectorString: vector, baseScore: base, baseSeverity: severityOf(base) };
    }
    if (vector.startsWith('CVSS:3.0/')) {
      const base = new Cvss3P0(vector).calculateScores().base ?? NaN;
      return { version: '3.0', vectorString: vector, baseScore: base, baseSeverity: severityOf(base) };
    }
    if (vector.startsWith('CVSS:4.0/')) {
      const base = new Cvss4P0(vector).calculateScores().overall ?? NaN;
      return { version: '4.0', vectorString: vector, baseScore: base, baseSeverity: severityOf(base) };
    }
    // v2: our own equations (cvss/v2), which round the guide's decimals, not binary products.
    const parsed = parseCvssVector(vector);
    if (parsed.version !== '2.0') return undefined;
    return { version: '2.0', vectorString: vector, baseScore: scoreCvssVector(parsed).baseScore };
  } catch {
    return undefined;
  }
}
