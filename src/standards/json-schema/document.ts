import { FormatError, type Problem } from '../problem';
import { parseJsonText, type JsonLimits } from './parse-json';

/** The read side of a JSON exchange format: check a value, accept it as typed, parse text. */
export interface JsonDocumentReader<T> {
  /** Every problem with `value` as a document of this format (empty when valid). */
  validate(value: unknown): Problem[];
  /** Returns `value` typed as a document of this format, or throws FormatError with every problem. */
  read(value: unknown): T;
  /** Parses text within limits and reads it. */
  parse(text: string, limits?: JsonLimits): T;
}

/**
 * Builds the reader of one JSON format from its validation function, so every format treats
 * untrusted text the same way: size and depth limits, then every schema problem at once.
 */
export function jsonDocumentReader<T>(format: string, validate: (value: unknown) => Problem[]): JsonDocumentReader<T> {
  const read = (value: unknown): T => {
    const problems = validate(value);
    if (problems.length > 0) throw new FormatError(format, problems);
    return value as T;
  };
  return {
    validate,
    read,
    parse: (text, limits) => read(parseJsonText(text, limits, format)),
  };
}
