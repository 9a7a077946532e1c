import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { ApiError, describeError } from './problem';

export type FieldErrors = Record<string, string>;

/** The field a pointer falls in: itself, or the nearest field it points inside (`/scopes/2`). */
function fieldFor(fields: readonly string[], path: string): string | undefined {
  let best: string | undefined;
  for (const field of fields) {
    if ((path === field || path.startsWith(`${field}/`)) && field.length > (best?.length ?? -1)) best = field;
  }
  return best;
}

/**
 * Shows a problem+json answer where it belongs: each `errors[].path` (a JSON Pointer into the
 * request body) that names one of `fields` next to that field, everything else as a notification.
 */
export function useFieldErrors(fields: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({});

  const report = useCallback(
    (error: unknown) => {
      const next: FieldErrors = {};
      const unplaced: string[] = [];
      if (error instanceof ApiError) {
        for (const { path, message } of error.fieldErrors) {
          const field = fieldFor(fields, path);
          if (field) next[field] = next[field] ? `${next[field]}; ${message}` : message;
          else unplaced.push(path ? `${path}: ${message}` : message);
        }
      }
      setErrors(next);
      const placed = Object.keys(next).length > 0;
      if (!placed || unplaced.length > 0) {
        const title = error instanceof ApiError ? (error.problem.title ?? 'Request failed') : 'Something went wrong';
        const message = unplaced.length > 0 ? unplaced.join('\n') : describeError(error);
        notifications.show({ color: 'red', title, message, autoClose: 8000 });
      }
    },
    // Forms pass a module-level constant, so this callback is stable.
    [fields],
  );

  const clear = useCallback((path?: string) => {
    setErrors((current) => {
      if (path === undefined) return {};
      if (!(path in current)) return current;
      const { [path]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  return { errors, report, clear };
}

/** Shows any failure as a notification (for actions without a form: toggles, deletes, re-sends). */
export function notifyError(error: unknown, title = 'Request failed'): void {
  const problemTitle = error instanceof ApiError ? error.problem.title : undefined;
  notifications.show({ color: 'red', title: problemTitle ?? title, message: describeError(error), autoClose: 8000 });
}
