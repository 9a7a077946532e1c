import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/problem';
import { type Session, useAdoptSession } from '../api/session';

/**
 * A request that answers a new session (setup, accepting an invitation): on success the user
 * is logged in and sees the overview; a 404 means the one-time token is wrong or used, and
 * any other failure goes to `report` (field errors and notifications).
 */
export function useSessionMutation(request: () => Promise<Session>, report: (error: unknown) => void, onSuccess?: () => void) {
  const navigate = useNavigate();
  const adopt = useAdoptSession();
  const [tokenRejected, setTokenRejected] = useState(false);
  const mutation = useMutation({
    mutationFn: () => {
      setTokenRejected(false);
      return request();
    },
    onSuccess: (session) => {
      adopt(session);
      onSuccess?.();
      void navigate('/', { replace: true });
    },
    onError: (error) => {
      const rejected = error instanceof ApiError && error.status === 404;
      setTokenRejected(rejected);
      if (!rejected) report(error);
    },
  });
  return { mutation, tokenRejected };
}
