import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/standards/problem';
import { ItemSplitter, nestingDepth, type SplitItem } from '../../../src/standards/json-stream/item-splitter';

const limits = { maxItemChars: 200, maxDepth: 5 };

function splitAll(mode: 'array' | 'ndjson', pieces: string[]): SplitItem[] {
  const s = new ItemSplitter(mode, limits);
  return [...pieces.flatMap((p) => s.push(p)), ...s.end()];
}

const texts = (items: SplitItem[]) => items.map((i) => ('text' in i ? JSON.parse(i.text) : { problem: i.problem }));

describe('streamed item splitting', () => {
  const body = ' [ {"a":"x,]}\\"y"} , {"b":[1,{"c":2}]},3 ,"s", null ]  ';
  const expected = [{ a: 'x,]}"y' }, { b: [1, { c: 2 }] }, 3, 's', null];

  it('splits a JSON array into its items', () => expect(texts(splitAll('array', [body]))).toEqual(expected));

  it('gives the same items wherever the body is cut into chunks', () => {
    for (let cut = 0; cut <= body.length; cut++) {
      expect(texts(splitAll('array', [body.slice(0, cut), body.slice(cut)])), `cut at ${cut}`).toEqual(expected);
    }
    expect(texts(splitAll('array', body.split('')))).toEqual(expected);
  });

  it('reads an empty array', () => expect(splitAll('array', ['[ ]'])).toEqual([]));

  it('reports an item nested too deeply or too large, and goes on with the next', () => {
    const deep = `${'['.repeat(7)}1${']'.repeat(7)}`;
    const big = `"${'x'.repeat(300)}"`;
    const items = splitAll('array', [`[${deep},${big},{"ok":true}]`]);
    expect(items.map((i) => ('problem' in i ? i.problem : 'ok'))).toEqual(['item nested deeper than 5 levels', 'item larger than 200 characters', 'ok']);
    expect(items.map((i) => i.index)).toEqual([0, 1, 2]);
  });

  it('refuses a body that is not an array, or is cut off', () => {
    const why = (body: string) => {
      try {
        splitAll('array', [body]);
      } catch (err) {
        expect(err).toBeInstanceOf(FormatError);
        return (err as FormatError).problems.map((d) => d.message).join();
      }
      return 'accepted';
    };
    expect(why('{"a":1}')).toMatch(/expected a JSON array/);
    expect(why('[{"a":1},')).toMatch(/unexpected end/);
    expect(why('[1] x')).toMatch(/after the closing/);
    expect(why('[1,,2]')).toMatch(/between items/);
    expect(why('')).toMatch(/empty body/);
  });

  it('splits NDJSON by line, skipping blank lines, across chunk boundaries', () => {
    const nd = '{"a":1}\n\n{"b":"x\\ny"}\r\n{"c":3}';
    for (let cut = 0; cut <= nd.length; cut++) {
      expect(texts(splitAll('ndjson', [nd.slice(0, cut), nd.slice(cut)])).map((x) => JSON.stringify(x))).toEqual(['{"a":1}', '{"b":"x\\ny"}', '{"c":3}']);
    }
  });

  it('measures nesting outside strings only', () => {
    expect(nestingDepth('{"a":"[[[[[["}')).toBe(1);
    expect(nestingDepth('[[{"a":[1]}]]')).toBe(4);
  });
});
