import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The API contract (issue 10 §2, ADR 0060): every operation answers a named schema, so the
// generated client (src/client/openapi.ts) has a type for every response.
interface MediaType {
  schema?: { $ref?: string; type?: string };
}
interface Operation {
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, { additionalProperties?: unknown; type?: string; properties?: unknown }> };
}

const doc = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as Document;
const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([method]) => METHODS.has(method))
    .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
);
const isJson = (contentType: string) => contentType === 'application/json' || contentType.endsWith('+json');

describe('OpenAPI contract', () => {
  it('the document has operations to check', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it('every operation declares a 2xx response', () => {
    const without = operations.filter(({ op }) => !Object.keys(op.responses ?? {}).some((status) => status.startsWith('2'))).map((o) => o.name);
    expect(without).toEqual([]);
  });

  it('every JSON response body (2xx and errors) is a reference to a named component schema', () => {
    const schemas = doc.components?.schemas ?? {};
    const unnamed: string[] = [];
    const dangling: string[] = [];
    for (const { name, op } of operations) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        for (const [contentType, media] of Object.entries(response.content ?? {})) {
          if (!isJson(contentType)) continue;
          const ref = media.schema?.$ref;
          if (!ref) unnamed.push(`${name} ${status} ${contentType}`);
          else if (!schemas[ref.replace('#/components/schemas/', '')]) dangling.push(`${name} ${status} → ${ref}`);
        }
      }
    }
    expect(unnamed).toEqual([]);
    expect(dangling).toEqual([]);
  });

  it('a non-JSON 2xx answer declares its content type with a schema', () => {
    const missing: string[] = [];
    for (const { name, op } of operations) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!status.startsWith('2') || status === '204') continue;
        const content = Object.entries(response.content ?? {});
        if (content.length === 0 || content.some(([, media]) => !media.schema)) missing.push(`${name} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('response objects are closed: a component object schema with properties allows no others', () => {
    const open = Object.entries(doc.components?.schemas ?? {})
      .filter(([id, s]) => !id.endsWith('Input') && s.type === 'object' && s.properties !== undefined && s.additionalProperties !== false)
      .map(([id]) => id);
    expect(open).toEqual([]);
  });
});

/** Every TypeScript file under a directory. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') || path.endsWith('.tsx') ? [path] : [];
  });
}

describe('casts', () => {
  it('no `as never` in src/: response and row types agree without throwing the typing away', () => {
    const files = sources('src');
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.includes('as never') ? [`${file}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
