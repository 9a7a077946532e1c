import { parseJsonText, type JsonLimits } from '../json-schema';
import { FormatError } from '../problem';
import { sarifRuleProblems } from './rules';
import { sarifSchemaProblems } from './schema';
import type { SarifLog } from './types';

const FORMAT = 'sarif';

/** Every problem with `value` as a SARIF 2.1.0 log: the official schema, then the spec's rules. */
export function sarifProblems(value: unknown): FormatError['problems'] {
  const schema = sarifSchemaProblems(value);
  // The rules read defensively, so they run on a schema-invalid log too: every problem at once.
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return schema;
  return [...schema, ...sarifRuleProblems(value as Record<string, unknown>)];
}

/**
 * Parses a SARIF 2.1.0 log (OASIS SARIF 2.1.0 errata 01): JSON within limits, the official
 * schema, and the specification's consistency rules (see `sarifRuleProblems`).
 *
 * @throws FormatError listing every problem, each with its JSON Pointer
 */
export function parseSarif(text: string, limits?: JsonLimits): SarifLog {
  return readSarif(parseJsonText(text, limits, FORMAT));
}

/** Checks an already-parsed JSON value as a SARIF 2.1.0 log. */
export function readSarif(value: unknown): SarifLog {
  const problems = sarifProblems(value);
  if (problems.length > 0) throw new FormatError(FORMAT, problems);
  return value as SarifLog;
}
