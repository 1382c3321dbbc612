import { ApiError } from './admin-http';
import { NETWORK_ERROR_SENTENCE, errorSentences } from '../strings';

/** The sentence an administrator reads for a refusal or a lost connection. */
export function errorText(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError && error.problem) {
    return errorSentences[error.problem.code](error.problem);
  }
  return NETWORK_ERROR_SENTENCE;
}
