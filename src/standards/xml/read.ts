import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FormatError } from '../problem';
import { decodeXmlText } from './entities';
import type { XmlElement, XmlLimits } from './types';

/** Defaults sized for SBOMs: large documents are fine, pathological nesting is not. */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 64 * 1024 * 1024, maxDepth: 64 };

// Entity declarations are how both external-entity (XXE) and expansion (billion laughs)
// attacks work (XML 1.0 §4.2). No standard we read needs them, so any DOCTYPE that declares
// one is refused before a parser sees the document.
// A DOCTYPE naming an external DTD (SYSTEM / PUBLIC) is refused too: nothing here loads one,
// and a document that depends on one cannot be read faithfully.
const DOCTYPE = /<!DOCTYPE/;
const ENTITY_DECLARATION = /<!ENTITY/;
// XML 1.0 §2.3 Name production (letters, digits, `_`, `:`, `.`, `-`, middle dot).
const XML_NAME = /^[\p{L}_:][\p{L}\p{N}_.:\-\u00B7]*$/u;

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Reads an XML document into a plain element tree, safely: no DTD entity expansion, no
 * external entities, size and depth limits. Every failure is a FormatError whose path names
 * the place: the element path, or the line and column of a syntax error in the message.
 *
 * @param format the standard reading the document, named in the error (e.g. `cyclonedx`).
 */
export function readXml(text: string, format: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  if (text.length > limits.maxBytes) {
    throw new FormatError(format, [{ path: '', message: `XML document larger than the limit of ${limits.maxBytes} bytes` }]);
  }
  if (ENTITY_DECLARATION.test(text) || (DOCTYPE.test(text) && /<!DOCTYPE[^>]*\b(SYSTEM|PUBLIC)\b/.test(text))) {
    throw new FormatError(format, [
      { path: '', message: 'XML entity declarations and external DTDs are not accepted (no external entities, no entity expansion)' },
    ]);
  }
  const nodes = parseOrdered(text, format, limits);
  const roots = nodes.flatMap((node) => toElements(node, '', format));
  if (roots.length !== 1) {
    throw new FormatError(format, [{ path: '', message: `XML document must have exactly one root element, found ${roots.length}` }]);
  }
  return roots[0]!;
}

function parseOrdered(text: string, format: string, limits: XmlLimits): OrderedNode[] {
  const checked = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (checked !== true) {
    const { line, col, msg } = checked.err;
    const place = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    throw new FormatError(format, [{ path: '', message: `XML not well-formed at ${place}: ${msg}` }]);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: false,
    cdataPropName: '#cdata',
    // fast-xml-parser counts the open ancestors of an element, so depth N allows N - 1.
    maxNestedTags: Math.max(0, limits.maxDepth - 1),
  });
  try {
    return parser.parse(text) as OrderedNode[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FormatError(format, [{ path: '', message: `XML rejected: ${message} (depth limit ${limits.maxDepth})` }]);
  }
}

function toElements(node: OrderedNode, parentPath: string, format: string): XmlElement[] {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (name === undefined || name === '#text') return [];
  const path = `${parentPath}/${name}`;
  if (!XML_NAME.test(name)) {
    throw new FormatError(format, [{ path: parentPath, message: `<${name}> is not an XML element name (markup declarations are not accepted in content)` }]);
  }
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[':@'] ?? {})) {
    attributes[key] = decodeXmlText(String(value), format, `${path}/@${key}`);
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[name] as OrderedNode[] | undefined) ?? []) {
    if ('#text' in child) text += decodeXmlText(String(child['#text']), format, path);
    else if ('#cdata' in child) text += cdataText(child['#cdata']);
    else children.push(...toElements(child, path, format));
  }
  return [{ name, localName: name.slice(name.indexOf(':') + 1), attributes, children, text, path }];
}

// CDATA sections are literal text (XML 1.0 §2.7): no entity decoding.
function cdataText(section: unknown): string {
  return Array.isArray(section) ? section.map((part: OrderedNode) => String(part['#text'] ?? '')).join('') : '';
}
