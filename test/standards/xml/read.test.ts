import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/standards/problem';
import { readXml } from '../../../src/standards/xml';

function rejection(text: string, limits?: { maxBytes: number; maxDepth: number }): FormatError {
  try {
    readXml(text, 'test', limits);
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('readXml', () => {
  it('reads elements, attributes, character references and CDATA', () => {
    const root = readXml('<?xml version="1.0"?><a x="&#x41;&amp;"><b>t &lt; &#65; <![CDATA[<z>&amp;]]></b><!-- note --></a>', 'test');
    expect(root.name).toBe('a');
    expect(root.attributes.x).toBe('A&');
    expect(root.children).toHaveLength(1);
    expect(root.children[0]!.text).toBe('t < A <z>&amp;');
    expect(root.children[0]!.path).toBe('/a/b');
  });

  it('keeps namespace prefixes and gives local names', () => {
    const root = readXml('<c:bom xmlns:c="urn:x"><c:component/></c:bom>', 'test');
    expect(root.localName).toBe('bom');
    expect(root.children[0]!.name).toBe('c:component');
    expect(root.children[0]!.localName).toBe('component');
  });

  it('refuses an external entity (XXE) before parsing', () => {
    const error = rejection('<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>');
    expect(error.problems[0]!.message).toMatch(/entity declarations/);
  });

  it('refuses entity expansion (billion laughs) quickly', () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const error = rejection(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]><lolz>&lol10;</lolz>`);
    expect(error.problems[0]!.message).toMatch(/entity/);
  });

  it('refuses an entity that no DTD declares', () => {
    expect(rejection('<a>&foo;</a>').problems[0]).toEqual({ path: '/a', message: expect.stringMatching(/&foo; is not declared/) });
  });

  it('refuses nesting deeper than the limit without exhausting the stack', () => {
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    expect(rejection(deep).problems[0]!.message).toMatch(/nested|depth/i);
    expect(rejection('<a><a><a><a></a></a></a></a>', { maxBytes: 1000, maxDepth: 3 }).problems[0]!.message).toMatch(/depth limit 3/);
  });

  it('refuses a document over the size limit', () => {
    expect(rejection('<a>0123456789</a>', { maxBytes: 10, maxDepth: 10 }).problems[0]!.message).toMatch(/larger than the limit/);
  });

  it.each([
    ['truncated', '<bom><components><component>'],
    ['mismatched tags', '<a><b></a>'],
    ['empty', ''],
    ['two roots', '<a/><b/>'],
    ['text only', 'hello'],
    ['illegal character reference', '<a>&#0;</a>'],
  ])('refuses %s input with a FormatError', (_name, text) => {
    expect(rejection(text).problems.length).toBeGreaterThan(0);
  });
});
