import { cweName } from '../../standards/cwe/check';
import type { AdvisoryContent } from '../../domain/advisory/content';
import { AppError, notFound } from '../../domain/errors';
import { advisoryCreditsFor, creditReaderOfViewer } from '../../domain/policy/credits';
import type { Viewer } from '../../domain/policy/viewer';
import { osvToCsaf, osvToCve5, osvToStix, releaseDates } from '../../standards/convert/index';
import type { CsafDocument, CsafPublisher } from '../../standards/csaf/index';
import type { OsvRecord } from '../../standards/osv/index';
import type { TlpLabel } from '../../standards/stix/index';
import { FormatError } from '../../standards/problem';
import { findVisibleAdvisory, revisionsOf, type AdvisoryRevisionRow, type AdvisoryRow } from '../../store/advisories/queries';
import type { ServiceContext } from '../context';
import { osvRecordOut } from './osv-ids';
import { advisoryToOsv } from './to-osv';

export const EXPORT_FORMATS = ['osv', 'csaf', 'cve5', 'stix'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** A document in one of the export formats: a JSON object whose shape its standard defines. */
export type ExportDocument = Record<string, unknown>;

/** CSAF 2.0 §3.2.1.8: the clearinghouse publishes as a coordinator, namespaced by its public URL. */
export const csafPublisherOf = (ctx: ServiceContext): CsafPublisher => ({
  category: 'coordinator',
  name: 'AI Security Clearinghouse',
  namespace: ctx.config.publicUrl,
});

/** The deployment's own public page of an advisory: OSV.dev does not know AISC's ids (ADR 0023). */
export const advisoryPageOf =
  (ctx: ServiceContext) =>
  (id: string): string =>
    `${ctx.config.publicUrl}/advisories/${encodeURIComponent(id)}`;

/**
 * The CNA a CVE 5 record names. A record with a made-up `assignerOrgId` would be refused by
 * the CVE Services and wrongly attributed by anyone who reads it, so without the setting
 * there is no CVE 5 output (ADR 0023). The detail points at the setting, which the CLI's
 * export reads as "stop", not as "skip this advisory".
 */
export function cveAssignerOf(ctx: ServiceContext): { orgId: string; shortName: string } {
  if (ctx.config.cveAssigner) return ctx.config.cveAssigner;
  const message = 'CVE 5 output needs the CNA this deployment publishes as: set AISC_CVE_ASSIGNER_ORG_ID and AISC_CVE_ASSIGNER_SHORT_NAME';
  throw new AppError('CONFLICT', message, [{ path: CVE_ASSIGNER_SETTING, message: 'not set' }]);
}

/** The detail path of the refusal above. */
export const CVE_ASSIGNER_SETTING = '/config/AISC_CVE_ASSIGNER_ORG_ID';

/**
 * The CSAF document of a published advisory: converted from its current OSV document, with
 * AISC's own revision history (CSAF 2.0 §3.2.1.12.6: every published revision, numbered
 * from 1) and the TLP:WHITE distribution label (§3.2.1.5; TLP 2.0 CLEAR is 1.0's WHITE).
 */
export function csafOf(ctx: ServiceContext, osv: OsvRecord, revisions: readonly AdvisoryRevisionRow[]): CsafDocument {
  const doc = osvToCsaf(osv, { publisher: csafPublisherOf(ctx), cweName, recordUrl: advisoryPageOf(ctx) });
  if (revisions.length === 0)
    return { ...doc, document: { ...doc.document, distribution: { tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } } } } as CsafDocument;
  const history = revisions.map((r) => ({ number: String(r.number), date: r.at.toISOString(), summary: r.summary }));
  const initial = releaseDates(revisions[0]!.osv as OsvRecord).initial;
  return {
    ...doc,
    document: {
      ...doc.document,
      distribution: { tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } },
      tracking: {
        ...doc.document.tracking,
        version: history[history.length - 1]!.number,
        initial_release_date: Date.parse(initial) < Date.parse(history[0]!.date) ? initial : history[0]!.date,
        current_release_date: history[history.length - 1]!.date,
        revision_history: history,
      },
    },
  } as CsafDocument;
}

/**
 * The OSV document to render: the published one, or a preview of a draft for those who may
 * see it — with credits only as the credits rule lets the viewer read a draft's (ADR 0014).
 */
function osvOf(ctx: ServiceContext, viewer: Viewer, a: AdvisoryRow): OsvRecord {
  if (a.osv) return a.osv as OsvRecord;
  const now = ctx.now();
  const content = a.content as AdvisoryContent;
  const credits = advisoryCreditsFor(creditReaderOfViewer(viewer), false, content.credits);
  return advisoryToOsv(a.id, { ...content, credits }, { published: a.publishAt ?? now, modified: now });
}

/**
 * An advisory in one open format, as the viewer may see it (the public: published ones
 * only, through the policy; a coordinator also previews drafts marked to them).
 */
export async function advisoryDocument(ctx: ServiceContext, viewer: Viewer, id: string, format: ExportFormat): Promise<ExportDocument> {
  const a = await findVisibleAdvisory(ctx.db, viewer, id);
  if (!a) throw notFound('Advisory');
  const osv = osvOf(ctx, viewer, a);
  try {
    switch (format) {
      // Spread into plain objects: the standards' interfaces carry no index signature.
      case 'osv':
        return { ...osvRecordOut(osv, ctx.config.osvIdPrefix) };
      case 'csaf':
        return { ...csafOf(ctx, osv, await revisionsOf(ctx.db, viewer, id)) };
      case 'cve5': {
        const { orgId, shortName } = cveAssignerOf(ctx);
        return { ...osvToCve5(osv, { orgId, shortName, cweName, recordUrl: advisoryPageOf(ctx) }) };
      }
      case 'stix':
        return { ...osvToStix(osv, { tlp: `TLP:${a.tlp}` as TlpLabel, recordUrl: advisoryPageOf(ctx) }) };
    }
  } catch (err) {
    if (err instanceof FormatError)
      throw new AppError(
        'CONFLICT',
        `Cannot write this advisory as ${format}: ${err.problems.map((p) => p.message).join('; ')}`,
        err.problems.map((p) => ({ path: p.path, message: p.message })),
      );
    throw err;
  }
}
