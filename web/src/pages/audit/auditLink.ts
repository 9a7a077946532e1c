/** The audit page filtered to one record, for "Audit" links next to records. */
export function auditLink(recordType: string, recordId: string): string {
  return `/audit?${new URLSearchParams({ recordType, recordId }).toString()}`;
}
