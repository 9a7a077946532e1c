import { notFound } from '../../domain/errors';
import type { EngagementParty } from '../../domain/frontier/engagement-states';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { type Classification, CLASSIFICATIONS } from '../../domain/policy/marking';
import { type EngagementRow, type FindingRow, findVisibleEngagement } from '../../store/frontier/assessments';
import type { Executor } from '../../store/database';
import { markingOf } from '../../store/visibility';
import type { Marking } from '../../domain/policy/marking';

/**
 * The parties a principal holds in an engagement (ADR 0103): a writer of the commissioning,
 * assessor or developer organisation acts for it; the clearinghouse's staff act for the
 * government when the government commissioned. The action table decides each.
 */
export function partiesOf(p: Principal | null, e: EngagementRow): Set<EngagementParty> {
  const parties = new Set<EngagementParty>();
  if (!p) return parties;
  if (can(p, 'frontier.act-in-engagement', { organisationId: e.commissioningOrganisationId, government: e.commissionedBy === 'government' }))
    parties.add('commissioner');
  if (can(p, 'frontier.act-in-engagement', { organisationId: e.assessorOrganisationId, government: false })) parties.add('assessor');
  if (can(p, 'frontier.act-in-engagement', { organisationId: e.developerOrganisationId, government: false })) parties.add('developer');
  return parties;
}

/** The engagement a principal may see, locked for an update; NOT_FOUND when it may not. */
export async function engagementForUpdate(db: Executor, p: Principal, id: string): Promise<EngagementRow> {
  const e = await findVisibleEngagement(db, viewerOf(p), id, true);
  if (!e) throw notFound('Engagement');
  return e;
}

/** A finding's detail marking: the finding's recipients at the detail's own label and classification. */
export function detailMarkingOf(f: FindingRow): Marking {
  return { ...markingOf(f), tlp: f.detailTlp as Marking['tlp'], classification: (CLASSIFICATIONS[f.detailClassification] ?? 'TOP_SECRET') as Classification };
}
