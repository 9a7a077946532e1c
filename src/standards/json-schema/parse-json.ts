import { FormatError } from '../problem';

/** Limits applied to untrusted JSON text before and while it is parsed. */
export interface JsonLimits {
  /** Largest accepted input, in UTF-8 bytes. */
  readonly maxBytes?: number;
  /** Deepest accepted nesting of arrays and objects (the top-level value is depth 1). */
  readonly maxDepth?: number;
}

/** Defaults sized for advisories and SBOMs: 64 MiB, 256 levels. */
export const DEFAULT_JSON_LIMITS: Required<JsonLimits> = { maxBytes: 64 * 1024 * 1024, maxDepth: 256 };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** UTF-8 length of `text`, stopping early once it passes `limit`. */
function utf8LengthOver(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length; // cannot be over: skip the count
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Deepest nesting in `text`, scanning only structure characters outside strings. Done
 * before JSON.parse so a hostile document cannot exhaust the stack of later recursive walks.
 * Returns -1 as soon as `limit` is passed.
 */
function nestingOver(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let j = text.indexOf('"', i + 1);
      while (j !== -1) {
        let slashes = 0;
        while (text.charCodeAt(j - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      if (j === -1) return deepest; // unterminated string: JSON.parse reports it
      i = j;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return -1;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return deepest;
}

/** Line and column (1-based) of a character offset, for a readable syntax error. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function syntaxProblem(text: string, err: SyntaxError): string {
  const position = /position (\d+)/.exec(err.message);
  const offset = position ? Number(position[1]) : undefined;
  const where = offset !== undefined ? ` at ${lineAndColumn(text, offset)}` : '';
  // V8 reports a cut-off document either as "end of input" or as an error at the very end.
  const atEnd = offset !== undefined && offset >= text.trimEnd().length;
  if (atEnd || /end of (JSON|data) input/i.test(err.message) || /Unterminated/i.test(err.message)) {
    return `truncated JSON: the input ends before the document does${where}`;
  }
  return `malformed JSON${where}: ${err.message.split('\n')[0]}`;
}

/**
 * Parses untrusted JSON text (RFC 8259) within size and depth limits.
 *
 * @param text the document
 * @param limits size and depth limits (defaults: {@link DEFAULT_JSON_LIMITS})
 * @param format the format name the error carries, e.g. `osv`
 * @throws FormatError with one problem at path '' when the text is too big, too deep,
 *   truncated or malformed
 */
export function parseJsonText(text: string, limits: JsonLimits = {}, format = 'json'): unknown {
  const maxBytes = limits.maxBytes ?? DEFAULT_JSON_LIMITS.maxBytes;
  const maxDepth = limits.maxDepth ?? DEFAULT_JSON_LIMITS.maxDepth;
  if (typeof text !== 'string') {
    throw new FormatError(format, [{ path: '', message: 'expected JSON text' }]);
  }
  const bytes = utf8LengthOver(text, maxBytes);
  if (bytes > maxBytes) {
    throw new FormatError(format, [{ path: '', message: `input is larger than the limit of ${maxBytes} bytes` }]);
  }
  if (nestingOver(text, maxDepth) < 0) {
    throw new FormatError(format, [{ path: '', message: `input is nested deeper than the limit of ${maxDepth} levels` }]);
  }
  if (text.trim() === '') {
    throw new FormatError(format, [{ path: '', message: 'empty input: expected a JSON document' }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = err instanceof SyntaxError ? syntaxProblem(text, err) : `unreadable JSON: ${String(err)}`;
    throw new FormatError(format, [{ path: '', message }]);
  }
}
