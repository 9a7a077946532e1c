import Ajv2019Module from 'ajv/dist/2019';
import type { default as Ajv, Options } from 'ajv';
import { officialSchemaValidator } from '../inventory/schema-validator';
import spdx23 from './schema/spdx-schema-2.3.json' with { type: 'json' };

// ajv is CommonJS: under ESM interop the class may sit on `.default`.
const Ajv2019 = ((Ajv2019Module as unknown as { default?: unknown }).default ?? Ajv2019Module) as new (options: Options) => Ajv;

/** Checks a value against the official SPDX 2.3 JSON Schema (JSON Schema 2019-09). */
export const spdx23SchemaProblems = officialSchemaValidator(Ajv2019, spdx23);
