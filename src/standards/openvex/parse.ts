import { createSchemaValidator, jsonDocumentReader, type JsonLimits } from '../json-schema';
import type { Problem } from '../problem';
import schema from './schema/openvex-0.2.0.json' with { type: 'json' };
import type { OpenVexDocument } from './types';

const schemaValidator = createSchemaValidator({
  schema,
  dialect: '2020-12',
  // RFC 3987 IRI: a scheme, a colon and no whitespace (purls such as `pkg:npm/x@1` are IRIs).
  formats: { iri: /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/u },
});

/** Reads OpenVEX 0.2.0 documents checked against the official schema. */
export const openVexReader = jsonDocumentReader<OpenVexDocument>('openvex', schemaValidator);

/** Every schema problem with `value` as an OpenVEX 0.2.0 document. */
export function validateOpenVex(value: unknown): Problem[] {
  return openVexReader.validate(value);
}

/** Accepts a parsed value as an OpenVEX document; throws FormatError with every problem. */
export function readOpenVex(value: unknown): OpenVexDocument {
  return openVexReader.read(value);
}

/** Parses OpenVEX JSON text (within size and depth limits) into a schema-valid document. */
export function parseOpenVex(text: string, limits?: JsonLimits): OpenVexDocument {
  return openVexReader.parse(text, limits);
}
