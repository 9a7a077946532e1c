import type { OsvRecord, OsvReferenceType } from '../osv/types';

const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

/** The CVE id of an OSV record: its own id when it is one, else the first CVE alias. */
export function cveAliasOf(record: OsvRecord): string | undefined {
  return [record.id, ...(record.aliases ?? [])].find((a) => CVE_ID.test(a));
}

/** A one-line summary for a reference of an OSV type, readable and reversible. */
export function osvReferenceSummary(type: OsvReferenceType): string {
  return `OSV ${type} reference`;
}

/** The OSV reference type a summary written by {@link osvReferenceSummary} names. */
export function osvReferenceTypeOf(summary: string): OsvReferenceType | undefined {
  const m = /^OSV ([A-Z]+) reference$/.exec(summary);
  return m ? (m[1] as OsvReferenceType) : undefined;
}

/**
 * First and latest release dates of a record, from its own timestamps (no clock is read):
 * initial = `published` (or `modified` when unpublished); current = `modified` unless it is
 * earlier than `published` (the Go vulnerability database writes the zero date 0001-01-01).
 */
export function releaseDates(record: OsvRecord): { initial: string; current: string } {
  const initial = record.published ?? record.modified;
  const current = Date.parse(record.modified) > Date.parse(initial) ? record.modified : initial;
  return { initial, current };
}

/** CWE ids as OSV databases keep them (`database_specific.cwe_ids`, as GitHub's and ours do). */
export function cweIdsOf(record: OsvRecord): string[] {
  const ids = (record.database_specific as { cwe_ids?: unknown } | undefined)?.cwe_ids;
  return Array.isArray(ids) ? ids.filter((c): c is string => typeof c === 'string' && /^CWE-[1-9]\d*$/.test(c)) : [];
}
