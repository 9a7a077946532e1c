import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../../../src/standards/json-schema';
import { isUriReference } from '../../../src/standards/json-schema/formats';

describe('createSchemaValidator: one ajv set-up for every dialect', () => {
  it('reads draft-04 (SARIF): boolean exclusiveMaximum and `id`', () => {
    const validate = createSchemaValidator({
      dialect: 'draft-04',
      schema: {
        $schema: 'http://json-schema.org/draft-04/schema#',
        id: 'urn:example:d4',
        type: 'object',
        properties: { n: { type: 'number', maximum: 5, exclusiveMaximum: true } },
      },
    });
    expect(validate({ n: 4 })).toEqual([]);
    expect(validate({ n: 5 }).map((p) => p.path)).toEqual(['/n']);
  });

  it('reads 2019-09 (SPDX 2.3): dependentRequired', () => {
    const validate = createSchemaValidator({
      dialect: '2019-09',
      schema: { $schema: 'https://json-schema.org/draft/2019-09/schema', type: 'object', dependentRequired: { a: ['b'] } },
    });
    expect(validate({ a: 1, b: 2 })).toEqual([]);
    expect(validate({ a: 1 })).toEqual([{ path: '/b', message: 'is required when a is present' }]);
  });

  it('checks uniqueItems by canonical JSON, in the root and in referenced schemas, with the path', () => {
    const validate = createSchemaValidator({
      dialect: 'draft-07',
      schema: { type: 'object', properties: { tags: { type: 'array', uniqueItems: true }, parts: { $ref: 'urn:example:parts' } } },
      references: [{ uri: 'urn:example:parts', schema: { $id: 'urn:example:parts', type: 'array', uniqueItems: true } }],
    });
    expect(
      validate({
        tags: [
          { a: 1, b: 2 },
          { b: 2, a: 1.0 },
        ],
        parts: [1, 2],
      }),
    ).toEqual([{ path: '/tags', message: 'must NOT have duplicate items (items 0 and 1 are identical)' }]);
    expect(validate({ tags: [{ a: 1 }, { a: 2 }], parts: ['x', 'x'] }).map((p) => p.path)).toEqual(['/parts']);
    expect(validate({ tags: Array.from({ length: 20_000 }, (_, i) => ({ i })) })).toEqual([]);
  });
});

describe('uri-reference (RFC 3986 §4.1)', () => {
  it.each(['file:///C:/src/a.c', 'src/a.c', '../a.c', '/abs/a.c', 'a.c#L1', '?q', '', 'urn:isbn:0451450523', './this:that'])('accepts %j', (value) => {
    expect(isUriReference(value)).toBe(true);
  });

  it.each(['fi&le:///c:/src/a.c', 'th&is:that/x', 'C:\\src\\a.c', 'ht%tp://example.com', 'a b'])('rejects %j', (value) => {
    expect(isUriReference(value)).toBe(false);
  });
});
