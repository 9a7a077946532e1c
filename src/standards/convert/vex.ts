import type { CsafBranch, CsafDocument, CsafFlagLabel, CsafFullProductName, CsafPublisher, CsafVulnerability, ProductId } from '../csaf/types';
import { OPENVEX_CONTEXT, type OpenVexDocument, type OpenVexJustification, type OpenVexStatement, type OpenVexStatus } from '../openvex/types';

/**
 * One VEX statement, the common ground of OpenVEX 0.2 statements and CSAF 2.0 VEX product
 * statuses (CISA "Minimum Requirements for VEX", 2023): a product, a vulnerability, a status,
 * and for not_affected a justification or impact statement, for affected an action statement.
 */
export interface VexStatement {
  /** Product identifier: a purl when known, else the product's name or id. */
  readonly product: string;
  readonly vulnerability: string;
  readonly status: OpenVexStatus;
  /** The five justification labels are the same in OpenVEX and CSAF 2.0 §3.2.3.5. */
  readonly justification?: OpenVexJustification;
  readonly impactStatement?: string;
  readonly actionStatement?: string;
}

/** OpenVEX statements → common statements, one per product (subcomponents are not expanded). */
export function statementsFromOpenVex(doc: OpenVexDocument): VexStatement[] {
  return doc.statements.flatMap((s) =>
    (s.products ?? []).map(
      (p): VexStatement => ({
        product: productOf(p),
        vulnerability: s.vulnerability.name,
        status: s.status,
        ...(s.justification ? { justification: s.justification } : {}),
        ...(s.impact_statement ? { impactStatement: s.impact_statement } : {}),
        ...(s.action_statement ? { actionStatement: s.action_statement } : {}),
      }),
    ),
  );
}

/** Document-level facts OpenVEX needs (OpenVEX §Document): no clock, the caller gives the time. */
export interface OpenVexDocumentInfo {
  readonly id: string;
  readonly author: string;
  readonly timestamp: string;
  readonly version?: number;
}

/**
 * The OpenVEX product for a statement's product string: an IRI (purls are IRIs) as `@id`, a
 * CPE as an identifier, and a bare product name as a URN that keeps the name readable.
 */
function openVexProduct(product: string): { '@id'?: string; identifiers?: { cpe22?: string; cpe23?: string } } {
  if (product.startsWith('cpe:2.3:')) return { identifiers: { cpe23: product } };
  if (product.startsWith('cpe:/')) return { identifiers: { cpe22: product } };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(product)) return { '@id': product };
  return { '@id': `urn:x-product-name:${encodeURIComponent(product)}` };
}

/** The statement product string of an OpenVEX product (the inverse of {@link openVexProduct}). */
function productOf(p: { '@id'?: string; identifiers?: { purl?: string; cpe22?: string; cpe23?: string } }): string {
  const id = p['@id'];
  if (id?.startsWith('urn:x-product-name:')) return decodeURIComponent(id.slice('urn:x-product-name:'.length));
  return id ?? p.identifiers?.purl ?? p.identifiers?.cpe23 ?? p.identifiers?.cpe22 ?? '';
}

/**
 * Common statements → an OpenVEX 0.2 document. OpenVEX requires an action statement for
 * `affected` (§Status): a default one is written when the statement has none.
 */
export function statementsToOpenVex(statements: readonly VexStatement[], info: OpenVexDocumentInfo): OpenVexDocument {
  return {
    '@context': OPENVEX_CONTEXT,
    '@id': info.id,
    author: info.author,
    timestamp: info.timestamp,
    version: info.version ?? 1,
    statements: statements.map(
      (s): OpenVexStatement => ({
        vulnerability: { name: s.vulnerability },
        products: [openVexProduct(s.product)],
        status: s.status,
        ...(s.justification ? { justification: s.justification } : {}),
        ...(s.impactStatement ? { impact_statement: s.impactStatement } : {}),
        ...(s.status === 'affected' ? { action_statement: s.actionStatement ?? 'No remediation is known yet.' } : {}),
      }),
    ),
  };
}

const CSAF_STATUSES: readonly [keyof NonNullable<CsafVulnerability['product_status']>, OpenVexStatus][] = [
  ['known_not_affected', 'not_affected'],
  ['known_affected', 'affected'],
  ['first_affected', 'affected'],
  ['last_affected', 'affected'],
  ['fixed', 'fixed'],
  ['first_fixed', 'fixed'],
  ['under_investigation', 'under_investigation'],
];

function productNames(doc: CsafDocument): Map<ProductId, CsafFullProductName> {
  const out = new Map<ProductId, CsafFullProductName>();
  const walk = (branches: readonly CsafBranch[] | undefined): void => {
    for (const b of branches ?? []) {
      if (b.product) out.set(b.product.product_id, b.product);
      walk(b.branches);
    }
  };
  walk(doc.product_tree?.branches);
  for (const p of doc.product_tree?.full_product_names ?? []) out.set(p.product_id, p);
  for (const r of doc.product_tree?.relationships ?? []) out.set(r.full_product_name.product_id, r.full_product_name);
  return out;
}

/**
 * CSAF 2.0 VEX (§4.5 profile csaf_vex) → common statements: one per product in each product
 * status list; justification from `flags` (§3.2.3.5), impact statement from `threats` of
 * category impact (§3.2.3.14), action statement from `remediations` (§3.2.3.12).
 */
export function statementsFromCsafVex(doc: CsafDocument): VexStatement[] {
  const names = productNames(doc);
  const out: VexStatement[] = [];
  for (const v of doc.vulnerabilities ?? []) {
    const vulnerability = v.cve ?? v.ids?.[0]?.text ?? '';
    for (const [list, status] of CSAF_STATUSES) {
      for (const id of v.product_status?.[list] ?? []) {
        const p = names.get(id);
        const flag = v.flags?.find((f) => f.product_ids?.includes(id));
        const impact = v.threats?.find((t) => t.category === 'impact' && t.product_ids?.includes(id));
        const action = v.remediations?.find((r) => r.product_ids?.includes(id));
        out.push({
          product: p?.product_identification_helper?.purl ?? p?.product_identification_helper?.cpe ?? p?.name ?? id,
          vulnerability,
          status,
          ...(status === 'not_affected' && flag ? { justification: flag.label } : {}),
          ...(status === 'not_affected' && impact ? { impactStatement: impact.details } : {}),
          ...(status === 'affected' && action ? { actionStatement: action.details } : {}),
        });
      }
    }
  }
  return out;
}

/** Document-level facts a CSAF VEX document needs (CSAF 2.0 §3.2.1): no clock, the caller gives the date. */
export interface CsafVexDocumentInfo {
  readonly trackingId: string;
  readonly title: string;
  readonly publisher: CsafPublisher;
  readonly date: string;
}

const STATUS_LIST: Record<OpenVexStatus, 'known_not_affected' | 'known_affected' | 'fixed' | 'under_investigation'> = {
  not_affected: 'known_not_affected',
  affected: 'known_affected',
  fixed: 'fixed',
  under_investigation: 'under_investigation',
};

/**
 * Common statements → a CSAF 2.0 VEX document (§4.5). Each distinct product becomes a full
 * product name (with a purl helper when it is a purl); statements group by vulnerability.
 * §6.1.27.9 needs an impact statement for not-affected products: a flag carries the
 * justification, and a threat of category impact the free text (a default text when only a
 * justification is given is not needed: the flag suffices). §6.1.27.10 needs an action
 * statement for affected ones: a remediation, with a default text when none is given.
 */
export function statementsToCsafVex(statements: readonly VexStatement[], info: CsafVexDocumentInfo): CsafDocument {
  const ids = new Map<string, ProductId>();
  const productId = (product: string) => {
    if (!ids.has(product)) ids.set(product, `CSAFPID-${String(ids.size + 1).padStart(4, '0')}`);
    return ids.get(product)!;
  };
  const byVuln = new Map<string, VexStatement[]>();
  for (const s of statements) {
    productId(s.product);
    byVuln.set(s.vulnerability, [...(byVuln.get(s.vulnerability) ?? []), s]);
  }
  const vulnerabilities = [...byVuln].map(([name, list]): CsafVulnerability => {
    const status: Record<string, ProductId[]> = {};
    for (const s of list) {
      const key = STATUS_LIST[s.status];
      status[key] = [...(status[key] ?? []), productId(s.product)];
    }
    const notAffected = list.filter((s) => s.status === 'not_affected');
    const affected = list.filter((s) => s.status === 'affected');
    const flags = notAffected.filter((s) => s.justification).map((s) => ({ label: s.justification as CsafFlagLabel, product_ids: [productId(s.product)] }));
    const threats = notAffected
      .filter((s) => s.impactStatement || !s.justification)
      .map((s) => ({ category: 'impact' as const, details: s.impactStatement ?? 'The product is not affected.', product_ids: [productId(s.product)] }));
    const remediations = affected.map((s) => ({
      category: 'none_available' as const,
      details: s.actionStatement ?? 'No remediation is known yet.',
      product_ids: [productId(s.product)],
    }));
    return {
      ...(/^CVE-\d{4}-\d{4,}$/.test(name) ? { cve: name } : { ids: [{ system_name: name.split('-')[0] || 'other', text: name }] }),
      notes: [{ category: 'description', title: 'VEX statement', text: `Status of products with respect to ${name}.` }],
      product_status: status,
      ...(flags.length > 0 ? { flags } : {}),
      ...(threats.length > 0 ? { threats } : {}),
      ...(remediations.length > 0 ? { remediations } : {}),
    };
  });
  return {
    document: {
      category: 'csaf_vex',
      csaf_version: '2.0',
      lang: 'en',
      title: info.title,
      publisher: info.publisher,
      tracking: {
        id: info.trackingId,
        status: 'final',
        version: '1',
        initial_release_date: info.date,
        current_release_date: info.date,
        revision_history: [{ number: '1', date: info.date, summary: 'Initial version.' }],
      },
      notes: [{ category: 'summary', title: 'VEX', text: 'Vulnerability exploitability statements.' }],
    },
    product_tree: {
      full_product_names: [...ids].map(([product, id]) => ({
        name: product,
        product_id: id,
        ...(product.startsWith('pkg:') ? { product_identification_helper: { purl: product } } : {}),
      })),
    },
    vulnerabilities,
  };
}
