import { execFile } from 'node:child_process';
import { MEMO_MAX_LENGTH } from '@atm/contracts';
import { ReceiptPdfRenderer } from './receipt-pdf-renderer';
import { type ReceiptDocument } from './receipt.service';

/** The pages of a PDF and where each word's box ends, as poppler reads them. */
function layout(pdf: Buffer): Promise<Array<{ height: number; words: string[]; bottom: number }>> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'pdftotext',
      ['-bbox', '-enc', 'UTF-8', '-', '-'],
      { encoding: 'utf8' },
      (error, stdout) => {
        if (error) return reject(error);
        const pages = stdout.split('<page ').slice(1);
        resolve(
          pages.map((page) => {
            const words = [...page.matchAll(/yMax="([\d.]+)">([^<]*)<\/word>/g)];
            return {
              height: Number(/height="([\d.]+)"/.exec(page)?.[1]),
              words: words.map((word) => word[2] ?? ''),
              bottom: Math.max(...words.map((word) => Number(word[1]))),
            };
          }),
        );
      },
    );
    child.stdin?.end(pdf);
  });
}

const withdrawal: ReceiptDocument = {
  reference: 'FWMTVJ7WJ9',
  type: 'WITHDRAWAL',
  amountCents: 4000,
  createdAt: new Date('2026-11-24T15:04:05Z'),
  timeZone: 'America/Los_Angeles',
  account: '••••0001',
  accountType: 'CHECKING',
  balanceAfterCents: 81075,
  notes: [{ denominationCents: 2000, count: 2 }],
  holds: [],
};

describe('ReceiptPdfRenderer', () => {
  const renderer = new ReceiptPdfRenderer();
  // The slip is cut below its last line: the margin and at most one line's gap remain.
  const margin = 14;
  const cutBelowLastLine = (page: { height: number; bottom: number }) => {
    expect(page.height - page.bottom).toBeGreaterThanOrEqual(margin);
    expect(page.height - page.bottom).toBeLessThan(margin + 12);
  };

  it('cuts a short slip where its text ends', async () => {
    const pages = await layout(await renderer.render(withdrawal, 'en'));
    expect(pages).toHaveLength(1);
    cutBelowLastLine(pages[0]);
    expect(pages[0].words.slice(-2)).toEqual(['Savings', 'Bank.']);
  });

  it('grows with what wraps: a memo of the longest length in French stays on one slip', async () => {
    const memo = 'Loyer de novembre et charges communes '.repeat(4).slice(0, MEMO_MAX_LENGTH);
    const transfer: ReceiptDocument = {
      ...withdrawal,
      type: 'TRANSFER',
      notes: [],
      counterparty: '••••0028',
      memo,
    };
    const short = await layout(await renderer.render(withdrawal, 'fr'));
    const long = await layout(await renderer.render(transfer, 'fr'));
    expect(long).toHaveLength(1);
    cutBelowLastLine(long[0]);
    expect(long[0].height).toBeGreaterThan(short[0].height + 30);
    expect(long[0].words.join(' ')).toContain(memo.trim());
  });
});
