import type { OsvRecord } from '../../standards/osv/index';

/**
 * AISC's own ids as OSV sees them (ADR 0023). OSV 1.7 §id: an id is `<DB>-<ENTRYID>`, and
 * the official schema accepts only the database prefixes registered with OSV, or `x_` and
 * a name. `AISC` is not registered, so a deployment serves `<prefix>-YYYY-NNNNN`
 * (`AISC_OSV_ID_PREFIX`, default `x_AISC`) in every OSV record it emits. Stored ids, CSAF
 * tracking ids and the rest of the API keep `AISC-…`: only the OSV face changes.
 */
const OWN = /^AISC-/;

/** The OSV id of one of AISC's own ids; any other id (GHSA-…, CVE-…) is returned as it is. */
export const osvIdOf = (id: string, prefix: string): string => (OWN.test(id) ? `${prefix}${id.slice(4)}` : id);

/** The AISC id an OSV client asks for: `<prefix>-…` back to `AISC-…`; other ids as they are. */
export const aiscIdOf = (osvId: string, prefix: string): string =>
  prefix !== 'AISC' && osvId.startsWith(`${prefix}-`) ? `AISC${osvId.slice(prefix.length)}` : osvId;

/** A stored OSV record as served: its id and any own ids in `aliases`/`related` carry the prefix. */
export function osvRecordOut(record: OsvRecord, prefix: string): OsvRecord {
  if (prefix === 'AISC') return record;
  const map = (ids: readonly string[] | null | undefined) => ids?.map((i) => osvIdOf(i, prefix));
  return {
    ...record,
    id: osvIdOf(record.id, prefix),
    ...(record.aliases ? { aliases: map(record.aliases) } : {}),
    ...(record.related ? { related: map(record.related) } : {}),
  };
}
