import type { AnySchema } from 'ajv';
import { createSchemaValidator, jsonDocumentReader, type JsonLimits, type SchemaValidator } from '../json-schema';
import type { Problem } from '../problem';
import schema from './schema/CVE_Record_Format_5.1.1_bundled.json' with { type: 'json' };
import type { Cve5Record } from './types';

/** The `$id` of the official CVE Record Format schema (CVEProject/cve-schema, 5.1.1 bundled). */
const SCHEMA_ID = schema.$id;

/** A validator for one part of the record schema, by JSON Pointer (a record kind or a container). */
const partValidator = (pointer: string) =>
  createSchemaValidator({
    dialect: 'draft-07',
    schema: { $ref: `${SCHEMA_ID}#${pointer}` },
    references: [{ uri: SCHEMA_ID, schema: schema as AnySchema }],
  });
const definitionValidator = (name: string) => partValidator(`/definitions/${name}`);

const anyRecordValidator = createSchemaValidator({ schema, dialect: 'draft-07' });
// The record schema is a `oneOf` of the Published and Rejected records, told apart by
// `cveMetadata.state` (CVE Record Format 5.1, `cveMetadataPublished` / `cveMetadataRejected`).
// A record that states its kind is checked as that kind, so a Published record with one bad
// metric is told about the metric, not that it is not a Rejected record.
const recordValidatorByState: Readonly<Record<string, SchemaValidator>> = {
  PUBLISHED: partValidator('/oneOf/0'),
  REJECTED: partValidator('/oneOf/1'),
};

function recordValidator(value: unknown): Problem[] {
  const state = (value as { cveMetadata?: { state?: unknown } } | null)?.cveMetadata?.state;
  const byState = typeof state === 'string' && Object.hasOwn(recordValidatorByState, state) ? recordValidatorByState[state]! : undefined;
  return byState ? byState(value) : anyRecordValidator(value);
}

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
  const submitted =
    typeof value === 'object' && value !== null && !Array.isArray(value) && !('providerMetadata' in value) ? { ...value, providerMetadata: SUBMITTER } : value;
  return containerValidators[kind](submitted);
}
