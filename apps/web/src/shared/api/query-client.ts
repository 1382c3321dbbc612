import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-request';

/** A 4xx is an answer, not a hiccup: only lost connections and 5xx are retried (once). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
      // Money-moving requests retry themselves with the same Idempotency-Key.
      mutations: { retry: false },
    },
  });
}
