export { pickLanguage } from './accept-language';
export { localizeProblem, PROBLEM_CATALOGS } from './localize-problem';
