export interface OrganisationDraft {
  name: string;
  kind: string | null;
  sectors: string[];
  parentId: string | null;
}

/**
 * Whether a kind is the critical-infrastructure operator, which names CISA sectors. The
 * vocabulary comes from `GET /api/vocabulary`, so the kind is recognised by its id or label.
 */
export function isCriticalInfrastructure(kind: string | null, kinds: readonly { id: string; label: string }[] | undefined): boolean {
  if (!kind) return false;
  const label = kinds?.find((k) => k.id === kind)?.label ?? '';
  return /critical/i.test(kind) || /critical/i.test(label);
}

/** Only the fields an edit changed, for a PATCH that touches nothing else. */
export function changedFields(before: OrganisationDraft, after: OrganisationDraft): Partial<OrganisationDraft> {
  const changed: Partial<OrganisationDraft> = {};
  if (after.name !== before.name) changed.name = after.name;
  if (after.kind !== before.kind) changed.kind = after.kind;
  if (after.sectors.join('\n') !== before.sectors.join('\n')) changed.sectors = after.sectors;
  if (after.parentId !== before.parentId) changed.parentId = after.parentId;
  return changed;
}
