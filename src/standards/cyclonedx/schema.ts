import AjvModule, { type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { addHashedUniqueItems, withHashedUniqueItems } from '../inventory/unique-items';
import { problemsFromAjv } from '../json-schema';
import type { Problem } from '../problem';
import bom14 from './schema/bom-1.4.schema.json' with { type: 'json' };
import bom15 from './schema/bom-1.5.schema.json' with { type: 'json' };
import bom16 from './schema/bom-1.6.schema.json' with { type: 'json' };
import bom17 from './schema/bom-1.7.schema.json' with { type: 'json' };
import cryptographyDefs from './schema/cryptography-defs.schema.json' with { type: 'json' };
import jsf from './schema/jsf-0.82.schema.json' with { type: 'json' };
import spdxLicenses from './schema/spdx.schema.json' with { type: 'json' };
import { SchemaView, type JsonSchema } from './schema-view';

/** The CycloneDX specification versions this module reads. */
export const SPEC_VERSIONS = ['1.4', '1.5', '1.6', '1.7'] as const;
export type SpecVersion = (typeof SPEC_VERSIONS)[number];

const ROOTS: Readonly<Record<SpecVersion, JsonSchema>> = { '1.4': bom14, '1.5': bom15, '1.6': bom16, '1.7': bom17 };
const REFERENCES: readonly JsonSchema[] = [spdxLicenses, jsf, cryptographyDefs];

// ajv and ajv-formats are CommonJS: under ESM interop the export may sit on `.default`.
const interop = <T>(m: T): T => (m as { default?: T }).default ?? m;
const AjvDraft07 = interop(AjvModule);
const addFormats = interop(addFormatsModule);

/** True when `value` names a supported specVersion. */
export function isSpecVersion(value: unknown): value is SpecVersion {
  return typeof value === 'string' && (SPEC_VERSIONS as readonly string[]).includes(value);
}

const validators = new Map<SpecVersion, SchemaValidator>();
const views = new Map<SpecVersion, SchemaView>();

/** Checks a parsed value against one official schema; every problem, with its path. */
export type SchemaValidator = (value: unknown) => Problem[];

/**
 * The official JSON Schema check for one version (compiled on first use, then cached). Built
 * here rather than with the shared json-schema helper because `uniqueItems` must be checked
 * in linear time for large SBOMs (see unique-items.ts); problems go through its ajv adapter.
 */
export function schemaValidator(version: SpecVersion): SchemaValidator {
  let validator = validators.get(version);
  if (!validator) {
    const ajv = new AjvDraft07({ strict: false, allErrors: true, allowUnionTypes: true, validateSchema: false });
    addFormats(ajv);
    // `iri-reference` and `idn-email` are JSON Schema formats ajv-formats does not implement;
    // they are accepted unchecked rather than failing compilation.
    for (const name of ['iri-reference', 'idn-email']) ajv.addFormat(name, true);
    addHashedUniqueItems(ajv);
    for (const reference of REFERENCES) ajv.addSchema(withHashedUniqueItems(reference), String(reference.$id));
    const compiled = ajv.compile(withHashedUniqueItems(ROOTS[version]));
    validator = (value) => (compiled(value) ? [] : problemsFromAjv((compiled.errors ?? []) as ErrorObject[]));
    validators.set(version, validator);
  }
  return validator;
}

/** The schema of one version, viewed for mapping XML onto the JSON model. */
export function schemaView(version: SpecVersion): SchemaView {
  let view = views.get(version);
  if (!view) {
    view = new SchemaView(ROOTS[version], REFERENCES);
    views.set(version, view);
  }
  return view;
}
