import { Injectable } from '@nestjs/common';
import { type Language } from '@atm/contracts';
import PDFDocument from 'pdfkit';
import { documentFormat, PDF_FONT as FONT, printable, registerPdfFonts, startPdf } from '../i18n';
import { BANK } from '../common';
import { type ReceiptDocument } from './receipt.service';

/**
 * A receipt slip: 80 mm wide like a printer's roll, as long as its lines need. No slip comes
 * near the longest (a 140-character memo wraps to four lines); it is there so that nothing
 * can make a page without end.
 */
const SLIP = { width: 227, margin: 14, maxHeight: 2000 } as const;

/**
 * Draws a transaction receipt in `language` with pdfkit and the embedded DejaVu fonts:
 * bank, ATM, date and time, reference, type, amount, the account masked to its last four
 * digits, balance after, and the notes dispensed or the holds placed. Real text, so the
 * slip can be searched and read aloud.
 */
@Injectable()
export class ReceiptPdfRenderer {
  render(receipt: ReceiptDocument, language: Language): Promise<Buffer> {
    const format = documentFormat(language);
    const words = format.text.receipt;
    const rows: Array<[string, string]> = [
      [words.atm, `${words.atmName(BANK.name)}, ${BANK.address[0]}`],
      [words.dateTime, format.dateTimeAt(receipt.createdAt, receipt.timeZone)],
      [words.reference, receipt.reference],
      [words.type, words.types[receipt.type]],
      [words.amount, format.money(receipt.amountCents)],
      [words.account, `${format.text.accountType[receipt.accountType]} ${receipt.account}`],
    ];
    if (receipt.counterparty) rows.push([words.to, receipt.counterparty]);
    if (receipt.memo) rows.push([words.memo, receipt.memo]);
    if (receipt.checkNumber) rows.push([words.checkNumber, receipt.checkNumber]);
    if (receipt.overdraft) {
      rows.push([
        words.overdraftProtection,
        words.overdraftFrom(format.money(receipt.overdraft.amountCents), receipt.overdraft.from),
      ]);
    }
    rows.push([words.balanceAfter, format.money(receipt.balanceAfterCents)]);
    if (receipt.type === 'WITHDRAWAL') {
      rows.push([
        words.notesDispensed,
        receipt.notes
          .map((n) => words.notes(n.count, format.money(n.denominationCents)))
          .join(', '),
      ]);
    }
    if (receipt.type === 'DEPOSIT') {
      rows.push([
        words.holdsPlaced,
        receipt.holds.length === 0
          ? words.noHolds
          : receipt.holds
              .map((h) =>
                words.hold(
                  format.money(h.amountCents),
                  format.dateTimeAt(h.releaseAt, receipt.timeZone),
                ),
              )
              .join('; '),
      ]);
    }

    const slip = { title: words.title, rows, thanks: words.thanks };
    // A roll is cut where the text ends: a first pass on a page longer than any slip finds
    // that point (a long memo or several holds wrap to more lines than a count can tell).
    const draft = new PDFDocument({ size: [SLIP.width, SLIP.maxHeight], margin: SLIP.margin });
    registerPdfFonts(draft);
    const length = Math.ceil(drawSlip(draft, slip) + SLIP.margin);

    const doc = new PDFDocument({
      size: [SLIP.width, Math.min(length, SLIP.maxHeight)],
      margin: SLIP.margin,
      info: {
        Title: `${BANK.name}: ${words.title} ${receipt.reference}`,
        Author: BANK.name,
      },
      lang: language,
    });
    const finished = startPdf(doc);
    drawSlip(doc, slip);
    doc.end();
    return finished;
  }
}

interface Slip {
  title: string;
  rows: ReadonlyArray<[string, string]>;
  thanks: string;
}

/** Prints the slip from the top of the page; answers where its last line ends. */
function drawSlip(doc: PDFKit.PDFDocument, slip: Slip): number {
  const width = SLIP.width - 2 * SLIP.margin;
  doc.font(FONT.bold).fontSize(11).text(BANK.name, { width, align: 'center' });
  doc.font(FONT.regular).fontSize(8).text(slip.title, { width, align: 'center' });
  doc.moveDown(0.8);
  for (const [label, value] of slip.rows) {
    doc.font(FONT.bold).fontSize(7.5).text(printable(label), { width });
    doc.font(FONT.regular).fontSize(8.5).text(printable(value), { width });
    doc.moveDown(0.3);
  }
  doc.moveDown(0.5);
  doc.font(FONT.regular).fontSize(7).text(slip.thanks, { width, align: 'center' });
  return doc.y;
}
