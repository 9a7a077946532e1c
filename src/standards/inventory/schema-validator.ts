import type { AnySchema, default as Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { problemsFromAjv } from '../json-schema';
import type { Problem } from '../problem';
import { addHashedUniqueItems, withHashedUniqueItems } from './unique-items';

// ajv-formats is CommonJS: under ESM interop the function may sit on `.default`.
const interop = <T>(m: T): T => (m as { default?: T }).default ?? m;
const addFormats = interop(addFormatsModule);

/** Checks a parsed value against an official schema; every problem, with its JSON Pointer. */
export type OfficialSchemaValidator = (value: unknown) => Problem[];

/** What an official schema needs beyond its dialect. */
export interface OfficialSchemaOptions {
  /** Schemas the root refers to, registered under their `$id`. */
  readonly references?: readonly Record<string, unknown>[];
  /** Formats ajv-formats does not implement (e.g. `iri-reference`), accepted unchecked. */
  readonly uncheckedFormats?: readonly string[];
}

/**
 * Builds a lazy validator for an official schema in a dialect the shared json-schema helper
 * does not build (SARIF's draft-04, SPDX's 2019-09), or that needs linear-time `uniqueItems`
 * for large documents (all of these). Problems go through the shared ajv adapter, so paths and
 * messages read the same as every other format's.
 */
export function officialSchemaValidator(
  AjvClass: new (options: Options) => Ajv,
  schema: AnySchema,
  options: OfficialSchemaOptions = {},
): OfficialSchemaValidator {
  let compiled: ValidateFunction | undefined;
  return (value) => {
    if (!compiled) {
      const ajv = new AjvClass({ strict: false, allErrors: true, allowUnionTypes: true, validateSchema: false });
      addFormats(ajv);
      for (const name of options.uncheckedFormats ?? []) ajv.addFormat(name, true);
      addHashedUniqueItems(ajv);
      for (const reference of options.references ?? []) ajv.addSchema(withHashedUniqueItems(reference), String(reference.$id));
      compiled = ajv.compile(withHashedUniqueItems(schema));
    }
    return compiled(value) ? [] : problemsFromAjv((compiled.errors ?? []) as ErrorObject[]);
  };
}
