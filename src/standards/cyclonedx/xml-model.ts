import { FormatError } from '../problem';
import type { XmlElement } from '../xml';
import type { JsonSchema, SchemaView } from './schema-view';
import { XMLDSIG_NAMESPACE, xmlSignatureModel } from './xml-signature';

// CycloneDX publishes one information model in two serializations (CycloneDX spec, "Formats").
// The XML binding differs from the JSON one in a few regular ways, handled here generically by
// reading the JSON Schema: arrays are wrapper elements (<components><component/>…) or repeated
// elements (<url/><url/>); some values are attributes; scalar text sits in an element whose JSON
// form is an object ({ alg, content } for <hash alg="…">…</hash>). The few renames are listed.
// CycloneDX 1.6+ XSD `<cryptoRef>` (repeated) is JSON `cryptoRefArray`.
const RENAMED: Readonly<Record<string, string>> = {
  dependency: 'dependsOn',
  details: 'expressionDetails',
  responses: 'response',
  cryptoRef: 'cryptoRefArray',
};
// When an element has both attributes and text, the text is this JSON property.
const TEXT_PROPERTIES = ['content', 'value', 'classification'];
const SKIPPED_ATTRIBUTE = /^(xmlns(:|$)|xsi:|xml:)/;
const MAX_MAPPING_DEPTH = 512;

/** The CycloneDX namespace context of a document: elements outside it are extensions. */
export interface XmlNamespace {
  readonly uri: string;
  /** The prefix bound to the CycloneDX namespace ('' for the default namespace). */
  readonly prefix: string;
  /** The root element's namespace declarations, for elements that do not declare their own. */
  readonly rootAttributes?: Readonly<Record<string, string>>;
}

/**
 * Maps a CycloneDX XML element onto the JSON model its JSON Schema describes, so that one
 * schema check and one reader serve both serializations. Elements of other namespaces are
 * extensions the XSD allows (`##other`) and are left out; unknown CycloneDX elements are kept
 * under their own name so that the schema check reports them.
 */
export function xmlToJsonModel(element: XmlElement, schema: JsonSchema, view: SchemaView, ns: XmlNamespace): unknown {
  const mapper = new ModelMapper(view, ns);
  return mapper.value(element, schema);
}

class ModelMapper {
  constructor(
    private readonly view: SchemaView,
    private readonly ns: XmlNamespace,
  ) {}

  private depth = 0;

  value(element: XmlElement, schema: JsonSchema): unknown {
    // Mapping descends one element per level and the reader bounds element depth, so nesting
    // past this bound means a shape the mapper cannot follow: a FormatError, not a stack overflow.
    if (this.depth >= MAX_MAPPING_DEPTH) {
      throw new FormatError('cyclonedx', [{ path: element.path, message: 'XML structure cannot be mapped to the CycloneDX model' }]);
    }
    this.depth++;
    try {
      return this.mapped(element, schema);
    } finally {
      this.depth--;
    }
  }

  private mapped(element: XmlElement, schema: JsonSchema): unknown {
    const kind = this.view.kind(schema);
    const chosen = kind === 'array' ? undefined : this.chosen(element, schema);
    if (chosen !== undefined) {
      return chosen.localName === 'ref' && this.view.allows(schema, 'string') ? chosen.text.trim() : this.value(chosen, schema);
    }
    if (kind === 'array' && this.view.allows(schema, 'object') && this.fitsObject(element, schema)) {
      return this.object(element, schema);
    }
    if (kind === 'object' || (kind === 'array' && this.view.allows(schema, 'object') && !this.view.allows(schema, 'array'))) {
      return this.object(element, schema);
    }
    if (kind === 'array') return this.array([element], schema);
    return scalar(element.text.trim(), kind);
  }

  // An XSD <xs:choice> wrapper whose JSON form is the chosen value itself: CycloneDX 1.7
  // `<asserter>` holds <organization>, <individual> or <ref> where JSON has the entity, the
  // contact or the bare ref. Recognized as one child that is none of the model's properties
  // in a schema with alternatives.
  private chosen(element: XmlElement, schema: JsonSchema): XmlElement | undefined {
    const children = this.children(element);
    if (children.length !== 1 || Object.keys(element.attributes).some((a) => !SKIPPED_ATTRIBUTE.test(a))) return undefined;
    const properties = this.view.properties(schema);
    const child = children[0]!;
    if (properties.has(propertyName(child.localName, properties))) return undefined;
    return child.localName === 'ref' || this.view.alternatives(schema).length > 1 ? child : undefined;
  }

  private object(element: XmlElement, schema: JsonSchema): Record<string, unknown> {
    const properties = this.view.properties(schema);
    const out: Record<string, unknown> = {};
    for (const [attribute, text] of Object.entries(element.attributes)) {
      const key = propertyName(attribute, properties);
      // The XSD admits attributes of any namespace (xs:anyAttribute); those are not the model's.
      if (SKIPPED_ATTRIBUTE.test(attribute) || !properties.has(key)) continue;
      out[key] = scalar(text, this.view.kind(properties.get(key)));
    }
    for (const [tag, group] of groupByName(this.children(element))) {
      const key = propertyName(tag, properties);
      const propertySchema = properties.get(key) ?? {};
      if (properties.has(key) && this.view.kind(propertySchema) === 'array' && !this.fitsObject(group[0]!, propertySchema)) {
        out[key] = this.array(group, propertySchema);
      } else if (group.length === 1) {
        out[key] = this.value(group[0]!, propertySchema);
        this.liftAttributes(group[0]!, propertySchema, properties, out);
      } else {
        // An element repeated where the model allows one (e.g. two <id> in a <license>): keep all
        // so that the schema check rejects the document rather than one being dropped.
        out[key] = group.map((child) => this.value(child, propertySchema));
      }
    }
    const signature = properties.has('signature') ? element.children.find((child) => this.isXmlSignature(child)) : undefined;
    if (signature !== undefined) out.signature = xmlSignatureModel(signature);
    const text = element.text.trim();
    if (text !== '' && this.children(element).length === 0) {
      const key = TEXT_PROPERTIES.find((name) => properties.has(name) && !(name in out));
      if (key !== undefined) out[key] = text;
    }
    return out;
  }

  private array(group: readonly XmlElement[], schema: JsonSchema): unknown[] {
    const itemSchema = this.view.items(schema);
    if (group.length === 1 && this.isWrapper(group[0]!, itemSchema)) {
      return this.children(group[0]!).map((child) => this.item(child, itemSchema));
    }
    return group.map((child) => this.item(child, itemSchema));
  }

  // A wrapper element holds the items as children (<hashes><hash/>…</hashes>); otherwise each
  // repeated element is itself an item (<url>…</url><url>…</url>).
  private isWrapper(element: XmlElement, itemSchema: JsonSchema): boolean {
    const children = this.children(element);
    const itemKind = this.view.kind(itemSchema);
    if (children.length === 0) return itemKind === 'object' && element.text.trim() === '';
    if (itemKind !== 'object' || this.view.wrappingKeys(itemSchema).size > 0) return true;
    if (this.lacksRequired(element, itemSchema)) return true;
    const names = new Set(children.map((child) => child.localName));
    if (names.size !== 1) return false;
    const itemProperties = this.view.properties(itemSchema);
    const itemProperty = itemProperties.get(children[0]!.localName);
    if (itemProperty === undefined) return true;
    if (this.view.kind(itemProperty) === 'object' || this.view.kind(itemProperty) === 'array') return false;
    // Scalar-named children: items if repeated, nested or carrying item attributes
    // (<data><classification flow="inbound">PII</classification></data>).
    return (
      children.length > 1 ||
      children.some((c) => this.children(c).length > 0) ||
      children.some((c) => Object.keys(c.attributes).some((a) => itemProperties.has(propertyName(a, itemProperties))))
    );
  }

  // An element missing a required property of every object form of the item cannot be an
  // item: it wraps them (<environmentVars><value>…</value></environmentVars>, whose item
  // `property` requires a name; <patents> holding <patent> and <patentFamily>).
  private lacksRequired(element: XmlElement, itemSchema: JsonSchema): boolean {
    const forms = this.view.alternatives(itemSchema).filter((alt) => alt.properties !== undefined);
    if (forms.length === 0 || forms.some((form) => !Array.isArray(form.required) || form.required.length === 0)) return false;
    const given = new Set<string>();
    const names = this.view.properties(itemSchema);
    for (const name of [...Object.keys(element.attributes), ...this.children(element).map((c) => c.localName)]) given.add(propertyName(name, names));
    return forms.every((form) => (form.required as unknown[]).some((name) => !given.has(String(name))));
  }

  private item(child: XmlElement, itemSchema: JsonSchema): unknown {
    const kind = this.view.kind(itemSchema);
    const bare = Object.keys(child.attributes).length === 0 && this.children(child).length === 0;
    if (bare && this.view.allows(itemSchema, 'string')) return child.text.trim();
    // CycloneDX has no arrays of arrays: an element cannot be an array item and an array
    // itself (mapping it again would never end).
    if (kind === 'array') return scalar(child.text.trim(), 'string');
    if (kind !== 'object') {
      // A reference list item (<dependency ref="…"/>, <provides ref="…"/>) is its `ref`.
      const ref = child.attributes.ref;
      return ref !== undefined && this.children(child).length === 0 && child.text.trim() === '' ? ref : this.value(child, itemSchema);
    }
    const properties = this.view.properties(itemSchema);
    if (!properties.has(child.localName)) return this.object(child, itemSchema);
    const inner = properties.get(child.localName)!;
    // Named like a scalar property yet holding elements: the item itself
    // (CycloneDX 1.5 <versions><version><range>…</range><status>…</status></version>).
    if (this.children(child).length > 0 && this.view.kind(inner) !== 'object' && this.view.kind(inner) !== 'array') {
      return this.object(child, itemSchema);
    }
    if (this.view.wrappingKeys(itemSchema).has(child.localName)) {
      return { [child.localName]: this.value(child, inner) };
    }
    // The element's text is the named property and its attributes are siblings
    // (<expression bom-ref="…">MIT</expression> → { expression, bom-ref }).
    const out: Record<string, unknown> = {};
    for (const [attribute, text] of Object.entries(child.attributes)) {
      const key = propertyName(attribute, properties);
      if (!SKIPPED_ATTRIBUTE.test(attribute) && properties.has(key)) out[key] = text;
    }
    out[child.localName] = this.value(child, inner);
    return out;
  }

  // A scalar element's attributes belong to its parent in the JSON model
  // (<classification flow="inbound">PII</classification> → { flow, classification }).
  private liftAttributes(child: XmlElement, schema: JsonSchema, parent: ReadonlyMap<string, JsonSchema>, out: Record<string, unknown>): void {
    if (this.view.kind(schema) === 'object' || this.view.kind(schema) === 'array') return;
    for (const [attribute, text] of Object.entries(child.attributes)) {
      const key = propertyName(attribute, parent);
      if (!SKIPPED_ATTRIBUTE.test(attribute) && parent.has(key) && !(key in out)) out[key] = scalar(text, this.view.kind(parent.get(key)));
    }
  }

  // For a property that may be an object or an array (`tools`): an object when every child
  // names one of the object's properties.
  private fitsObject(element: XmlElement, schema: JsonSchema): boolean {
    if (!this.view.allows(schema, 'object')) return false;
    const names = this.view.objectProperties(schema);
    const children = this.children(element);
    return children.length > 0 && children.every((child) => names.has(propertyName(child.localName, names)));
  }

  // XML Signature §4: an enveloped <ds:Signature>, its prefix declared on itself or the root.
  private isXmlSignature(element: XmlElement): boolean {
    if (element.localName !== 'Signature') return false;
    const colon = element.name.indexOf(':');
    const declaration = colon < 0 ? 'xmlns' : `xmlns:${element.name.slice(0, colon)}`;
    return (element.attributes[declaration] ?? this.ns.rootAttributes?.[declaration]) === XMLDSIG_NAMESPACE;
  }

  private children(element: XmlElement): XmlElement[] {
    return element.children.filter((child) => this.isCycloneDx(child));
  }

  private isCycloneDx(element: XmlElement): boolean {
    const declared = element.attributes.xmlns;
    if (declared !== undefined && declared !== this.ns.uri) return false;
    const colon = element.name.indexOf(':');
    const prefix = colon < 0 ? '' : element.name.slice(0, colon);
    return prefix === this.ns.prefix;
  }
}

function scalar(text: string, kind: string): unknown {
  if ((kind === 'integer' || kind === 'number') && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (kind === 'boolean' && (text === 'true' || text === '1')) return true;
  if (kind === 'boolean' && (text === 'false' || text === '0')) return false;
  return text;
}

function propertyName(xmlName: string, properties: { has(name: string): boolean }): string {
  const local = xmlName.slice(xmlName.indexOf(':') + 1);
  if (properties.has(local)) return local;
  const camel = local.replace(/-([a-z])/g, (_m, letter: string) => letter.toUpperCase());
  if (properties.has(camel)) return camel;
  const renamed = RENAMED[local];
  return renamed !== undefined && properties.has(renamed) ? renamed : local;
}

function groupByName(children: readonly XmlElement[]): Array<[string, XmlElement[]]> {
  const groups = new Map<string, XmlElement[]>();
  for (const child of children) {
    const group = groups.get(child.localName);
    if (group) group.push(child);
    else groups.set(child.localName, [child]);
  }
  return [...groups];
}
