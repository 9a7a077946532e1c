import { createSchemaValidator, jsonDocumentReader, type JsonLimits } from '../json-schema';
import type { Problem } from '../problem';
import schema from './schema/csaf-2.0.json' with { type: 'json' };
import cvssV20 from './schema/cvss-v2.0.json' with { type: 'json' };
import cvssV30 from './schema/cvss-v3.0.json' with { type: 'json' };
import cvssV31 from './schema/cvss-v3.1.json' with { type: 'json' };
import type { CsafDocument, CsafProfile } from './types';

const schemaValidator = createSchemaValidator({
  schema,
  dialect: '2020-12',
  // CSAF 2.0 §3.2.3.13 refers to FIRST's schemas by these URIs.
  references: [
    { uri: 'https://www.first.org/cvss/cvss-v2.0.json', schema: cvssV20 },
    { uri: 'https://www.first.org/cvss/cvss-v3.0.json', schema: cvssV30 },
    { uri: 'https://www.first.org/cvss/cvss-v3.1.json', schema: cvssV31 },
  ],
});

/** Reads CSAF 2.0 documents checked against the official JSON Schema (CSAF 2.0 §9.1.1). */
export const csafReader = jsonDocumentReader<CsafDocument>('csaf', schemaValidator);

/** Every schema problem with `value` as a CSAF 2.0 document. */
export function validateCsaf(value: unknown): Problem[] {
  return csafReader.validate(value);
}

/** Accepts a parsed value as a CSAF 2.0 document; throws FormatError with every problem. */
export function readCsaf(value: unknown): CsafDocument {
  return csafReader.read(value);
}

/** Parses CSAF 2.0 JSON text (within size and depth limits) into a schema-valid document. */
export function parseCsaf(text: string, limits?: JsonLimits): CsafDocument {
  return csafReader.parse(text, limits);
}

const PROFILES: readonly CsafProfile[] = ['csaf_security_advisory', 'csaf_vex', 'csaf_informational_advisory', 'csaf_security_incident_response'];

/**
 * The profile a document claims (CSAF 2.0 §4): its `document.category` when that names a
 * profile, otherwise the base profile (§4.1: any other category is csaf_base).
 */
export function csafProfile(document: CsafDocument): CsafProfile {
  const category = document.document.category as CsafProfile;
  return PROFILES.includes(category) ? category : 'csaf_base';
}
