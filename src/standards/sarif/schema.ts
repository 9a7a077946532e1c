import AjvDraft04Module from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { addHashedUniqueItems, withHashedUniqueItems } from '../inventory/unique-items';
import { problemsFromAjv } from '../json-schema';
import type { Problem } from '../problem';
import sarifSchema from './schema/sarif-schema-2.1.0.json' with { type: 'json' };

// The SARIF 2.1.0 schema is JSON Schema draft-04, which the shared json-schema helper does not
// build; ajv-draft-04 compiles it (with linear-time uniqueItems, see unique-items.ts), and
// problems go through the shared ajv adapter.
type AjvClass = typeof AjvDraft04Module;
const interop = <T>(m: T): T => (m as { default?: T }).default ?? m;
const AjvDraft04 = interop(AjvDraft04Module) as AjvClass;
const addFormats = interop(addFormatsModule);

let compiled: ValidateFunction | undefined;

/** Checks a value against the official SARIF 2.1.0 JSON Schema (OASIS, errata 01). */
export function sarifSchemaProblems(value: unknown): Problem[] {
  if (!compiled) {
    const ajv = new AjvDraft04({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    addHashedUniqueItems(ajv);
    compiled = ajv.compile(withHashedUniqueItems(sarifSchema));
  }
  return compiled(value) ? [] : problemsFromAjv((compiled.errors ?? []) as ErrorObject[]);
}
