import { FormatError, type Problem } from '../problem';
import { parseJsonText } from '../json-schema/parse-json';
import type { JsonDocumentReader } from '../json-schema/document';
import type { FormatAdapter } from './types';

/** Describes a JSON format for {@link jsonFormatAdapter}. */
export interface JsonFormatDescription<T> {
  readonly id: string;
  readonly name: string;
  readonly mediaTypes: readonly string[];
  readonly fileNamePatterns: readonly RegExp[];
  readonly reader: JsonDocumentReader<T>;
  readonly serialize?: (document: T) => string;
  /** Shape test on the parsed value (cheap: a few fields). */
  readonly looksLike: (value: Record<string, unknown>) => boolean;
}

function tryParse(text: string): unknown {
  try {
    return parseJsonText(text);
  } catch {
    return undefined;
  }
}

/** Returns the problems a FormatError carries, rethrowing anything else (a bug, not bad input). */
export function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
    return [];
  } catch (err) {
    if (err instanceof FormatError) return [...err.problems];
    throw err;
  }
}

/** Builds a registry adapter for a JSON format from its reader and a shape test. */
export function jsonFormatAdapter<T>(d: JsonFormatDescription<T>): FormatAdapter<T> {
  return {
    id: d.id,
    name: d.name,
    mediaTypes: d.mediaTypes,
    fileNamePatterns: d.fileNamePatterns,
    parse: (text) => d.reader.parse(text),
    validate: (text) => problemsOf(() => d.reader.parse(text)),
    ...(d.serialize ? { serialize: d.serialize } : {}),
    detect: (text) => {
      const value = tryParse(text);
      return typeof value === 'object' && value !== null && !Array.isArray(value) && d.looksLike(value as Record<string, unknown>);
    },
  };
}
