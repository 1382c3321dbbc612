export { pickLanguage } from './accept-language';
export { localizeProblem } from './localize-problem';
export { documentFormat, type DocumentFormat } from './document-format';
export { PDF_FONT, printable, startPdf } from './pdf-fonts';
