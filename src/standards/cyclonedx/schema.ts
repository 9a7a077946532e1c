import AjvModule from 'ajv';
import { officialSchemaValidator, type OfficialSchemaValidator } from '../inventory/schema-validator';
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

// ajv is CommonJS: under ESM interop the class may sit on `.default`; `iri-reference` and
// `idn-email` are JSON Schema formats ajv-formats does not implement, accepted unchecked.
const AjvDraft07 = (AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule;

/** True when `value` names a supported specVersion. */
export function isSpecVersion(value: unknown): value is SpecVersion {
  return typeof value === 'string' && (SPEC_VERSIONS as readonly string[]).includes(value);
}

const validators = new Map<SpecVersion, OfficialSchemaValidator>();
const views = new Map<SpecVersion, SchemaView>();

/** The official JSON Schema check for one version (compiled on first use, then cached). */
export function schemaValidator(version: SpecVersion): OfficialSchemaValidator {
  let validator = validators.get(version);
  if (!validator) {
    validator = officialSchemaValidator(AjvDraft07, ROOTS[version], { references: REFERENCES, uncheckedFormats: ['iri-reference', 'idn-email'] });
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
