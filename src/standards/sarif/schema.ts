import AjvDraft04Module from 'ajv-draft-04';
import type { default as Ajv, Options } from 'ajv';
import { officialSchemaValidator } from '../inventory/schema-validator';
import sarifSchema from './schema/sarif-schema-2.1.0.json' with { type: 'json' };

// ajv-draft-04 is CommonJS: under ESM interop the class may sit on `.default`.
const AjvDraft04 = ((AjvDraft04Module as unknown as { default?: unknown }).default ?? AjvDraft04Module) as new (options: Options) => Ajv;

/** Checks a value against the official SARIF 2.1.0 JSON Schema (OASIS, errata 01; draft-04). */
export const sarifSchemaProblems = officialSchemaValidator(AjvDraft04, sarifSchema);
