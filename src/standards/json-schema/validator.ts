import Ajv2019Module from 'ajv/dist/2019';
import Ajv2020Module from 'ajv/dist/2020';
import AjvModule from 'ajv';
import type { AnySchema, ErrorObject, ValidateFunction } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { Problem } from '../problem';
import { closer, problemsFromAjv } from './ajv-problems';
import { isUriReference } from './formats';
import { addHashedUniqueItems, withHashedUniqueItems } from './unique-items';

// ajv, ajv-draft-04 and ajv-formats are CommonJS: under ESM interop the export may sit on `.default`.
type AjvClass = typeof AjvModule;
const interop = <T>(m: T): T => (m as { default?: T }).default ?? m;
const addFormats = interop(addFormatsModule);

/**
 * The JSON Schema dialects the official schemas we carry are written in: draft-04 (SARIF
 * 2.1.0), draft-07 (CycloneDX, CVE 5, CSAF 2.0), 2019-09 (SPDX 2.3), 2020-12 (OSV, STIX 2.1).
 */
export type SchemaDialect = 'draft-04' | 'draft-07' | '2019-09' | '2020-12';

const AJV_CLASSES: Readonly<Record<SchemaDialect, AjvClass>> = {
  'draft-04': interop(AjvDraft04Module) as unknown as AjvClass,
  'draft-07': interop(AjvModule),
  '2019-09': interop(Ajv2019Module) as unknown as AjvClass,
  '2020-12': interop(Ajv2020Module) as unknown as AjvClass,
};

/** How to build a validator for one official schema. */
export interface SchemaValidatorOptions {
  /** The root schema; its `$id` names it. */
  readonly schema: AnySchema;
  readonly dialect: SchemaDialect;
  /**
   * Other schemas the root refers to, under the URI the root uses for each (e.g. FIRST's CVSS
   * schemas for CSAF, whose own `$id` carries a date query the reference omits).
   */
  readonly references?: readonly { readonly uri: string; readonly schema: AnySchema }[];
  /**
   * Format names the schema uses that are not JSON Schema formats (e.g. an editor's widget
   * hints), or that ajv-formats does not implement (CycloneDX's `iri-reference`, `idn-email`);
   * they are accepted without a check instead of failing compilation.
   */
  readonly annotationFormats?: readonly string[];
  /** Formats the schema uses that ajv-formats lacks (e.g. OpenVEX's `iri`), with their check. */
  readonly formats?: Readonly<Record<string, RegExp>>;
  /**
   * Compile `pattern`s with the `u` flag (default true). The STIX 2.1 schemas use escapes
   * (`\-`) that only non-Unicode ECMA-262 regular expressions accept.
   */
  readonly unicodeRegExp?: boolean;
}

/** Checks a parsed JSON value against a schema; returns every problem (empty when valid). */
export type SchemaValidator = (value: unknown) => Problem[];

interface Compiled {
  readonly root: ValidateFunction;
  /** One validator per alternative of a root `oneOf` (e.g. CVE's Published / Rejected records). */
  readonly branches: readonly ValidateFunction[];
}

/**
 * Builds a validator for an official JSON Schema with ajv: the one ajv set-up of the standards
 * library. Compilation is deferred to the first call, so importing a format module stays cheap.
 * `uniqueItems` is checked in linear time (see `unique-items.ts`): SBOMs and SARIF logs carry
 * arrays of tens of thousands of objects.
 *
 * When the root schema is a `oneOf` of document kinds and none matches, the problems
 * reported are those of the kind the document came closest to, not of every kind.
 */
export function createSchemaValidator(options: SchemaValidatorOptions): SchemaValidator {
  let compiled: Compiled | undefined;
  const compile = (): Compiled => {
    const Ajv = AJV_CLASSES[options.dialect];
    // strict: false because official schemas carry annotations ajv does not know;
    // allErrors: the house rule is every problem in one answer.
    const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true, validateSchema: false, unicodeRegExp: options.unicodeRegExp ?? true });
    // Draft-04 `id` (FIRST's CVSS v2 schema) and editors' `id` annotations are not
    // identifiers in later dialects: references are registered by URI below.
    if (options.dialect !== 'draft-04') ajv.removeKeyword('id');
    addFormats(ajv);
    ajv.addFormat('uri-reference', isUriReference);
    addHashedUniqueItems(ajv);
    for (const name of options.annotationFormats ?? []) ajv.addFormat(name, true);
    for (const [name, pattern] of Object.entries(options.formats ?? {})) ajv.addFormat(name, pattern);
    for (const { uri, schema } of options.references ?? []) ajv.addSchema(withHashedUniqueItems(schema), uri);
    const root = ajv.compile(withHashedUniqueItems(options.schema));
    const schema = options.schema as { $id?: string; oneOf?: unknown[] };
    const branches = schema.$id && Array.isArray(schema.oneOf) ? schema.oneOf.map((_, i) => ajv.getSchema(`${schema.$id}#/oneOf/${i}`)!) : [];
    return { root, branches };
  };
  return (value) => {
    compiled ??= compile();
    if (compiled.root(value)) return [];
    const rootErrors = (compiled.root.errors ?? []) as ErrorObject[];
    if (compiled.branches.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) {
      return problemsFromAjv(rootErrors);
    }
    let best: ErrorObject[] | undefined;
    for (const branch of compiled.branches) {
      if (branch(value)) return problemsFromAjv(rootErrors); // matched several: say so
      const errors = (branch.errors ?? []) as ErrorObject[];
      if (!best || closer(errors, best, '')) best = errors;
    }
    return problemsFromAjv(best ?? rootErrors);
  };
}
