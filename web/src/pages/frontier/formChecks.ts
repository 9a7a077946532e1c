import { ApiError } from '../../api/problem';

/**
 * The choices a form must have before it can build a typed request body: throws the same
 * problem+json shape the server answers (so `useFieldErrors` puts "required" on each field,
 * named `${base}/${name}`), or returns the choices narrowed to their types.
 */
export function chosen<T extends Record<string, unknown>>(choices: T, base = ''): { [K in keyof T]: NonNullable<T[K]> } {
  const missing = Object.entries(choices).filter(([, value]) => value === undefined || value === null || value === '');
  if (missing.length > 0) {
    throw new ApiError(400, {
      title: 'Some fields are missing',
      status: 400,
      errors: missing.map(([name]) => ({ path: `${base}/${name}`, message: 'required' })),
    });
  }
  return choices as { [K in keyof T]: NonNullable<T[K]> };
}

/** A picker's choice typed as the vocabulary list (plain values) types it, or `undefined` when it is not in the list. */
export function oneOf<V extends string>(list: readonly V[] | undefined, choice: string | null): V | undefined {
  return list?.find((value) => value === choice);
}

/** A vocabulary value as words: `developer_cloud` → `developer cloud`. */
export const words = (value: string) => value.replace(/_/g, ' ');

/** A list of plain vocabulary values as Select options labelled in words. */
export const wordOptions = (list: readonly string[] | undefined) => (list ?? []).map((value) => ({ value, label: words(value) }));
