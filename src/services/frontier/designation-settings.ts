import { AppError, type FieldProblem } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { mayBeNamedOn } from '../../domain/policy/classified';
import { CLASSIFICATIONS, type Classification, type Marking } from '../../domain/policy/marking';
import type { Executor } from '../../store/database';
import { findDesignationSettings, upsertDesignationSettings } from '../../store/frontier/designation';
import { findUser } from '../../store/users';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';

/** The classification of new reviews until a platform admin sets one (issue 11: "default SECRET"). */
export const DEFAULT_REVIEW_CLASSIFICATION: Classification = 'SECRET';

export interface DesignationSettings {
  /** The classification every new review gets. */
  readonly classification: Classification;
  /** The designation panel: the authority's cleared analysts, named on every review opened without a person. */
  readonly panelUserIds: string[];
  /** The designating authority's organisation (owner of the reviews it opens); null until set. */
  readonly authorityOrganisationId: string | null;
  readonly updatedAt: string | null;
}

/** The deployment's designation settings (defaults until a platform admin sets them). */
export async function designationSettings(db: Executor): Promise<DesignationSettings> {
  const row = await findDesignationSettings(db);
  if (!row) return { classification: DEFAULT_REVIEW_CLASSIFICATION, panelUserIds: [], authorityOrganisationId: null, updatedAt: null };
  return {
    classification: CLASSIFICATIONS[row.classification] ?? 'TOP_SECRET',
    panelUserIds: row.panelUserIds,
    authorityOrganisationId: row.authorityOrganisationId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Settings are for the clearinghouse's own people: its organisation, shared with the coordinators. */
const settingsMarking = (organisationId: string): Marking => ({
  ownerOrganisationId: organisationId,
  createdBy: null,
  tlp: 'AMBER+STRICT',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [],
  accessUsers: [],
  coordinators: true,
});

/**
 * Problems with users to be named on a classified record (a review's access list, the panel),
 * one per bad entry: unknown, not active, or without the clearance. Nothing about the record leaks.
 */
export async function accessListProblems(db: Executor, userIds: readonly string[], classification: Classification, base: string): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const [i, id] of userIds.entries()) {
    const u = await findUser(db, id);
    if (!u) problems.push({ path: `${base}/${i}`, message: 'no such user' });
    else if (!mayBeNamedOn(u, classification)) problems.push({ path: `${base}/${i}`, message: `must be an active user cleared for ${classification}` });
  }
  return problems;
}

/** Sets the classification of new reviews and the designation panel (platform admins; audited). */
export async function setDesignationSettings(
  ctx: ServiceContext,
  p: Principal,
  input: { classification: Classification; panelUserIds: readonly string[] },
): Promise<DesignationSettings> {
  if (!can(p, 'frontier.configure')) throw new AppError('FORBIDDEN', 'Only platform administrators set the designation panel');
  const panel = [...new Set(input.panelUserIds)];
  return write(ctx, actorOf(p), async (tx, record) => {
    const problems = await accessListProblems(tx, panel, input.classification, '/panelUserIds');
    if (problems.length) throw new AppError('VALIDATION', 'The designation panel names users who cannot see classified reviews', problems);
    const before = await designationSettings(tx);
    await upsertDesignationSettings(tx, {
      classification: CLASSIFICATIONS.indexOf(input.classification),
      panelUserIds: panel,
      authorityOrganisationId: p.organisationId,
      updatedAt: ctx.now(),
      updatedBy: p.userId,
    });
    const after = await designationSettings(tx);
    record({
      action: 'frontier_designation_settings.updated',
      recordType: 'frontier_designation_settings',
      recordId: '1',
      before,
      after,
      marking: settingsMarking(p.organisationId),
      data: { classification: after.classification, panelUserIds: after.panelUserIds, authorityOrganisationId: after.authorityOrganisationId },
    });
    return after;
  });
}

/** Reads the settings (platform admins). */
export async function readDesignationSettings(ctx: ServiceContext, p: Principal): Promise<DesignationSettings> {
  if (!can(p, 'frontier.configure')) throw new AppError('FORBIDDEN', 'Only platform administrators read the designation panel');
  return designationSettings(ctx.db);
}
