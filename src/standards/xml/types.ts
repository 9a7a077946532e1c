/** One XML element, with namespaces left as written (prefix kept in `name`). */
export interface XmlElement {
  /** The qualified name as written, e.g. `bom` or `spdx:Package`. */
  readonly name: string;
  /** The name without its namespace prefix. */
  readonly localName: string;
  /** Attribute values, entity references decoded. Namespace declarations (`xmlns`) included. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own character data (text and CDATA), concatenated, entities decoded. */
  readonly text: string;
  /** Where the element is, as a path of element names from the root (for error messages). */
  readonly path: string;
}

/** Bounds on what the reader accepts, so that a hostile document cannot exhaust memory or stack. */
export interface XmlLimits {
  /** Largest accepted document, in UTF-16 code units (about bytes for ASCII). */
  readonly maxBytes: number;
  /** Deepest accepted element nesting. */
  readonly maxDepth: number;
}
