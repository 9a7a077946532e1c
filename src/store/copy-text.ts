/**
 * PostgreSQL's COPY text format (PostgreSQL 17 docs, "COPY", File Formats → Text Format):
 * one line per row, columns separated by a tab, `\N` for NULL, and backslash, newline,
 * carriage return and tab written as backslash sequences. Values arrive here already in
 * the text form their column type reads (an array literal, `\x…` for bytea, ISO dates).
 */
const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One field: NULL, or its text with the four special characters escaped. */
export function copyField(text: string | null): string {
  if (text === null) return '\\N';
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]!) : text;
}
