/**
 * AISC advisory identifiers: `AISC-YYYY-NNNNN`, the year of publication and a per-year
 * counter of at least five digits (more when a year passes 99,999, as CVE ids do). The
 * number is allocated when the advisory is published, so it counts publications only
 * (ADR 0021); a draft has an internal id (`draftAdvisoryId`).
 */
export const AISC_ID_PATTERN = /^AISC-(\d{4})-(\d{5,})$/;

/** The id for the `n`th advisory (from 1) allocated in `year`. */
export function formatAdvisoryId(year: number, n: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad advisory year ${year}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`bad advisory number ${n}`);
  return `AISC-${year}-${String(n).padStart(5, '0')}`;
}

/** Year and number of an AISC id, or null when `id` is not one. */
export function parseAdvisoryId(id: string): { year: number; n: number } | null {
  const m = AISC_ID_PATTERN.exec(id);
  return m ? { year: Number(m[1]), n: Number(m[2]) } : null;
}

/**
 * Ids of advisories imported from other databases (GHSA-…, GO-…, RUSTSEC-…, PYSEC-…,
 * CVE-…): OSV 1.7 §id "a unique identifier … `<DB>-<ENTRYID>`". Letters, digits, `-._:`.
 */
export const FOREIGN_ID_PATTERN = /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9._:-]+$/;

/**
 * A draft's internal id: `AISC-DRAFT-` and a random UUID (`uuid`, from the caller). It
 * counts nothing and dates nothing, so a vendor shown a draft learns no more than the draft.
 * Imports refuse every `AISC-` id, so it never collides with an imported one.
 */
export const draftAdvisoryId = (uuid: string): string => `AISC-DRAFT-${uuid}`;

/** Whether `id` is a public AISC id (a published, or once published, advisory of ours). */
export const isPublicAisc = (id: string): boolean => AISC_ID_PATTERN.test(id);
