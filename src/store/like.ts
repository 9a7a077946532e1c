/** `q` with the LIKE wildcards and the escape character escaped. */
const escapeLike = (q: string): string => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A `LIKE`/`ILIKE` pattern matching `q` anywhere: its `\`, `%` and `_` escaped (PostgreSQL's
 * default escape character is `\`, §9.7.1), so what a user types is matched literally.
 */
export const containsPattern = (q: string): string => `%${escapeLike(q)}%`;
