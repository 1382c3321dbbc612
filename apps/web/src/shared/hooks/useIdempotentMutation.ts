import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from '../api/api-request';

export interface SubmitCallbacks<TResult> {
  onSuccess: (result: TResult) => void;
}

/**
 * A money-moving request with one Idempotency-Key per confirmed operation: made at the
 * first Confirm, reused by every retry of the same operation (a double click, a network
 * retry, "Try again" after a 503), and forgotten only when the operation changes. Once it
 * has gone through, the same operation cannot be confirmed again. The server replays the first answer, so money moves at most once.
 */
export function useIdempotentMutation<TVariables, TResult>(
  send: (variables: TVariables, idempotencyKey: string) => Promise<TResult>,
) {
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);
  /** The operation went through: another Confirm of it must not move money again. */
  const completed = useRef(false);
  const mutation = useMutation({
    mutationFn: ({
      variables,
      idempotencyKey,
    }: {
      variables: TVariables;
      idempotencyKey: string;
    }) => send(variables, idempotencyKey),
  });
  const { mutate, reset } = mutation;

  const submit = useCallback(
    (variables: TVariables, callbacks: SubmitCallbacks<TResult>) => {
      if (inFlight.current || completed.current) return;
      inFlight.current = true;
      key.current ??= newIdempotencyKey();
      mutate(
        { variables, idempotencyKey: key.current },
        {
          onSuccess: (result) => {
            completed.current = true;
            callbacks.onSuccess(result);
          },
          onSettled: () => {
            inFlight.current = false;
          },
        },
      );
    },
    [mutate],
  );

  /** The operation changed (the customer went back to edit it): the next Confirm is new. */
  const forget = useCallback(() => {
    key.current = null;
    completed.current = false;
    reset();
  }, [reset]);

  return { submit, forget, isPending: mutation.isPending, error: mutation.error };
}
