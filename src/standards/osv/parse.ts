import { createSchemaValidator, jsonDocumentReader, type JsonLimits } from '../json-schema';
import type { Problem } from '../problem';
import schema from './schema/osv-schema.json' with { type: 'json' };
import type { OsvRecord } from './types';

const schemaValidator = createSchemaValidator({ schema, dialect: '2020-12' });
export const osvReader = jsonDocumentReader<OsvRecord>('osv', schemaValidator);

/** Every problem with `value` as an OSV record, against the official OSV 1.7 schema. */
export function validateOsv(value: unknown): Problem[] {
  return osvReader.validate(value);
}

/** Accepts an already-parsed value as an OSV record; throws FormatError with every problem. */
export function readOsv(value: unknown): OsvRecord {
  return osvReader.read(value);
}

/** Parses OSV JSON text (within size and depth limits) into a validated record. */
export function parseOsv(text: string, limits?: JsonLimits): OsvRecord {
  return osvReader.parse(text, limits);
}
