export { parseJsonText, DEFAULT_JSON_LIMITS, type JsonLimits } from './parse-json';
export { createSchemaValidator, type SchemaValidator, type SchemaValidatorOptions, type SchemaDialect } from './validator';
export { problemsFromAjv } from './ajv-problems';
export { orderKeys, stringifyOrdered, type KeyOrder } from './key-order';
export { jsonDocumentReader, type JsonDocumentReader } from './document';
