import { INTL_LOCALES, type Language, type ProblemDetails } from '@atm/contracts';
import { formatCentsIn } from '@atm/money';
import { type ProblemCatalog, type ProblemFacts } from './problem-catalog';
import { PROBLEMS_ES } from './problem-catalog.es';
import { PROBLEMS_FR } from './problem-catalog.fr';

export const PROBLEM_CATALOGS: Record<Exclude<Language, 'en'>, ProblemCatalog> = {
  es: PROBLEMS_ES,
  fr: PROBLEMS_FR,
};

function formatInstant(iso: string, language: Language): string | undefined {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return undefined;
  // Times in the API are UTC; saying so keeps the sentence true wherever it is read.
  return at.toLocaleString(INTL_LOCALES[language], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
}

/** The template with its `{{fact}}`s filled in, or undefined when one of them is unknown. */
function withFacts(template: string, facts: ProblemFacts): string | undefined {
  const known = new Map(Object.entries(facts).filter(([, value]) => value !== undefined));
  let complete = true;
  const text = template.replace(/\{\{(\w+)\}\}/g, (_placeholder, name: string) => {
    const value: unknown = known.get(name);
    if (value === undefined) complete = false;
    return String(value);
  });
  return complete ? text : undefined;
}

/**
 * The problem with its `title` and `detail` in `language`; everything else, `code` first
 * of all, is left exactly as it was. English is the text the refusal was raised with.
 */
export function localizeProblem(problem: ProblemDetails, language: Language): ProblemDetails {
  if (language === 'en') return problem;
  const text = PROBLEM_CATALOGS[language][problem.code];
  const facts: ProblemFacts = {
    attemptsRemaining: problem.attemptsRemaining,
    remaining:
      problem.remainingCents === undefined
        ? undefined
        : formatCentsIn(INTL_LOCALES[language], problem.remainingCents),
    lockedUntil: problem.lockedUntil ? formatInstant(problem.lockedUntil, language) : undefined,
  };
  return {
    ...problem,
    title: text.title,
    detail: (text.detailWithFact && withFacts(text.detailWithFact, facts)) ?? text.detail,
  };
}
