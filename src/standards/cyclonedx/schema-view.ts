/**
 * A read-only view of a CycloneDX JSON Schema, used to map the XML serialization onto the JSON
 * model: which property an element or attribute names, whether a property is an array, and what
 * its items look like. Only the keywords CycloneDX uses for structure are understood
 * (`$ref`, `type`, `properties`, `items`, `oneOf`/`anyOf`/`allOf`).
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export type SchemaKind = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'unknown';

export class SchemaView {
  private readonly byFile = new Map<string, JsonSchema>();

  constructor(
    private readonly root: JsonSchema,
    references: readonly JsonSchema[],
  ) {
    for (const reference of references) {
      const id = String(reference.$id ?? '');
      this.byFile.set(id.slice(id.lastIndexOf('/') + 1), reference);
    }
  }

  /** The top-level schema. */
  get top(): JsonSchema {
    return this.root;
  }

  /** Follows `$ref` (local and to the bundled side schemas) until a concrete schema is reached. */
  resolve(schema: JsonSchema | undefined): JsonSchema {
    let current = schema ?? {};
    for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
      current = this.lookup(current.$ref);
    }
    return current;
  }

  /** The schema and the alternatives it allows (`oneOf`, `anyOf`, `allOf`), each resolved. */
  alternatives(schema: JsonSchema | undefined, seen = new Set<JsonSchema>()): JsonSchema[] {
    const resolved = this.resolve(schema);
    if (seen.has(resolved)) return [];
    seen.add(resolved);
    const out: JsonSchema[] = [resolved];
    for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
      const list = resolved[keyword];
      if (Array.isArray(list)) for (const entry of list) out.push(...this.alternatives(entry as JsonSchema, seen));
    }
    return out;
  }

  /** True when one of the alternatives is of `kind` (e.g. `tools`: an object or, deprecated, an array). */
  allows(schema: JsonSchema | undefined, kind: SchemaKind): boolean {
    return this.alternatives(schema).some((alt) => typeList(alt).includes(kind) || (kind === 'object' && alt.properties !== undefined));
  }

  /** The properties of the object alternatives only. */
  objectProperties(schema: JsonSchema | undefined): Set<string> {
    const names = new Set<string>();
    for (const alt of this.alternatives(schema)) {
      if (alt.type !== undefined && alt.type !== 'object') continue;
      for (const name of Object.keys((alt.properties as object | undefined) ?? {})) names.add(name);
    }
    return names;
  }

  /** The structural kind; when alternatives disagree, `object` or `array` wins over a scalar. */
  kind(schema: JsonSchema | undefined): SchemaKind {
    const kinds = new Set(this.alternatives(schema).flatMap((alt) => typeList(alt)));
    for (const kind of ['array', 'object', 'integer', 'number', 'boolean', 'string'] as const) {
      if (kinds.has(kind)) return kind;
    }
    if (this.alternatives(schema).some((alt) => alt.properties !== undefined)) return 'object';
    return 'unknown';
  }

  /** Every property any object alternative declares, with its schema. */
  properties(schema: JsonSchema | undefined): Map<string, JsonSchema> {
    const out = new Map<string, JsonSchema>();
    for (const alt of this.alternatives(schema)) {
      const props = alt.properties as Record<string, JsonSchema> | undefined;
      if (props) for (const [name, prop] of Object.entries(props)) if (!out.has(name)) out.set(name, prop);
    }
    return out;
  }

  /** The item schema of an array, merging the item schemas of array alternatives. */
  items(schema: JsonSchema | undefined): JsonSchema {
    // `items` is a schema, or (draft-07 tuple form, CycloneDX 1.5 licenseChoice) a list of them.
    const itemSchemas = this.alternatives(schema)
      .filter((alt) => alt.items !== undefined && typeof alt.items === 'object')
      .flatMap((alt) => (Array.isArray(alt.items) ? (alt.items as JsonSchema[]) : [alt.items as JsonSchema]));
    return itemSchemas.length === 1 ? itemSchemas[0]! : { anyOf: itemSchemas };
  }

  /**
   * Property names that, in an item schema, stand for "wrap the element under this key"
   * (e.g. `license` in `{ "license": {...} }`): alternatives with exactly one required property
   * whose schema is an object.
   */
  wrappingKeys(schema: JsonSchema | undefined): Set<string> {
    const keys = new Set<string>();
    for (const alt of this.alternatives(schema)) {
      const required = alt.required;
      if (!Array.isArray(required) || required.length !== 1) continue;
      const key = String(required[0]);
      const prop = this.properties(alt).get(key) ?? this.properties(schema).get(key);
      if (prop && this.kind(prop) === 'object') keys.add(key);
    }
    return keys;
  }

  private lookup(ref: string): JsonSchema {
    const [file, fragment = ''] = ref.split('#');
    const base = file ? (this.byFile.get(file) ?? {}) : this.root;
    let node: unknown = base;
    for (const token of fragment.split('/').filter(Boolean)) {
      node = (node as Record<string, unknown> | undefined)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return (node as JsonSchema | undefined) ?? {};
  }
}

function typeList(schema: JsonSchema): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.map(String);
  if (Array.isArray(schema.enum) || typeof schema.const === 'string' || typeof schema.pattern === 'string') return ['string'];
  return [];
}
