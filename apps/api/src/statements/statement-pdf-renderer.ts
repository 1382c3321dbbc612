import { Injectable } from '@nestjs/common';
import { maskAccountNumber } from '@atm/contracts';
import PDFDocument from 'pdfkit';
import { BANK } from '../common';
import {
  type DocumentFormat,
  documentFormat,
  PDF_FONT as FONT,
  printable,
  startPdf,
} from '../i18n';
import { type StatementDocument, type StatementTotals, totalsOf } from './statement-document';

/** The bank as printed on every statement. */
export const STATEMENT_BANK = BANK;

export interface RenderedStatement {
  pdf: Buffer;
  pageCount: number;
}

/** A statement that could not be drawn: retrying the same data would fail the same way. */
export class StatementRenderError extends Error {
  override readonly name = 'StatementRenderError';
}

const PAGE = { width: 612, height: 792, margin: 50, footer: 40 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Where rows stop: below this the footer ("Page N of M") is drawn. */
const CONTENT_BOTTOM = PAGE.height - PAGE.margin - PAGE.footer;
const ROW_FONT_SIZE = 8.5;
const ROW_PADDING = 3;

interface Column {
  width: number;
  align: 'left' | 'right';
}
const COLUMNS = {
  date: { width: 62, align: 'left' },
  description: { width: 206, align: 'left' },
  moneyIn: { width: 78, align: 'right' },
  moneyOut: { width: 78, align: 'right' },
  balance: { width: 88, align: 'right' },
} satisfies Record<string, Column>;
type ColumnName = keyof typeof COLUMNS;
const COLUMN_ORDER: ColumnName[] = ['date', 'description', 'moneyIn', 'moneyOut', 'balance'];
const COLUMN_GAP = 0;

/**
 * Draws a bank statement with pdfkit: the bank's name and address, the customer, the account
 * masked to its last four digits, the period, a summary, then one row per ledger entry
 * (date, description, money in, money out, running balance) that breaks across pages with
 * the column headers repeated, totals, the closing balance, and "Page N of M" on every page.
 * Everything is printed in the statement's language; the text is real text in an embedded
 * font (DejaVu Sans), so it can be selected and searched, accents and emoji included.
 */
@Injectable()
export class StatementPdfRenderer {
  async render(document: StatementDocument): Promise<RenderedStatement> {
    try {
      return await draw(document, totalsOf(document), documentFormat(document.language));
    } catch (error) {
      throw new StatementRenderError(error instanceof Error ? error.message : String(error));
    }
  }
}

function draw(
  document: StatementDocument,
  totals: StatementTotals,
  format: DocumentFormat,
): Promise<RenderedStatement> {
  const words = format.text.statement;
  const masked = maskAccountNumber(document.accountNumber);
  const period = words.period(format.longDay(document.from), format.longDay(document.to));
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info: {
      Title: `${STATEMENT_BANK.name}: ${words.subject} ${masked}, ${period}`,
      Author: STATEMENT_BANK.name,
      Subject: words.subject,
    },
    lang: format.language,
  });
  const finished = startPdf(doc);

  let y = drawFirstPageHeader(doc, document, totals, masked, period, format);
  y = drawColumnHeaders(doc, y, format);

  const newPage = (): void => {
    doc.addPage();
    y = drawContinuationHeader(doc, masked, period, format);
    y = drawColumnHeaders(doc, y, format);
  };
  const row = (cells: Partial<Record<ColumnName, string>>, bold = false): void => {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(ROW_FONT_SIZE);
    const description = cells.description ?? '';
    const height =
      Math.max(
        doc.heightOfString(description, { width: COLUMNS.description.width - 4 }),
        doc.currentLineHeight(),
      ) +
      2 * ROW_PADDING;
    if (y + height > CONTENT_BOTTOM) newPage();
    doc
      .font(bold ? FONT.bold : FONT.regular)
      .fontSize(ROW_FONT_SIZE)
      .fillColor('#000000');
    let x = PAGE.margin;
    for (const name of COLUMN_ORDER) {
      const column = COLUMNS[name];
      const text = cells[name];
      if (text) {
        doc.text(text, x, y + ROW_PADDING, {
          width: column.width - 4,
          align: column.align,
          lineBreak: name === 'description',
        });
      }
      x += column.width + COLUMN_GAP;
    }
    y += height;
    doc
      .moveTo(PAGE.margin, y)
      .lineTo(PAGE.margin + CONTENT_WIDTH, y)
      .lineWidth(0.3)
      .strokeColor('#d0d0d0')
      .stroke();
  };

  row(
    {
      date: format.shortDay(document.from),
      description: words.opening,
      balance: format.money(document.openingCents),
    },
    true,
  );
  if (totals.lines.length === 0) row({ description: words.noTransactions });
  for (const line of totals.lines) {
    row({
      date: format.shortDayAt(line.postedAt, document.timeZone),
      // English is the text stored with the entry; other languages write it from its facts.
      description: printable(format.language === 'en' ? line.description : format.entry(line)),
      moneyIn: line.amountCents > 0 ? format.money(line.amountCents) : '',
      moneyOut: line.amountCents < 0 ? format.money(-line.amountCents) : '',
      balance: format.money(line.balanceCents),
    });
  }
  row(
    {
      description: words.totals,
      moneyIn: format.money(totals.totalInCents),
      moneyOut: format.money(totals.totalOutCents),
    },
    true,
  );
  row(
    {
      date: format.shortDay(document.to),
      description: words.closing,
      balance: format.money(totals.closingCents),
    },
    true,
  );

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    drawFooter(doc, index - range.start + 1, range.count, format);
  }
  doc.end();
  return finished.then((pdf) => ({ pdf, pageCount: range.count }));
}

function drawFirstPageHeader(
  doc: PDFKit.PDFDocument,
  document: StatementDocument,
  totals: StatementTotals,
  masked: string,
  period: string,
  format: DocumentFormat,
): number {
  const words = format.text.statement;
  const left = PAGE.margin;
  doc
    .fillColor('#0b3d5c')
    .font(FONT.bold)
    .fontSize(18)
    .text(STATEMENT_BANK.name, left, PAGE.margin);
  doc.fillColor('#444444').font(FONT.regular).fontSize(9);
  for (const line of STATEMENT_BANK.address) doc.text(line);

  doc
    .fillColor('#000000')
    .font(FONT.bold)
    .fontSize(14)
    .text(words.title, left, PAGE.margin, { width: CONTENT_WIDTH, align: 'right' });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .text(words.statementDate(format.longDay(document.statementDate)), {
      width: CONTENT_WIDTH,
      align: 'right',
    })
    .text(period, { width: CONTENT_WIDTH, align: 'right' });

  let y = PAGE.margin + 70;
  doc.font(FONT.bold).fontSize(11).text(printable(document.customerName), left, y);
  doc
    .font(FONT.regular)
    .fontSize(9)
    .text(`${format.text.accountType[document.accountType]} ${masked}`)
    .text(words.timesAndCurrency(document.timeZone));
  y = doc.y + 14;

  // The summary box: where the period started and ended, and what moved in between.
  const summary: Array<[string, string]> = [
    [words.openingOn(format.longDay(document.from)), format.money(document.openingCents)],
    [words.totalIn, format.money(totals.totalInCents)],
    [words.totalOut, format.money(totals.totalOutCents)],
    [words.closingOn(format.longDay(document.to)), format.money(totals.closingCents)],
  ];
  const boxHeight = summary.length * 15 + 26;
  doc.lineWidth(0.8).strokeColor('#0b3d5c').rect(left, y, CONTENT_WIDTH, boxHeight).stroke();
  doc
    .font(FONT.bold)
    .fontSize(10)
    .fillColor('#0b3d5c')
    .text(words.summary, left + 10, y + 8);
  let lineY = y + 24;
  for (const [label, amount] of summary) {
    doc
      .font(FONT.regular)
      .fontSize(9.5)
      .fillColor('#000000')
      .text(label, left + 10, lineY, { lineBreak: false });
    doc.font(FONT.bold).text(amount, left + 10, lineY, {
      width: CONTENT_WIDTH - 20,
      align: 'right',
      lineBreak: false,
    });
    lineY += 15;
  }
  return y + boxHeight + 16;
}

function drawContinuationHeader(
  doc: PDFKit.PDFDocument,
  masked: string,
  period: string,
  format: DocumentFormat,
): number {
  doc
    .fillColor('#0b3d5c')
    .font(FONT.bold)
    .fontSize(11)
    .text(STATEMENT_BANK.name, PAGE.margin, PAGE.margin, { lineBreak: false });
  doc
    .fillColor('#000000')
    .font(FONT.regular)
    .fontSize(9)
    .text(format.text.statement.continued(masked, period), PAGE.margin, PAGE.margin, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
  return PAGE.margin + 24;
}

function drawColumnHeaders(doc: PDFKit.PDFDocument, top: number, format: DocumentFormat): number {
  const height = 18;
  doc.rect(PAGE.margin, top, CONTENT_WIDTH, height).fillColor('#e8eef3').fill();
  doc.fillColor('#0b3d5c').font(FONT.bold).fontSize(9);
  let x = PAGE.margin;
  for (const name of COLUMN_ORDER) {
    const column = COLUMNS[name];
    doc.text(format.text.statement.columns[name], x, top + 5, {
      width: column.width - 4,
      align: column.align,
      lineBreak: false,
    });
    x += column.width + COLUMN_GAP;
  }
  return top + height + 2;
}

function drawFooter(
  doc: PDFKit.PDFDocument,
  page: number,
  pageCount: number,
  format: DocumentFormat,
): void {
  // Writing below the bottom margin would make pdfkit open a new page: lift it for the footer.
  const bottomMargin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const y = PAGE.height - PAGE.margin - 12;
  doc
    .moveTo(PAGE.margin, y - 6)
    .lineTo(PAGE.margin + CONTENT_WIDTH, y - 6)
    .lineWidth(0.5)
    .strokeColor('#0b3d5c')
    .stroke();
  doc
    .fillColor('#666666')
    .font(FONT.regular)
    .fontSize(7.5)
    .text(format.text.statement.contact, PAGE.margin, y, {
      width: CONTENT_WIDTH - 80,
      lineBreak: false,
    });
  doc
    .fillColor('#000000')
    .fontSize(8)
    .text(format.text.statement.page(page, pageCount), PAGE.margin, y, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
  doc.page.margins.bottom = bottomMargin;
}
