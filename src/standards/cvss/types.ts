import type { CvssVersion } from './metrics';

/** A parsed, validated CVSS vector. */
export interface CvssVector {
  readonly version: CvssVersion;
  /** Metric abbreviation → value, in the order written. */
  readonly metrics: Readonly<Record<string, string>>;
  /** The vector string as given (trimmed). */
  readonly vectorString: string;
}

export type CvssSeverity = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** CVSS v4.0 §2 nomenclature: which metric groups the score reflects. */
export type CvssNomenclature = 'CVSS-B' | 'CVSS-BT' | 'CVSS-BE' | 'CVSS-BTE';

/** The scores of one vector. */
export interface CvssScore {
  readonly version: CvssVersion;
  readonly vectorString: string;
  /** For 4.0, the score of the vector as given (see `nomenclature`). */
  readonly baseScore: number;
  readonly baseSeverity: CvssSeverity;
  /** 2.0 / 3.x, present when the vector carries temporal metrics. */
  readonly temporalScore?: number;
  /** 2.0 / 3.x, present when the vector carries environmental metrics. */
  readonly environmentalScore?: number;
  /** 4.0 only. */
  readonly nomenclature?: CvssNomenclature;
}
