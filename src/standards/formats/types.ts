import type { Problem } from '../problem';

/**
 * One exchange format the clearinghouse reads or writes. The CLI (`aisc validate`,
 * `aisc convert`), the API and importers find formats only through the registry of these.
 */
export interface FormatAdapter<T = unknown> {
  /** Short stable id used on the command line and in the API, e.g. `osv`, `csaf`. */
  readonly id: string;
  /** Human name with version, e.g. `OSV 1.7`. */
  readonly name: string;
  /** IANA or de-facto media types, the preferred one first. */
  readonly mediaTypes: readonly string[];
  /** File names this format is usually stored under. */
  readonly fileNamePatterns: readonly RegExp[];
  /** Parses and validates text; throws FormatError listing every problem. */
  parse(text: string): T;
  /** Every problem with `text` as a document of this format (empty when valid). */
  validate(text: string): Problem[];
  /** Writes a document as text with stable key order; absent for read-only formats. */
  serialize?(document: T): string;
  /** Cheap shape test: does `text` look like a document of this format (not whether it is valid)? */
  detect(text: string): boolean;
}

/** A pure conversion from one registered format to another. */
export interface FormatConversion<A = unknown, B = unknown> {
  readonly from: string;
  readonly to: string;
  /** What the conversion does, one line (shown in help). */
  readonly description: string;
  convert(document: A): B;
}
