import Ajv2019Module from 'ajv/dist/2019';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { problemsFromAjv } from '../json-schema';
import type { Problem } from '../problem';
import spdx23 from './schema/spdx-schema-2.3.json' with { type: 'json' };

// The SPDX 2.3 schema is JSON Schema 2019-09, a dialect the shared json-schema helper does not
// build (it has draft-07 and 2020-12); problems are still reported through its ajv adapter.
type AjvClass = typeof Ajv2019Module;
const interop = <T>(m: T): T => (m as { default?: T }).default ?? m;
const Ajv2019 = interop(Ajv2019Module) as AjvClass;
const addFormats = interop(addFormatsModule);

let compiled: ValidateFunction | undefined;

/** Checks a value against the official SPDX 2.3 JSON Schema; every problem, with its path. */
export function spdx23SchemaProblems(value: unknown): Problem[] {
  if (!compiled) {
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    compiled = ajv.compile(spdx23);
  }
  return compiled(value) ? [] : problemsFromAjv((compiled.errors ?? []) as ErrorObject[]);
}
