/**
 * CSAF 2.0 §5.1 file names: the `/document/tracking/id` in lower case, each run of
 * characters other than a–z, 0–9, `+` and `-` replaced by one `_`, then `.json`.
 */
export function csafFileName(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
}

/** CSAF 2.0 §7.1.11: one folder per year of `/document/tracking/initial_release_date`. */
export function csafYearOf(initialReleaseDate: string): string {
  return initialReleaseDate.slice(0, 4);
}
