import type { AnySchema } from 'ajv';
import { createSchemaValidator, jsonDocumentReader, type JsonLimits, type SchemaValidatorOptions } from '../json-schema';
import type { Problem } from '../problem';
import schema from './schema/cve5-vulnogram.json' with { type: 'json' };
import type { Cve5Record } from './types';

const SCHEMA_ID = 'https://cve.org/cve/record/v5_00/';

// Vulnogram's copy of the CVE schema carries editor hints: widget names in `format` and
// `$ref`s to its own lookup lists (users, CWE, CAPEC). They constrain nothing in the CVE
// Record Format, so they are accepted as they are and the lookups resolve to empty schemas.
const common: Omit<SchemaValidatorOptions, 'schema'> = {
  dialect: 'draft-07',
  annotationFormats: [
    'CPEA', 'CVSS', 'checkbox', 'datetime', 'gird', 'grid', 'languagePicker', 'object', 'radio',
    'simplehtml', 'ssvcOpts', 'string', 'table', 'taglist', 'textarea',
  ],
  references: [
    { uri: 'https://cve.org/users/list/json', schema: {} },
    { uri: `${SCHEMA_ID}js/cwe-all.json`, schema: {} },
    { uri: `${SCHEMA_ID}js/capec.json`, schema: {} },
  ],
};

const recordValidator = createSchemaValidator({ ...common, schema });
/** A validator for one definition of the record schema (a container, not a whole record). */
const definitionValidator = (name: string) =>
  createSchemaValidator({
    ...common,
    schema: { $ref: `${SCHEMA_ID}#/definitions/${name}` },
    references: [...(common.references ?? []), { uri: SCHEMA_ID, schema: schema as AnySchema }],
  });

const containerValidators = {
  published: definitionValidator('cnaPublishedContainer'),
  rejected: definitionValidator('cnaRejectedContainer'),
  adp: definitionValidator('adpContainer'),
};

/** What CVE Services receives from a CNA: a container for a published or rejected record, or an ADP container. */
export type Cve5ContainerKind = keyof typeof containerValidators;

// CVE Services fills `providerMetadata` from the authenticated organisation when a CNA
// submits a container (CVE Services API: POST /cve/{id}/cna, /reject, PUT /adp), so a
// submission may omit it; a syntactically valid stand-in lets the rest be checked.
const SUBMITTER = { orgId: '00000000-0000-4000-8000-000000000000' };

/** Reads CVE JSON 5.x records (Published or Rejected) checked against the CVE record schema. */
export const cve5Reader = jsonDocumentReader<Cve5Record>('cve5', recordValidator);

/** Every schema problem with `value` as a CVE JSON 5.x record. */
export function validateCve5(value: unknown): Problem[] {
  return cve5Reader.validate(value);
}

/** Accepts a parsed value as a CVE record; throws FormatError with every problem. */
export function readCve5(value: unknown): Cve5Record {
  return cve5Reader.read(value);
}

/** Parses CVE JSON 5.x text (within size and depth limits) into a schema-valid record. */
export function parseCve5(text: string, limits?: JsonLimits): Cve5Record {
  return cve5Reader.parse(text, limits);
}

/**
 * Every schema problem with `value` as a container submitted to CVE Services (`providerMetadata`
 * may be absent: the service sets it).
 */
export function validateCve5Container(value: unknown, kind: Cve5ContainerKind): Problem[] {
  const submitted = typeof value === 'object' && value !== null && !Array.isArray(value) && !('providerMetadata' in value)
    ? { ...value, providerMetadata: SUBMITTER }
    : value;
  return containerValidators[kind](submitted);
}
