import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { apiAs } from './support/api-client';
import { AtmPage } from './support/atm-page';
import { type Browser, ConsoleWatch, launchBrowser, screenshot } from './support/browser';

const ALICE = { card: '4000000000000010', pin: '1234' };
const BOB = { card: '4000000000000028', pin: '5678', newPin: '2580' };
const CHARLIE = { card: '4000000000000036', pin: '9012' };

const skipReason = process.env.ATM_E2E_SKIP;
if (skipReason) console.warn(`The browser end-to-end journeys are skipped: ${skipReason}`);
// Skipped only where no browser is installed outside CI (the global setup fails in CI).
const suite = skipReason ? describe.skip : describe;

suite('the web ATM in a real browser', () => {
  const baseUrl = process.env.ATM_E2E_URL ?? '';
  const shortSessionUrl = process.env.ATM_E2E_SHORT_SESSION_URL ?? '';
  let browser: Browser;
  let page: Page;
  let atm: AtmPage;
  let watch: ConsoleWatch;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh tab per journey, watching its console; refusals it expects are named. */
  async function journey(expectedStatuses: number[] = []): Promise<AtmPage> {
    page = await browser.context.newPage();
    watch = new ConsoleWatch(page, expectedStatuses);
    atm = new AtmPage(page);
    return atm;
  }

  afterEach(async () => {
    const errors = watch?.errors ?? [];
    await page?.close();
    expect(errors).toEqual([]);
  });

  it('serves the app with its favicon and a strict CSP', async () => {
    const response = await fetch(`${baseUrl}/some/client/route`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('rel="icon"');
    const icon = await fetch(`${baseUrl}/favicon.svg`);
    expect(icon.status).toBe(200);
  });

  it('signs in with the keypad and shows every balance', async () => {
    await journey();
    await atm.open(baseUrl);
    await atm.expectUnique('Insert card');
    await atm.expectAccessible();
    await screenshot(page, '01-card');

    await atm.insertCard(ALICE.card);
    await atm.expectUnique(
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      'Clear',
      'Cancel',
      'Enter',
    );
    await atm.enterPinOnKeypad('12');
    await expect(page.getByLabel('PIN', { exact: true }).inputValue()).resolves.toBe('12');
    await atm.expectAccessible();
    await screenshot(page, '02-pin');
    await atm.enterPinOnKeypad('34');

    await atm.heading('Main menu').waitFor();
    await atm.expectUnique(
      'Balance',
      'Withdraw',
      'Deposit',
      'Transfer',
      'Statements',
      'Change PIN',
      'Exit',
    );
    await atm.expectAccessible();
    await screenshot(page, '03-menu');

    await atm.choose('Balance');
    await page.getByText('$5,250.00').first().waitFor();
    await page.getByText('$12,500.00').first().waitFor();
    await page.getByRole('table').first().waitFor();
    const text = await atm.text();
    expect(text).toMatch(/available/i);
    expect(text).toMatch(/balance/i);
    await atm.expectAccessible();
    await screenshot(page, '04-balance');

    await atm.choose('Main menu');
    await atm.choose('Exit');
    await page.getByText('Please take your card').waitFor();
    await atm.button('Insert card').waitFor();
  });

  it('withdraws fast cash: cash in the dispenser and a receipt', async () => {
    await journey();
    await atm.signIn(baseUrl, ALICE.card, ALICE.pin);
    await atm.choose('Withdraw');
    await atm.expectAccessible();
    await atm.chooseAccount('Checking');
    await atm.expectUnique('$20', '$40', '$60', '$100', '$200', 'Other amount');
    await atm.expectAccessible();
    await screenshot(page, '05-withdraw-amounts');
    await atm.choose('$40');
    await atm.expectUnique('Confirm');
    await atm.expectAccessible();
    await atm.choose('Confirm');

    await atm.heading('Receipt').waitFor();
    await atm.expectUnique('Another transaction', 'Done');
    const text = await atm.text();
    expect(text).toContain('Reference');
    expect(text).toContain('$40.00');
    expect(text).toContain('$5,210.00');
    await page.getByRole('img', { name: /Cash dispensed: 2 × \$20\.00/ }).waitFor();
    await atm.expectAccessible();
    await screenshot(page, '06-withdraw-receipt');
    await atm.choose('Another transaction');
    await atm.heading('Main menu').waitFor();
  });

  it('withdraws once when Confirm is double-clicked', async () => {
    await journey();
    await atm.signIn(baseUrl, ALICE.card, ALICE.pin);
    await atm.choose('Withdraw');
    await atm.chooseAccount('Checking');
    await atm.choose('Other amount');
    // The physical keyboard types into the amount; Enter goes on.
    await page.getByRole('textbox', { name: 'Amount' }).focus();
    await page.keyboard.type('60');
    await page.keyboard.press('Enter');
    await atm.button('Confirm').dblclick();
    await atm.heading('Receipt').waitFor();
    expect(await atm.text()).toContain('$5,150.00');

    const api = await apiAs(baseUrl, ALICE.card, ALICE.pin);
    const checking = (await api.accounts()).find((a) => a.number === '100000010001');
    expect(checking?.balanceCents).toBe(515000);
    const { items } = await api.entries(checking?.id ?? '');
    expect(items.filter((e) => e.type === 'WITHDRAWAL').map((e) => e.amountCents)).toEqual([
      -6000, -4000,
    ]);

    await atm.choose('Another transaction');
    await atm.choose('Balance');
    await page.getByText('$5,150.00').first().waitFor();
  });

  it('says how much more can be withdrawn today', async () => {
    await journey([422]);
    await atm.signIn(baseUrl, ALICE.card, ALICE.pin);
    await atm.choose('Withdraw');
    await atm.chooseAccount('Checking');
    await atm.choose('Other amount');
    for (const digit of '500') await atm.button(digit).click();
    await atm.button('Enter').click();
    await atm.choose('Confirm');
    await expect(atm.alert().textContent()).resolves.toBe('You can withdraw $400.00 more today.');
    await atm.expectAccessible();
    await screenshot(page, '07-withdraw-daily-limit');
    await atm.choose('Back');
    await atm.button('$20').waitFor();
  });

  it('deposits a check and shows the hold on the receipt', async () => {
    await journey();
    await atm.signIn(baseUrl, ALICE.card, ALICE.pin);
    await atm.choose('Deposit');
    await atm.chooseAccount('Savings');
    await atm.expectUnique('Cash', 'Check');
    await atm.expectAccessible();
    await atm.choose('Check');
    await page.getByRole('textbox', { name: 'Check number' }).fill('1001');
    await page.getByRole('textbox', { name: 'Amount' }).focus();
    await page.keyboard.type('50000');
    await expect(page.getByRole('textbox', { name: 'Amount' }).inputValue()).resolves.toBe(
      '$500.00',
    );
    await atm.expectAccessible();
    await atm.choose('Next');
    await atm.choose('Confirm');
    await atm.heading('Receipt').waitFor();
    const text = await atm.text();
    expect(text).toContain('$500.00');
    expect(text).toContain('1001');
    expect(text).toContain('On hold');
    expect(text).toContain('$13,000.00');
    await atm.expectAccessible();
    await screenshot(page, '08-deposit-receipt');
    await atm.choose('Done');
    await page.getByText('Please take your card').waitFor();
  });

  it('transfers to another customer with a memo', async () => {
    await journey();
    await atm.signIn(baseUrl, ALICE.card, ALICE.pin);
    await atm.choose('Transfer');
    await atm.chooseAccount('Checking');
    const to = page.getByRole('textbox', { name: 'To account number' });
    await to.focus();
    await page.keyboard.type('100000020001');
    await expect(to.inputValue()).resolves.toBe('1000-0002-0001');
    await page.getByRole('textbox', { name: 'Amount' }).focus();
    await page.keyboard.type('2550');
    await page.getByRole('textbox', { name: 'Memo (optional)' }).fill('Concert tickets');
    await atm.expectAccessible();
    await screenshot(page, '09-transfer-form');
    await atm.choose('Next');
    await atm.choose('Confirm');
    await atm.heading('Receipt').waitFor();
    const text = await atm.text();
    expect(text).toContain('$25.50');
    expect(text).toContain('1000-0002-0001');
    expect(text).toContain('Concert tickets');
    expect(text).toContain('$5,124.50');
    await atm.expectAccessible();
    await screenshot(page, '10-transfer-receipt');
  });

  it('makes a statement, shows its progress and downloads the PDF', async () => {
    await journey();
    await atm.signIn(baseUrl, ALICE.card, ALICE.pin);
    await atm.choose('Statements');
    await atm.chooseAccount('Checking');
    await atm.expectUnique('Last 7 days', 'Last 30 days', 'Last 90 days', 'Custom range');
    await atm.expectAccessible();
    await atm.choose('Last 30 days');
    await atm.heading(/Making your statement|Your statement is ready/).waitFor();
    await atm.expectAccessible();
    await screenshot(page, '11-statement-progress');
    await atm.button('Download').waitFor({ timeout: 30_000 });
    await atm.expectAccessible();
    const [download] = await Promise.all([page.waitForEvent('download'), atm.choose('Download')]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(download.suggestedFilename()).toMatch(
      /^statement-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    await screenshot(page, '12-statement-ready');
  });

  /** The text of a PDF the browser saved, as a person selecting it gets it (poppler). */
  function pdfText(file: string): string {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
  }

  /** Everything the ATM says goes through speechSynthesis.speak: recorded, not played. */
  async function recordSpeech(): Promise<void> {
    await page.addInitScript(() => {
      const said: Array<{ text: string; lang: string }> = [];
      Object.assign(window, { atmUtterances: said });
      if (window.speechSynthesis) {
        window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
          said.push({ text: utterance.text, lang: utterance.lang });
        };
      }
    });
  }

  async function utterances(): Promise<Array<{ text: string; lang: string }>> {
    return page.evaluate('window.atmUtterances ?? []');
  }

  it('withdraws in Spanish with the Spanish names, <html lang="es">, accessible', async () => {
    await journey();
    await atm.open(baseUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await atm.expectUnique('English', 'Español', 'Français');
    await atm.choose('Español');
    await page.getByRole('textbox', { name: 'Número de tarjeta', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await atm.expectUnique('Insertar tarjeta', 'Guía de audio');
    await atm.expectAccessible();
    await page.getByRole('textbox', { name: 'Número de tarjeta', exact: true }).fill(CHARLIE.card);
    await atm.choose('Insertar tarjeta');
    await page.getByLabel('PIN', { exact: true }).waitFor();
    await atm.expectUnique('Borrar', 'Cancelar', 'Aceptar');
    await atm.expectAccessible();
    for (const digit of CHARLIE.pin) await atm.button(digit).click();
    await atm.choose('Aceptar');
    await atm.heading('Menú principal').waitFor();
    await atm.expectUnique(
      'Saldo',
      'Retirar',
      'Depositar',
      'Transferir',
      'Estados de cuenta',
      'Cambiar PIN',
      'Salir',
    );
    await atm.expectAccessible();
    await screenshot(page, '20-menu-es');
    await atm.choose('Retirar');
    await atm.chooseAccount('Ahorros' as 'Savings');
    await atm.expectUnique('$20', '$40', '$60', '$100', '$200', 'Otra cantidad', 'Volver');
    await atm.expectAccessible();
    await atm.choose('$20');
    await atm.choose('Confirmar');
    await atm.heading('Recibo').waitFor();
    await atm.expectUnique('Imprimir recibo', 'Otra operación', 'Terminar');
    expect(await atm.text()).toContain('$80.00');
    await atm.expectAccessible();
    await screenshot(page, '21-receipt-es');
    await atm.choose('Terminar');
    await page.getByText('Gracias. Retire su tarjeta.').waitFor();
    // The card came back: the next customer starts in English.
    await atm.button('Insert card').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('withdraws in French, prints the receipt and a statement in French, speaks without saying the PIN or a balance', async () => {
    await journey();
    await recordSpeech();
    await atm.open(baseUrl);
    await atm.choose('Français');
    await page.getByRole('textbox', { name: 'Numéro de carte', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await atm.expectAccessible();
    await atm.choose('Guidage audio');
    await expect(atm.button('Guidage audio').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('textbox', { name: 'Numéro de carte', exact: true }).fill(ALICE.card);
    await atm.choose('Insérer la carte');
    await page.getByLabel('PIN', { exact: true }).waitFor();
    await atm.expectUnique('Corriger', 'Annuler', 'Valider');
    for (const digit of ALICE.pin) await atm.button(digit).click();
    await atm.choose('Valider');
    await atm.heading('Menu principal').waitFor();
    await atm.expectUnique(
      'Solde',
      'Retrait',
      'Dépôt',
      'Virement',
      'Relevés',
      'Changer le PIN',
      'Quitter',
    );
    await atm.expectAccessible();

    const said = await utterances();
    const pinScreen = said.find((u) => u.text.startsWith('Saisissez votre PIN'));
    const menu = said.find((u) => u.text.startsWith('Menu principal'));
    expect(pinScreen?.lang).toBe('fr-CA');
    expect(menu?.text).toBe(
      'Menu principal. Bonjour, Alice. Que souhaitez-vous faire? Choix : Solde, Retrait, Dépôt, Virement, Relevés, Changer le PIN, Quitter.',
    );
    // The PIN is never said: not its digits, not one digit.
    for (const u of said) expect(u.text).not.toMatch(/1234|\b[1-4]\b|un|deux|trois|quatre/);

    await atm.choose('Solde');
    await page.getByRole('table').first().waitFor();
    await atm.choose('Écouteurs branchés');
    await page.waitForFunction(() =>
      ((window as unknown as { atmUtterances: Array<{ text: string }> }).atmUtterances ?? []).some(
        (u) => u.text.includes('dollars'),
      ),
    );
    const spoken = await utterances();
    const firstWithBalance = spoken.findIndex((u) => /dollars/.test(u.text));
    const beforeHeadphones = spoken.slice(0, firstWithBalance);
    for (const u of beforeHeadphones) expect(u.text).not.toMatch(/\$|\d+,\d{2}|dollars/);
    expect(beforeHeadphones.some((u) => u.text.startsWith('Vos soldes.'))).toBe(true);
    expect(spoken[firstWithBalance]?.text).toMatch(/^Vos soldes\./);

    await atm.choose('Menu principal');
    await atm.choose('Retrait');
    await atm.chooseAccount('Chèque' as 'Checking');
    await atm.expectUnique('Autre montant', 'Retour');
    await atm.expectAccessible();
    await atm.choose('Autre montant');
    for (const digit of '20') await atm.button(digit).click();
    await atm.choose('Valider');
    await atm.choose('Confirmer');
    await atm.heading('Reçu').waitFor();
    await atm.expectUnique('Imprimer le reçu', 'Autre opération', 'Terminé');
    await atm.expectAccessible();
    await screenshot(page, '22-receipt-fr');
    const [receipt] = await Promise.all([
      page.waitForEvent('download'),
      atm.choose('Imprimer le reçu'),
    ]);
    const receiptText = pdfText(await receipt.path());
    expect(receiptText).toContain('Reçu');
    expect(receiptText).toContain('Retrait');
    expect(receiptText).toContain('20,00 $ US');
    expect(receiptText).toContain('Compte chèque ••••0001');
    expect(receiptText).toContain('Billets remis 1 × 20,00 $ US');

    await atm.choose('Autre opération');
    await atm.choose('Relevés');
    await atm.chooseAccount('Chèque' as 'Checking');
    await atm.choose('Derniers 7 jours');
    await atm.button('Télécharger').waitFor({ timeout: 30_000 });
    const [statement] = await Promise.all([
      page.waitForEvent('download'),
      atm.choose('Télécharger'),
    ]);
    const statementText = pdfText(await statement.path());
    expect(statementText).toContain('Relevé de compte');
    expect(statementText).toContain('Retrait au guichet');
    expect(statementText).toContain('Solde de clôture');
    expect(statementText).not.toContain('Opening balance');
    await atm.choose('Menu principal');
    await atm.choose('Quitter');
    await page.getByText('Merci. Veuillez reprendre votre carte.').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(atm.button('Audio guidance').getAttribute('aria-pressed')).resolves.toBe('false');
  });

  it('changes the PIN (one account: no account question) and signs in with the new one', async () => {
    await journey();
    await atm.open(baseUrl);
    await atm.insertCard(BOB.card);
    // The physical keyboard works on the PIN screen too.
    await page.keyboard.type(BOB.pin);
    await page.keyboard.press('Enter');
    await atm.heading('Main menu').waitFor();

    await atm.choose('Withdraw');
    await atm.button('$20').waitFor();
    await atm.choose('Back');
    await atm.choose('Change PIN');
    await page.getByLabel('Current PIN', { exact: true }).fill(BOB.pin);
    await atm.expectAccessible();
    await atm.choose('Next');
    await page.getByLabel('New PIN', { exact: true }).fill(BOB.newPin);
    await atm.choose('Next');
    await page.getByLabel('New PIN again', { exact: true }).fill(BOB.newPin);
    await atm.choose('Save PIN');
    await page.getByText('Your PIN has been changed').waitFor();
    await atm.expectAccessible();
    await screenshot(page, '13-pin-changed');
    await atm.choose('Done');
    await atm.button('Insert card').waitFor();
    await atm.insertCard(BOB.card);
    await atm.enterPinOnKeypad(BOB.newPin);
    await atm.heading('Main menu').waitFor();
  });

  it('locks the card after three wrong PINs and says until when', async () => {
    await journey([401, 423]);
    await atm.open(baseUrl);
    await atm.insertCard(CHARLIE.card);
    await atm.enterPinOnKeypad('1111');
    await expect(atm.alert().textContent()).resolves.toContain('2 tries left');
    await atm.enterPinOnKeypad('2222');
    await expect(atm.alert().textContent()).resolves.toContain('1 try left');
    await atm.enterPinOnKeypad('3333');
    await page.getByRole('alert').filter({ hasText: 'locked' }).waitFor();
    const message = await atm.alert().textContent();
    expect(message).toMatch(/locked/);
    expect(message).toMatch(/until \d{1,2}:\d{2} (AM|PM)/);
    await atm.expectAccessible();
    await screenshot(page, '14-card-locked');
    await atm.button('Cancel').click();
    await atm.button('Insert card').waitFor();
  });

  it('on a phone, the housing gives way to plain large buttons', async () => {
    await journey();
    await page.setViewportSize({ width: 390, height: 844 });
    await atm.signIn(baseUrl, ALICE.card, ALICE.pin);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await atm.button('Withdraw').boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    expect(box?.width).toBeGreaterThan(300);
    await atm.expectAccessible();
    await screenshot(page, '15-phone-menu');
    // The withdraw screen's choices read top to bottom in order, Back last.
    await atm.choose('Withdraw');
    await atm.chooseAccount('Checking');
    const names = ['$20', '$40', '$60', '$100', '$200', 'Other amount', 'Back'];
    const tops: number[] = [];
    for (const name of names) tops.push((await atm.button(name).boundingBox())?.y ?? -1);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    await screenshot(page, '15b-phone-withdraw');
  });

  it('asks "Are you still there?", keeps the session on Continue, and returns the card when it ends', async () => {
    await journey();
    await atm.signIn(shortSessionUrl, ALICE.card, ALICE.pin);
    const dialog = page.getByRole('dialog', { name: 'Are you still there?' });
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await atm.heading('Main menu').waitFor();
    // Asked again a full idle window later; this time nobody answers.
    await dialog.waitFor({ timeout: 15_000 });
    await screenshot(page, '16-still-there');
    await atm.expectAccessible();
    await page.getByText('Your session timed out').waitFor({ timeout: 20_000 });
    await atm.button('Insert card').waitFor();
    await screenshot(page, '17-session-ended');
  });
});
