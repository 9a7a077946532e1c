import type { Log } from 'sarif';

/** A SARIF 2.1.0 log that passed the schema and the rules AISC checks (the `sarif` types). */
export type SarifLog = Log;

/** How severe a finding looks, estimated from SARIF `level`, `kind` and `security-severity`. */
export type SeverityEstimate = 'critical' | 'high' | 'medium' | 'low' | 'none';

/** Where a finding is, from its first location (SARIF 2.1.0 §3.28, §3.29, §3.30). */
export interface FindingLocation {
  /** The artifact URI, resolved against `originalUriBaseIds` where possible. */
  readonly file?: string;
  readonly startLine?: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** The enclosing function or other logical location (fully qualified name). */
  readonly function?: string;
}

/** One step of a code flow (SARIF 2.1.0 §3.36–§3.38), for reproduction. */
export interface FindingFlowStep {
  readonly location: FindingLocation;
  readonly message?: string;
}

/**
 * A finding draft read from one SARIF result: what the import service turns into a Finding
 * with provenance. Names follow the AISC finding model; the SARIF source is in `sarif`.
 */
export interface FindingDraft {
  readonly target: {
    /** The analysed artifact (result.analysisTarget, else the location's artifact). */
    readonly artifactUri?: string;
    /** versionControlProvenance[0].repositoryUri. */
    readonly repository?: string;
    readonly commit?: string;
    readonly branch?: string;
  };
  readonly location: FindingLocation;
  /** CWE ids, e.g. `CWE-79`, from the rule's tags, properties, relationships and taxa. */
  readonly weaknesses: readonly string[];
  /** The result message, with placeholders filled from rule message strings. */
  readonly message: string;
  /** The rule's full or short description, when the rule has one. */
  readonly description?: string;
  readonly severity: SeverityEstimate;
  /** The CVSS-like score from the rule's `security-severity` property, when given. */
  readonly securitySeverity?: number;
  readonly ruleId?: string;
  /** The tool that produced the result: the harness in AISC's provenance terms. */
  readonly tool: { readonly name: string; readonly version?: string };
  /** run.automationDetails.id (SARIF 2.1.0 §3.17). */
  readonly runId?: string;
  /** result.fingerprints and partialFingerprints (SARIF 2.1.0 §3.27.16–17), merged. */
  readonly fingerprints: Readonly<Record<string, string>>;
  readonly codeFlows: ReadonlyArray<readonly FindingFlowStep[]>;
  /** Where the result is in the log, e.g. `/runs/0/results/3`. */
  readonly sarifPath: string;
  /** result.kind / result.level as given (or defaulted per §3.27.9–10). */
  readonly sarif: { readonly kind: string; readonly level: string };
  /** result.suppressions present and not rejected: the finding was dismissed at source. */
  readonly suppressed: boolean;
}
