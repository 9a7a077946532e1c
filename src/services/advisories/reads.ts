import { notFound } from '../../domain/errors';
import { ANONYMOUS, type Viewer } from '../../domain/policy/viewer';
import {
  type AdvisoryFilter,
  findPublishedAdvisory,
  findVisibleAdvisory,
  listPublishedAdvisories,
  listVisibleAdvisories,
  revisionsOf,
} from '../../store/advisories/queries';
import type { CreditReader } from '../../domain/policy/credits';
import type { ServiceContext } from '../context';
import { advisoryView, revisionView, type AdvisoryView, type RevisionView, withCreditsFor } from './view';

/** Without a reader, credits are shown as to the public: only on a published advisory. */
const NO_CREDITS: CreditReader = { kind: 'anonymous' };

/** One advisory the viewer may see (a coordinator sees drafts marked to them); credits as `reader` may see them. */
export async function getAdvisory(ctx: ServiceContext, viewer: Viewer, id: string, reader: CreditReader = NO_CREDITS): Promise<AdvisoryView> {
  const a = await findVisibleAdvisory(ctx.db, viewer, id);
  if (!a) throw notFound('Advisory');
  return withCreditsFor(reader, advisoryView(a));
}

export async function searchAdvisories(
  ctx: ServiceContext,
  viewer: Viewer,
  f: AdvisoryFilter,
  reader: CreditReader = NO_CREDITS,
): Promise<{ items: AdvisoryView[]; total: number }> {
  const r = await listVisibleAdvisories(ctx.db, viewer, f);
  return { items: r.items.map((a) => withCreditsFor(reader, advisoryView(a))), total: r.total };
}

/**
 * The public side: published (or withdrawn) advisories as an anonymous caller sees them,
 * whoever asks — a signed-in coordinator on a public page sees no drafts either.
 */
export async function getPublishedAdvisory(ctx: ServiceContext, id: string): Promise<AdvisoryView> {
  const a = await findPublishedAdvisory(ctx.db, ANONYMOUS, id);
  if (!a) throw notFound('Advisory');
  return advisoryView(a);
}

export async function searchPublishedAdvisories(ctx: ServiceContext, f: AdvisoryFilter): Promise<{ items: AdvisoryView[]; total: number }> {
  const r = await listPublishedAdvisories(ctx.db, ANONYMOUS, f);
  return { items: r.items.map(advisoryView), total: r.total };
}

/** Every published revision of an advisory the viewer may see, oldest first. */
export async function advisoryRevisions(ctx: ServiceContext, viewer: Viewer, id: string): Promise<RevisionView[]> {
  if (!(await findVisibleAdvisory(ctx.db, viewer, id))) throw notFound('Advisory');
  return (await revisionsOf(ctx.db, viewer, id)).map(revisionView);
}
