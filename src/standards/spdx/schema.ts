import { createSchemaValidator } from '../json-schema';
import spdx23 from './schema/spdx-schema-2.3.json' with { type: 'json' };

/** Checks a value against the official SPDX 2.3 JSON Schema (JSON Schema 2019-09). */
export const spdx23SchemaProblems = createSchemaValidator({ schema: spdx23, dialect: '2019-09' });
