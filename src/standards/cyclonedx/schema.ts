import { createSchemaValidator, type SchemaValidator } from '../json-schema';
import bom14 from './schema/bom-1.4.schema.json' with { type: 'json' };
import bom15 from './schema/bom-1.5.schema.json' with { type: 'json' };
import bom16 from './schema/bom-1.6.schema.json' with { type: 'json' };
import bom17 from './schema/bom-1.7.schema.json' with { type: 'json' };
import cryptographyDefs from './schema/cryptography-defs.schema.json' with { type: 'json' };
import jsf from './schema/jsf-0.82.schema.json' with { type: 'json' };
import spdxLicenses from './schema/spdx.schema.json' with { type: 'json' };
import { SchemaView, type JsonSchema } from './schema-view';
import { XML_SIGNATURE_SCHEMA } from './xml-signature';

/** The CycloneDX specification versions this module reads. */
export const SPEC_VERSIONS = ['1.4', '1.5', '1.6', '1.7'] as const;
export type SpecVersion = (typeof SPEC_VERSIONS)[number];

const ROOTS: Readonly<Record<SpecVersion, JsonSchema>> = { '1.4': bom14, '1.5': bom15, '1.6': bom16, '1.7': bom17 };
const REFERENCES: readonly JsonSchema[] = [spdxLicenses, jsf, cryptographyDefs];
// The XML serialization signs with XML Signature where JSON signs with JSF: the same schemas,
// with the JSF side schema replaced (see xml-signature.ts).
const XML_REFERENCES: readonly JsonSchema[] = [spdxLicenses, XML_SIGNATURE_SCHEMA, cryptographyDefs];
// JSON Schema formats ajv-formats does not implement, accepted unchecked.
const UNCHECKED_FORMATS = ['iri-reference', 'idn-email'];

/** True when `value` names a supported specVersion. */
export function isSpecVersion(value: unknown): value is SpecVersion {
  return typeof value === 'string' && (SPEC_VERSIONS as readonly string[]).includes(value);
}

const validators = new Map<string, SchemaValidator>();
const views = new Map<SpecVersion, SchemaView>();

/**
 * The official JSON Schema check for one version and serialization (compiled on first use,
 * then cached). An XML BOM is checked in its JSON model, its signatures as XML signatures.
 */
export function schemaValidator(version: SpecVersion, serialization: 'json' | 'xml' = 'json'): SchemaValidator {
  const key = `${version}/${serialization}`;
  let validator = validators.get(key);
  if (!validator) {
    const references = (serialization === 'xml' ? XML_REFERENCES : REFERENCES).map((schema) => ({ uri: String(schema.$id), schema }));
    validator = createSchemaValidator({ schema: ROOTS[version], dialect: 'draft-07', references, annotationFormats: UNCHECKED_FORMATS });
    validators.set(key, validator);
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
