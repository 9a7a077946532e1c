import { FormatError } from '../problem';

/**
 * Splits a streamed bulk submission into items without holding the whole body: a JSON
 * array (`[ {…}, {…} ]`) or NDJSON (one JSON value per line). Each item comes out as its
 * own text, or as a problem when it is too large or too deeply nested (the rest of the
 * stream goes on). A body that is not an array at all is a request-level error: a
 * FormatError (`json`) naming where the body went wrong (RFC 8259 array, NDJSON lines).
 */
export type SplitItem = { readonly index: number; readonly text: string } | { readonly index: number; readonly problem: string };

export interface SplitLimits {
  /** Longest item text (characters). */
  readonly maxItemChars: number;
  /** Deepest nesting of objects and arrays inside an item. */
  readonly maxDepth: number;
}

const WS = new Set([' ', '\t', '\n', '\r', '\ufeff']);

export class ItemSplitter {
  private index = 0;
  private buf = '';
  // Array mode: where we are between items.
  private state: 'start' | 'before-item' | 'after-item' | 'done' = 'start';
  // The item being read (array mode).
  private inItem = false;
  private depth = 0;
  private maxSeen = 0;
  private inString = false;
  private escaped = false;
  private tooLarge = false;
  private itemChars = 0;
  private started = false;

  constructor(
    readonly mode: 'array' | 'ndjson',
    private readonly limits: SplitLimits,
  ) {}

  /** Feeds the next piece of text; returns the items it completed. */
  push(chunk: string): SplitItem[] {
    return this.mode === 'ndjson' ? this.pushLines(chunk) : this.pushArray(chunk);
  }

  /** The end of the body: the last item, or an error when the array was left open. */
  end(): SplitItem[] {
    if (this.mode === 'ndjson') {
      const rest = this.buf;
      this.buf = '';
      return rest.trim() ? [this.lineItem(rest)] : [];
    }
    if (this.state !== 'done') {
      throw new FormatError('json', [
        {
          path: `/${this.index}`,
          message: this.state === 'start' ? 'empty body: expected a JSON array' : 'unexpected end of the body: the JSON array is not closed',
        },
      ]);
    }
    return [];
  }

  private pushLines(chunk: string): SplitItem[] {
    const out: SplitItem[] = [];
    let text = this.buf + chunk;
    let nl = text.indexOf('\n');
    while (nl >= 0) {
      const line = text.slice(0, nl);
      if (line.trim()) out.push(this.lineItem(line));
      text = text.slice(nl + 1);
      nl = text.indexOf('\n');
    }
    this.buf = text;
    if (this.buf.length > this.limits.maxItemChars) {
      // Keep reading to the end of the line, but do not keep an oversize line in memory.
      this.buf = this.buf.slice(0, this.limits.maxItemChars + 1);
    }
    return out;
  }

  private lineItem(line: string): SplitItem {
    const index = this.index++;
    if (line.length > this.limits.maxItemChars) return { index, problem: `item larger than ${this.limits.maxItemChars} characters` };
    if (nestingDepth(line) > this.limits.maxDepth) return { index, problem: `item nested deeper than ${this.limits.maxDepth} levels` };
    return { index, text: line };
  }

  private fail(message: string): never {
    throw new FormatError('json', [{ path: `/${this.index}`, message }]);
  }

  private pushArray(chunk: string): SplitItem[] {
    const out: SplitItem[] = [];
    let itemStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.inItem) {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === '\\') this.escaped = true;
          else if (c === '"') {
            this.inString = false;
            if (this.depth === 0) {
              out.push(this.finishItem(chunk.slice(itemStart, i + 1)));
              itemStart = i + 1;
            }
          }
          continue;
        }
        if (c === '"') this.inString = true;
        else if (c === '{' || c === '[') {
          this.depth++;
          if (this.depth > this.maxSeen) this.maxSeen = this.depth;
        } else if (c === '}' || c === ']') {
          if (this.depth === 0) {
            // A bare scalar item ends at the closing bracket of the array.
            out.push(this.finishItem(chunk.slice(itemStart, i)));
            this.state = 'done';
            continue;
          }
          this.depth--;
          if (this.depth === 0) {
            out.push(this.finishItem(chunk.slice(itemStart, i + 1)));
            itemStart = i + 1;
          }
        } else if (this.depth === 0 && (c === ',' || WS.has(c))) {
          out.push(this.finishItem(chunk.slice(itemStart, i)));
          if (c === ',') this.state = 'before-item';
        }
        continue;
      }
      if (WS.has(c)) continue;
      if (this.state === 'start') {
        if (c !== '[') this.fail('expected a JSON array ("[") or NDJSON (Content-Type: application/x-ndjson)');
        this.state = 'before-item';
        this.started = false;
      } else if (this.state === 'done') {
        this.fail('unexpected text after the closing "]"');
      } else if (c === ']' && (this.state === 'after-item' || !this.started)) {
        this.state = 'done';
      } else if (c === ',' && this.state === 'after-item') {
        this.state = 'before-item';
      } else if (this.state === 'before-item' && c !== ',' && c !== ']') {
        this.beginItem();
        itemStart = i;
        i--;
      } else {
        this.fail(`unexpected "${c}" between items`);
      }
    }
    if (this.inItem) this.keep(chunk.slice(itemStart));
    return out;
  }

  private beginItem(): void {
    this.inItem = true;
    this.started = true;
    this.depth = 0;
    this.maxSeen = 0;
    this.tooLarge = false;
    this.itemChars = 0;
    this.buf = '';
  }

  private keep(part: string): void {
    this.itemChars += part.length;
    if (this.itemChars > this.limits.maxItemChars) {
      this.tooLarge = true;
      this.buf = '';
    } else this.buf += part;
  }

  private finishItem(last: string): SplitItem {
    this.keep(last);
    this.inItem = false;
    if (this.state !== 'done') this.state = 'after-item';
    const index = this.index++;
    const text = this.buf;
    this.buf = '';
    if (this.tooLarge) return { index, problem: `item larger than ${this.limits.maxItemChars} characters` };
    if (this.maxSeen > this.limits.maxDepth) return { index, problem: `item nested deeper than ${this.limits.maxDepth} levels` };
    return { index, text };
  }
}

/** The deepest nesting of objects and arrays in a JSON text (strings skipped). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip the string: to the next quote not escaped.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}
