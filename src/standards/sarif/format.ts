import { problemsOf } from '../formats/json-adapter';
import type { FormatAdapter, FormatConversion } from '../formats/types';
import { sarifFindings } from './findings';
import { parseSarif } from './parse';
import type { FindingDraft, SarifLog } from './types';

/** SARIF 2.1.0 in the format registry (read-only: AISC imports SARIF, it does not write it). */
export const sarifFormat: FormatAdapter<SarifLog> = {
  id: 'sarif',
  name: 'SARIF 2.1.0',
  mediaTypes: ['application/sarif+json', 'application/json'],
  fileNamePatterns: [/\.sarif$/i, /\.sarif\.json$/i],
  parse: (text) => parseSarif(text),
  validate: (text) => problemsOf(() => parseSarif(text)),
  // SARIF 2.1.0 §3.13.2–3: `version` "2.1.0" and a `runs` array mark a log.
  detect: (text) => /"version"\s*:\s*"2\.1\.0"/.test(text.slice(0, 4096)) && /"runs"\s*:/.test(text),
};

/** The finding drafts AISC imports from SARIF, as a JSON document of the registry. */
export const findingsFormat: FormatAdapter<FindingDraft[]> = {
  id: 'findings',
  name: 'AISC finding drafts (JSON)',
  mediaTypes: ['application/json'],
  fileNamePatterns: [/\.findings\.json$/i],
  parse: () => {
    throw new Error('findings is an output-only format');
  },
  validate: () => [],
  serialize: (findings) => `${JSON.stringify(findings, null, 2)}\n`,
  detect: () => false,
};

/** SARIF → findings: one finding draft per result. */
export const sarifToFindings: FormatConversion<SarifLog, FindingDraft[]> = {
  from: 'sarif',
  to: 'findings',
  description: 'SARIF 2.1.0 results → AISC finding drafts (target, location, CWE, severity, fingerprints, code flows)',
  convert: sarifFindings,
};
