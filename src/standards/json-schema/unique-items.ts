import canonicalizeModule from 'canonicalize';
import type { default as Ajv, ErrorObject, SchemaValidateFunction } from 'ajv';

// ajv checks JSON Schema `uniqueItems` by comparing every pair of items: quadratic, and an
// SBOM's 50,000 components or a SARIF log's results make that minutes. The official schemas
// are compiled with `uniqueItems: true` renamed to this keyword, which hashes each item's
// canonical JSON (RFC 8785) instead: the same rule (JSON Schema §6.4.3), in linear time.
const KEYWORD = 'uniqueItemsHashed';
type Canonicalize = (value: unknown) => string | undefined;
const canonicalize = ((canonicalizeModule as unknown as { default?: Canonicalize }).default ?? canonicalizeModule) as unknown as Canonicalize;

/** A copy of `schema` with every `uniqueItems: true` replaced by the hashed check. */
export function withHashedUniqueItems<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item: unknown) => withHashedUniqueItems(item)) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'uniqueItems' && value === true) out[KEYWORD] = true;
    else out[key] = withHashedUniqueItems(value);
  }
  return out as T;
}

/** Teaches an ajv instance the hashed `uniqueItems` check. */
export function addHashedUniqueItems(ajv: Ajv): void {
  const validate: SchemaValidateFunction = (enabled: boolean, data: unknown[]): boolean => {
    if (!enabled || !Array.isArray(data)) return true;
    const seen = new Map<string, number>();
    for (let i = 0; i < data.length; i++) {
      const key = canonicalize(data[i]) ?? '';
      const first = seen.get(key);
      if (first !== undefined) {
        validate.errors = [
          {
            keyword: 'uniqueItems',
            message: `must NOT have duplicate items (items ${first} and ${i} are identical)`,
            params: { i: first, j: i },
          } as unknown as ErrorObject,
        ];
        return false;
      }
      seen.set(key, i);
    }
    return true;
  };
  ajv.addKeyword({ keyword: KEYWORD, type: 'array', schemaType: 'boolean', errors: true, validate });
}
