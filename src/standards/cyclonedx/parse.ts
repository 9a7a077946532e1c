import { parseJsonText, type JsonLimits } from '../json-schema';
import { FormatError, pointer, type Problem } from '../problem';
import { readXml, type XmlLimits } from '../xml';
import { isSpecVersion, schemaValidator, schemaView, SPEC_VERSIONS } from './schema';
import type { CdxBom, CycloneDxDocument } from './types';
import { xmlToJsonModel } from './xml-model';

const FORMAT = 'cyclonedx';
// CycloneDX XML namespaces are http://cyclonedx.org/schema/bom/<version> (CycloneDX XSD).
const NAMESPACE = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/;

/** Limits for both serializations; XML depth counts elements, JSON depth counts containers. */
export interface CycloneDxLimits {
  readonly json?: JsonLimits;
  readonly xml?: XmlLimits;
}

/**
 * Parses a CycloneDX BOM, JSON or XML (told apart by the first character), checks it against
 * the official schema of its specVersion (1.4–1.7) and the rules the schema cannot express,
 * and returns it in the JSON model. Older versions are refused with "unsupported specVersion".
 *
 * @throws FormatError listing every problem, each with its JSON Pointer in the JSON model
 */
export function parseCycloneDx(text: string, limits: CycloneDxLimits = {}): CycloneDxDocument {
  if (text.trimStart().startsWith('<')) {
    return { serialization: 'xml', bom: checkBom(bomFromXml(text, limits.xml), 'xml') };
  }
  return { serialization: 'json', bom: checkBom(parseJsonText(text, limits.json, FORMAT)) };
}

/** Checks an already-parsed JSON value as a CycloneDX BOM (JSON model). */
export function readCycloneDxJson(value: unknown): CdxBom {
  return checkBom(value);
}

function bomFromXml(text: string, limits: XmlLimits | undefined): unknown {
  const root = readXml(text, FORMAT, limits);
  const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '';
  const namespace = root.attributes[prefix ? `xmlns:${prefix}` : 'xmlns'] ?? '';
  const version = NAMESPACE.exec(namespace)?.[1];
  if (root.localName !== 'bom') {
    throw new FormatError(FORMAT, [{ path: '', message: `root element must be <bom>, found <${root.name}>` }]);
  }
  if (!isSpecVersion(version)) {
    throw new FormatError(FORMAT, [{ path: '', message: unsupported(namespace ? `namespace ${namespace}` : 'no CycloneDX namespace') }]);
  }
  const view = schemaView(version);
  const model = xmlToJsonModel(root, view.top, view, { uri: namespace, prefix, rootAttributes: root.attributes }) as Record<string, unknown>;
  return { bomFormat: 'CycloneDX', specVersion: version, ...model };
}

function checkBom(value: unknown, serialization: 'json' | 'xml' = 'json'): CdxBom {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FormatError(FORMAT, [{ path: '', message: 'a CycloneDX BOM must be a JSON object' }]);
  }
  const { bomFormat, specVersion } = value as Record<string, unknown>;
  if (bomFormat !== 'CycloneDX') {
    throw new FormatError(FORMAT, [{ path: '/bomFormat', message: 'must be "CycloneDX"' }]);
  }
  if (!isSpecVersion(specVersion)) {
    throw new FormatError(FORMAT, [{ path: '/specVersion', message: unsupported(`specVersion ${JSON.stringify(specVersion)}`) }]);
  }
  const problems = [...schemaValidator(specVersion, serialization)(value), ...bomRefProblems(value)];
  if (problems.length > 0) throw new FormatError(FORMAT, problems);
  return value as CdxBom;
}

function unsupported(what: string): string {
  return `unsupported ${what}: AISC reads CycloneDX ${SPEC_VERSIONS[0]}–${SPEC_VERSIONS.at(-1)}`;
}

// CycloneDX 1.4+ `refType`: "Every bom-ref MUST be unique within the BOM". Checked for the
// components and services an inventory is built from (the specification's own valid examples
// reuse refs inside formulation workflows, so a document-wide check would reject them).
const IDENTIFIED = new Set(['components', 'services', 'component']);

function bomRefProblems(bom: object): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  const visit = (node: unknown, path: string, depth: number): void => {
    if (node === null || typeof node !== 'object' || depth > 256) return;
    const items = Array.isArray(node) ? node : [node];
    items.forEach((item: unknown, index) => {
      if (item === null || typeof item !== 'object') return;
      const itemPath = Array.isArray(node) ? pointer(path, index) : path;
      const ref = (item as Record<string, unknown>)['bom-ref'];
      if (typeof ref === 'string') {
        const refPath = pointer(itemPath, 'bom-ref');
        if (ref === '') problems.push({ path: refPath, message: 'bom-ref must not be empty' });
        else if (seen.has(ref)) problems.push({ path: refPath, message: `bom-ref ${JSON.stringify(ref)} is not unique (first at ${seen.get(ref)})` });
        else seen.set(ref, refPath);
      }
      for (const key of IDENTIFIED) {
        const child = (item as Record<string, unknown>)[key];
        if (child !== undefined) visit(child, pointer(itemPath, key), depth + 1);
      }
    });
  };
  visit((bom as Record<string, unknown>).metadata, '/metadata', 0);
  for (const key of ['components', 'services']) visit((bom as Record<string, unknown>)[key], pointer('', key), 0);
  return problems;
}
