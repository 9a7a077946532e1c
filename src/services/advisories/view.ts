import { advisoryCreditsFor, type CreditReader } from '../../domain/policy/credits';
import type { AdvisoryState } from '../../domain/advisory/state';
import type { AdvisoryRevisionRow, AdvisoryRow } from '../../store/advisories/queries';
import { markingOf } from '../../store/visibility';
import { markingView } from '../markings';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API shape of an advisory (coordinators see drafts in it; the public sees published ones). */
export const advisoryView = (a: AdvisoryRow) => ({
  id: a.id,
  source: a.source as 'aisc' | 'import',
  state: a.state as AdvisoryState,
  title: a.title,
  cveId: a.cveId,
  content: a.content ?? null,
  osv: a.osv ?? null,
  revision: a.revision,
  caseId: a.caseId,
  publishAt: iso(a.publishAt),
  publishedAt: iso(a.publishedAt),
  modifiedAt: iso(a.modifiedAt),
  withdrawnAt: iso(a.withdrawnAt),
  marking: markingView(markingOf(a)),
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});
export type AdvisoryView = ReturnType<typeof advisoryView>;

/**
 * An advisory's credits as a reader may see them (domain/policy/credits.ts): before
 * publication only coordinators read who found it, even where a draft is shared with vendors.
 */
export function withCreditsFor(reader: CreditReader, v: AdvisoryView): AdvisoryView {
  if (!v.content) return v;
  const published = v.state === 'published' || v.state === 'withdrawn';
  const credits = advisoryCreditsFor(reader, published, v.content.credits);
  return credits.length === v.content.credits.length ? v : { ...v, content: { ...v.content, credits } };
}

/** A published revision (OSV `modified`, CSAF `revision_history`). */
export const revisionView = (r: AdvisoryRevisionRow) => ({
  number: r.number,
  at: r.at.toISOString(),
  summary: r.summary,
  osv: r.osv,
});
export type RevisionView = ReturnType<typeof revisionView>;

/** What an outbox event about an advisory carries: no content (receivers fetch what they may see). */
export const advisoryEventData = (a: AdvisoryRow) => ({ id: a.id, state: a.state, revision: a.revision, source: a.source });
