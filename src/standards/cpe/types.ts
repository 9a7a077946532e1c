/** NISTIR 7695 §5.3.1: the logical values a WFN attribute may take besides a string. */
export type CpeLogical = 'ANY' | 'NA';

/** An attribute value: a logical value, or a WFN value string in its quoted form
 * (NISTIR 7695 §5.3.2: non-alphanumeric characters other than `_` escaped with `\`;
 * unquoted `*` and `?` are wildcards). */
export type CpeValue = { readonly logical: CpeLogical } | string;

export const ANY: CpeValue = Object.freeze({ logical: 'ANY' as const });
export const NA: CpeValue = Object.freeze({ logical: 'NA' as const });

/** NISTIR 7695 §5.2: the eleven attributes of a well-formed CPE name, in binding order. */
export const CPE_ATTRIBUTES = [
  'part',
  'vendor',
  'product',
  'version',
  'update',
  'edition',
  'language',
  'sw_edition',
  'target_sw',
  'target_hw',
  'other',
] as const;

export type CpeAttribute = (typeof CPE_ATTRIBUTES)[number];

/** A well-formed CPE name (WFN). */
export type Wfn = { readonly [A in CpeAttribute]: CpeValue };

export function isLogical(value: CpeValue, logical?: CpeLogical): value is { readonly logical: CpeLogical } {
  return typeof value !== 'string' && (logical === undefined || value.logical === logical);
}

/** Longest CPE name accepted in either binding; a guard against pathological input. */
export const MAX_CPE_LENGTH = 4096;
