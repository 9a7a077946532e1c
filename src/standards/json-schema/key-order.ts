/**
 * A key order for serializing one kind of object: the named keys first, in the order the
 * specification lists them, then any other keys sorted by code unit. Nested orders apply to
 * the value of a key (to each element when it is an array).
 */
export interface KeyOrder {
  readonly keys?: readonly string[];
  readonly fields?: Readonly<Record<string, KeyOrder>>;
  /** Order for every value of a map-like object whose keys are data (e.g. CSAF `product_status`). */
  readonly values?: KeyOrder;
}

const SORTED: KeyOrder = {};

/**
 * Returns a copy of `value` whose object keys follow `order`, so the same record always
 * serializes to the same text whatever key order it was built or read with. Keys without
 * an order (extension objects such as OSV `database_specific`) are sorted throughout.
 */
export function orderKeys<T>(value: T, order: KeyOrder = SORTED): T {
  if (Array.isArray(value)) return value.map((item) => orderKeys(item, order)) as T;
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const named = order.keys ?? [];
  const rest = Object.keys(source)
    .filter((k) => !named.includes(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of [...named.filter((k) => k in source), ...rest]) {
    if (source[key] === undefined) continue;
    out[key] = orderKeys(source[key], order.fields?.[key] ?? order.values ?? SORTED);
  }
  return out as T;
}

/** Serializes `value` with `order` as indented JSON text ending in a newline. */
export function stringifyOrdered(value: unknown, order?: KeyOrder): string {
  return `${JSON.stringify(orderKeys(value, order), null, 2)}\n`;
}
