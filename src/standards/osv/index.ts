/**
 * OSV 1.7 records: types, parse (validated against the official schema, every problem with
 * its JSON Pointer), serialize (stable key order) and the format-registry adapter.
 *
 * Parsing is strict by default. Importers of real-world records pass
 * `{ strictCommits: false }` to `parseOsv` / `readOsv` / `validateOsv` to accept GIT range
 * events that are not full-length commit hashes (see {@link OsvReadOptions}).
 */
export * from './types';
export { validateOsv, readOsv, parseOsv, osvReader, type OsvReadOptions } from './parse';
export { serializeOsv, OSV_KEY_ORDER } from './serialize';
export { osvFormat } from './format';
