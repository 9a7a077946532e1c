import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError } from '../api/useFieldErrors';

/**
 * An action on one record that asks first (revoke, delete): `ask(record)` opens the
 * confirmation, `confirm()` runs it, and on success the queries of `recordType` refetch.
 */
export function useConfirmedAction<T>(recordType: string, action: (record: T) => Promise<unknown>, failureTitle: string) {
  const client = useQueryClient();
  const [target, setTarget] = useState<T | null>(null);
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: () => {
      setTarget(null);
      void client.invalidateQueries({ queryKey: [recordType] });
    },
    onError: (error) => notifyError(error, failureTitle),
  });
  return {
    target,
    ask: (record: T) => setTarget(record),
    cancel: () => setTarget(null),
    confirm: () => target !== null && mutation.mutate(target),
    pending: mutation.isPending,
  };
}
