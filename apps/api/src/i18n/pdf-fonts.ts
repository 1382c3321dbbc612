import { openSync } from 'fontkit';
import { dirname, join } from 'node:path';

/**
 * The fonts every PDF (statements, receipts) embeds: DejaVu Sans (Bitstream Vera licence,
 * free to embed and redistribute; npm `dejavu-fonts-ttf`). Unlike the standard PDF fonts,
 * which stop at Windows-1252, it covers the accents of Spanish and French and most symbols,
 * and some emoji (😀). A character it has no glyph for is printed as the fallback glyph
 * "□" instead of a wrong glyph or "?", so a line never silently changes meaning.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const PDF_FONTS = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
} as const;

/** The names the fonts are registered under on each document. */
export const PDF_FONT = { regular: 'body', bold: 'body-bold' } as const;

/**
 * Registers the embedded fonts on a new document and collects what it writes: the promise
 * resolves with the whole PDF once the caller has drawn it and called `doc.end()`.
 */
export function startPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** The embedded fonts under their PDF_FONT names (alone: for a document that is only measured). */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(PDF_FONT.regular, PDF_FONTS.regular);
  doc.registerFont(PDF_FONT.bold, PDF_FONTS.bold);
}

export const MISSING_GLYPH = '□';

let coverage: { regular: ReturnType<typeof openSync>; bold: ReturnType<typeof openSync> } | null =
  null;

function fonts() {
  coverage ??= { regular: openSync(PDF_FONTS.regular), bold: openSync(PDF_FONTS.bold) };
  return coverage;
}

/**
 * The text as the PDF can print it: control characters become spaces, characters neither
 * font has become "□". Variation selectors and joiners (parts of emoji sequences) are
 * dropped: they have no glyph of their own.
 */
export function printable(text: string): string {
  const { regular, bold } = fonts();
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) continue;
    else if (regular.hasGlyphForCodePoint(code) && bold.hasGlyphForCodePoint(code)) out += ch;
    else out += MISSING_GLYPH;
  }
  return out;
}
