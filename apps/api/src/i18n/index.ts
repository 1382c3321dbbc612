export { pickLanguage } from './accept-language';
export { localizeProblem, PROBLEM_CATALOGS } from './localize-problem';
export { documentFormat, type DocumentFormat } from './document-format';
export { type DocumentText } from './document-text';
