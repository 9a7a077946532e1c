import type { AnySchema } from 'ajv';
import { createSchemaValidator, jsonDocumentReader, type JsonLimits } from '../json-schema';
import type { Problem } from '../problem';
import binary from './schema/common-binary.json' with { type: 'json' };
import core from './schema/common-core.json' with { type: 'json' };
import observableCore from './schema/common-cyber-observable-core.json' with { type: 'json' };
import dictionary from './schema/common-dictionary.json' with { type: 'json' };
import extension from './schema/common-extension.json' with { type: 'json' };
import externalReference from './schema/common-external-reference.json' with { type: 'json' };
import granularMarking from './schema/common-granular-marking.json' with { type: 'json' };
import hashesType from './schema/common-hashes-type.json' with { type: 'json' };
import hex from './schema/common-hex.json' with { type: 'json' };
import identifier from './schema/common-identifier.json' with { type: 'json' };
import killChainPhase from './schema/common-kill-chain-phase.json' with { type: 'json' };
import markingDefinition from './schema/common-marking-definition.json' with { type: 'json' };
import properties from './schema/common-properties.json' with { type: 'json' };
import timestamp from './schema/common-timestamp.json' with { type: 'json' };
import urlRegex from './schema/common-url-regex.json' with { type: 'json' };
import software from './schema/sco-software.json' with { type: 'json' };
import courseOfAction from './schema/sdo-course-of-action.json' with { type: 'json' };
import identity from './schema/sdo-identity.json' with { type: 'json' };
import indicator from './schema/sdo-indicator.json' with { type: 'json' };
import vulnerability from './schema/sdo-vulnerability.json' with { type: 'json' };
import relationship from './schema/sro-relationship.json' with { type: 'json' };
import type { StixBundle } from './types';

const COMMON = [
  binary,
  core,
  observableCore,
  dictionary,
  extension,
  externalReference,
  granularMarking,
  hashesType,
  hex,
  identifier,
  killChainPhase,
  properties,
  timestamp,
  urlRegex,
];

/** The object types validated against their official schema, by `type`. */
const BY_TYPE: Readonly<Record<string, { $id: string }>> = {
  vulnerability,
  'course-of-action': courseOfAction,
  indicator,
  identity,
  relationship,
  software,
  'marking-definition': markingDefinition,
};

const IDENTIFIER = '^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';

// STIX 2.1 §3.1: every object has a type and an id; supported types meet their schema.
const objectSchema = {
  type: 'object',
  required: ['type', 'id'],
  properties: { type: { type: 'string' }, id: { type: 'string', pattern: IDENTIFIER } },
  allOf: Object.entries(BY_TYPE).map(([type, schema]) => ({
    if: { properties: { type: { const: type } }, required: ['type'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
    then: { $ref: schema.$id },
  })),
};

// STIX 2.1 §8 bundle, with each object checked by the official schema of its type. Objects of
// other types are only checked for a `type` and an `id` (§3.1): this module does not read them.
const bundleSchema: AnySchema = {
  type: 'object',
  required: ['type', 'id'],
  properties: {
    type: { const: 'bundle' },
    id: { type: 'string', pattern: IDENTIFIER.replace('^[a-z][a-z0-9-]+[a-z0-9]--', '^bundle--') },
    objects: {
      type: 'array',
      minItems: 1,
      items: objectSchema,
    },
  },
};

const references = [...COMMON, ...Object.values(BY_TYPE)].map((s) => ({ uri: (s as { $id: string }).$id, schema: s as AnySchema }));
const schemaValidator = createSchemaValidator({ schema: bundleSchema, dialect: '2020-12', unicodeRegExp: false, references });
const objectSchemaValidator = createSchemaValidator({ schema: objectSchema, dialect: '2020-12', unicodeRegExp: false, references });

/** STIX 2.1 §3.2: "modified MUST be later than or equal to the value of the created property". */
function timeOrderProblems(value: unknown, path: string): Problem[] {
  const o = value as { created?: unknown; modified?: unknown } | null;
  if (typeof o !== 'object' || o === null || typeof o.created !== 'string' || typeof o.modified !== 'string') return [];
  return Date.parse(o.modified) < Date.parse(o.created) ? [{ path: `${path}/modified`, message: 'must not be earlier than created' }] : [];
}

const objectValidator = (value: unknown): Problem[] => [...objectSchemaValidator(value), ...timeOrderProblems(value, '')];
const bundleValidator = (value: unknown): Problem[] => {
  const objects = (value as { objects?: unknown } | null)?.objects;
  return [...schemaValidator(value), ...(Array.isArray(objects) ? objects.flatMap((o, i) => timeOrderProblems(o, `/objects/${i}`)) : [])];
};

/** Every problem with `value` as one STIX 2.1 object (outside a bundle). */
export function validateStixObject(value: unknown): Problem[] {
  return objectValidator(value);
}

/** Reads STIX 2.1 bundles, each object of a supported type checked by its official schema. */
export const stixReader = jsonDocumentReader<StixBundle>('stix', bundleValidator);

/** Every problem with `value` as a STIX 2.1 bundle. */
export function validateStixBundle(value: unknown): Problem[] {
  return stixReader.validate(value);
}

/** Accepts a parsed value as a STIX 2.1 bundle; throws FormatError with every problem. */
export function readStixBundle(value: unknown): StixBundle {
  return stixReader.read(value);
}

/** Parses STIX 2.1 JSON text (within size and depth limits) into a checked bundle. */
export function parseStixBundle(text: string, limits?: JsonLimits): StixBundle {
  return stixReader.parse(text, limits);
}
