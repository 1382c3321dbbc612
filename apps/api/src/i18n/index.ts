export { pickLanguage } from './accept-language';
export { localizeProblem } from './localize-problem';
export { documentFormat, type DocumentFormat } from './document-format';
export { PDF_FONT, printable, registerPdfFonts, startPdf } from './pdf-fonts';
