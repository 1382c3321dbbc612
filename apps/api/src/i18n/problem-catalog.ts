import { type ErrorCode } from '@atm/contracts';

/** What a problem's detail may tell, already formatted for the language. */
export interface ProblemFacts {
  attemptsRemaining?: number;
  /** `remainingCents` as money in the language's locale. */
  remaining?: string;
  /** `lockedUntil` as a date and time in the language's locale. */
  lockedUntil?: string;
}

/** A detail that tells a fact of the problem: `{{attemptsRemaining}}` stands for it. */
type FactTemplate = `${string}{{${keyof ProblemFacts}}}${string}`;

export interface ProblemText {
  title: string;
  /** The detail when the problem carries no fact to tell. */
  detail: string;
  /** The detail when it carries every fact this names (see `localizeProblem`). */
  detailWithFact?: FactTemplate;
}

/**
 * The `title` and `detail` of every error code in one language other than English (the
 * English title is `ERROR_TITLES`, the English detail the one the refusal was raised with).
 * Typed by `ErrorCode`, so a new code does not compile until every language has its text.
 */
export type ProblemCatalog = Record<ErrorCode, ProblemText>;
