import { useMutation, useQueryClient } from '@tanstack/react-query';
import { casesKey } from './caseApi';

/**
 * Runs one of the case writes (`caseCalls` in ./caseApi) and refreshes everything about cases
 * afterwards. A form passes `report` from `useFieldErrors` (docs/ui-forms.md); a button without a
 * form shows `error` itself.
 */
export function useCaseAction(report?: (error: unknown) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (call: () => Promise<unknown>) => call(),
    onSuccess: () => client.invalidateQueries({ queryKey: [casesKey] }),
    ...(report ? { onError: report } : {}),
  });
}
