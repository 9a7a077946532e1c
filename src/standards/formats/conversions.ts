import { csafToOsv } from '../convert/csaf-to-osv';
import { cve5ToOsv } from '../convert/cve5-to-osv';
import { osvToCsaf } from '../convert/osv-to-csaf';
import { osvToCve5 } from '../convert/osv-to-cve5';
import { osvToStix } from '../convert/osv-to-stix';
import { statementsFromCsafVex, statementsFromOpenVex, statementsToCsafVex, statementsToOpenVex } from '../convert/vex';
import { DEFAULT_CSAF_PUBLISHER } from '../convert/osv-to-csaf';
import type { OpenVexDocument } from '../openvex/types';
import type { CsafDocument } from '../csaf/types';
import type { Cve5Record } from '../cve5/types';
import type { OsvRecord } from '../osv/types';
import type { FormatConversion } from './types';
import { sarifToFindings } from '../sarif/format';
import { cycloneDxToSpdxConversion, spdxToCycloneDxConversion } from '../inventory/format';

/** Declares a conversion with its input and output types checked. */
export function defineConversion<A, B>(c: FormatConversion<A, B>): FormatConversion {
  return c as unknown as FormatConversion;
}

/**
 * Every conversion `aisc convert` and the API offer. To add one: one entry (the formats at
 * both ends must be in FORMATS). A conversion may return several documents (an array) when
 * the target describes one thing per document (e.g. one OSV record per CSAF vulnerability).
 */
export const CONVERSIONS: readonly FormatConversion[] = [
  defineConversion<OsvRecord, CsafDocument>({ from: 'osv', to: 'csaf', description: 'OSV record → CSAF 2.0 security advisory', convert: (d) => osvToCsaf(d) }),
  defineConversion<OsvRecord, Cve5Record>({ from: 'osv', to: 'cve5', description: 'OSV record → CVE JSON 5.1 published record', convert: (d) => osvToCve5(d) }),
  defineConversion<OsvRecord, unknown>({ from: 'osv', to: 'stix', description: 'OSV record → STIX 2.1 bundle', convert: (d) => osvToStix(d) }),
  defineConversion<CsafDocument, OsvRecord[]>({
    from: 'csaf',
    to: 'osv',
    description: 'CSAF 2.0 → OSV records (one per vulnerability)',
    convert: (d) => csafToOsv(d),
  }),
  defineConversion<Cve5Record, OsvRecord>({ from: 'cve5', to: 'osv', description: 'CVE JSON 5 record → OSV record', convert: (d) => cve5ToOsv(d) }),
  defineConversion<OpenVexDocument, CsafDocument>({
    from: 'openvex',
    to: 'csaf',
    description: 'OpenVEX 0.2 → CSAF 2.0 VEX',
    convert: (d) =>
      statementsToCsafVex(statementsFromOpenVex(d), {
        // CSAF 2.0 §3.2.1.12.4 tracking id: the last segment of the OpenVEX document IRI.
        trackingId: d['@id'].split(/[/#:]/).filter(Boolean).pop() ?? d['@id'],
        title: `VEX statements of ${d.author}`,
        publisher: DEFAULT_CSAF_PUBLISHER,
        date: d.last_updated ?? d.timestamp,
      }),
  }),
  defineConversion<CsafDocument, OpenVexDocument>({
    from: 'csaf',
    to: 'openvex',
    description: 'CSAF 2.0 VEX → OpenVEX 0.2',
    convert: (d) =>
      statementsToOpenVex(statementsFromCsafVex(d), {
        id: `${d.document.publisher.namespace.replace(/\/+$/, '')}/vex/${encodeURIComponent(d.document.tracking.id)}`,
        author: d.document.publisher.name,
        timestamp: d.document.tracking.current_release_date,
      }),
  }),
  defineConversion(sarifToFindings),
  defineConversion(cycloneDxToSpdxConversion),
  defineConversion(spdxToCycloneDxConversion),
];

/** The conversion from one format id to another, or undefined. */
export function findConversion(from: string, to: string): FormatConversion | undefined {
  return CONVERSIONS.find((c) => c.from === from && c.to === to);
}
