import { createSchemaValidator } from '../json-schema';
import sarifSchema from './schema/sarif-schema-2.1.0.json' with { type: 'json' };

/** Checks a value against the official SARIF 2.1.0 JSON Schema (OASIS, errata 01; draft-04). */
export const sarifSchemaProblems = createSchemaValidator({ schema: sarifSchema, dialect: 'draft-04' });
