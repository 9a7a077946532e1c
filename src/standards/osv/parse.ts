import { createSchemaValidator, jsonDocumentReader, type JsonLimits } from '../json-schema';
import type { Problem } from '../problem';
import { describeCommitProblems, isShortCommitProblem } from './commits';
import schema from './schema/osv-schema.json' with { type: 'json' };
import type { OsvRecord } from './types';

/** How strictly an OSV record is read. */
export interface OsvReadOptions {
  /**
   * OSV 1.7 requires GIT range events to be full-length commit hashes (or "0"). Records
   * published before that rule carry abbreviated hashes (`cb35df940a`) or a hash with a
   * suffix (`….patch`). Default `true`: such a record is invalid. `false` accepts those event
   * values as they are (nothing is rewritten), for importing real-world records; every other
   * problem is still reported. `validateOsv(record)` lists what was tolerated.
   */
  readonly strictCommits?: boolean;
}

const schemaValidator = createSchemaValidator({ schema, dialect: '2020-12' });

/** Every problem with `value` as an OSV record, against the official OSV 1.7 schema. */
export function validateOsv(value: unknown, options: OsvReadOptions = {}): Problem[] {
  const problems = schemaValidator(value);
  if (problems.length === 0) return problems;
  if (options.strictCommits === false) return problems.filter((p) => !isShortCommitProblem(p));
  return describeCommitProblems(value, problems);
}

/** Reads OSV strictly (the official schema, every rule); used by the format registry. */
export const osvReader = jsonDocumentReader<OsvRecord>('osv', (value) => validateOsv(value));
const lenientCommitReader = jsonDocumentReader<OsvRecord>('osv', (value) => validateOsv(value, { strictCommits: false }));

const readerFor = (options: OsvReadOptions) => (options.strictCommits === false ? lenientCommitReader : osvReader);

/** Accepts an already-parsed value as an OSV record; throws FormatError with every problem. */
export function readOsv(value: unknown, options: OsvReadOptions = {}): OsvRecord {
  return readerFor(options).read(value);
}

/**
 * Parses OSV JSON text (within size and depth limits) into a validated record; throws
 * FormatError with every problem, each with its JSON Pointer.
 */
export function parseOsv(text: string, options: OsvReadOptions & JsonLimits = {}): OsvRecord {
  return readerFor(options).parse(text, options);
}
