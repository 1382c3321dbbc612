import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { type Page } from 'playwright-core';
import { AtmPage } from './support/atm-page';
import { type Browser, ConsoleWatch, launchBrowser, screenshot } from './support/browser';
import { ConsolePage } from './support/console-page';

const DEMO_ADMIN = { username: 'admin', password: 'demo-admin-password' };
const BOB = { card: '4000000000000028', pin: '5678' };
const BOB_CHECKING = 'Checking ••••0001';

const skipReason = process.env.ATM_E2E_SKIP;
// Skipped only where no browser is installed outside CI (the global setup fails in CI).
const suite = skipReason ? describe.skip : describe;

/** The scripts a page asked for while it loaded and ran. */
function watchScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

suite('the admin console in a real browser', () => {
  // A server of its own: this journey freezes Bob's account, which the ATM journeys use.
  const baseUrl = process.env.ATM_E2E_ADMIN_URL ?? '';
  let browser: Browser;
  const pages: Page[] = [];
  const watches: ConsoleWatch[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function newPage(expectedStatuses: number[] = []): Promise<Page> {
    const page = await browser.context.newPage();
    pages.push(page);
    watches.push(new ConsoleWatch(page, expectedStatuses));
    return page;
  }

  afterEach(async () => {
    const errors = watches.flatMap((w) => w.errors);
    await Promise.all(pages.map((p) => p.close()));
    pages.length = 0;
    watches.length = 0;
    expect(errors).toEqual([]);
  });

  it('serves the console at /admin with the same strict CSP, in a bundle the ATM never loads', async () => {
    const consoleHtml = await (await fetch(`${baseUrl}/admin/customers`)).text();
    const consoleEntry = /<script[^>]+src="([^"]+\.js)"/.exec(consoleHtml)?.[1];
    expect(consoleEntry).toBeDefined();
    const response = await fetch(`${baseUrl}/admin`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');

    const page = await newPage();
    const scripts = watchScripts(page);
    const atm = new AtmPage(page);
    await atm.signIn(baseUrl, BOB.card, BOB.pin);
    await atm.choose('Withdraw');
    await atm.button('$20').waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts).not.toContain(consoleEntry);
    await atm.choose('Back');
  });

  it('freezes Bob’s checking account, the ATM refuses his withdrawal, unfreezes it, and the audit log has both', async () => {
    const page = await newPage();
    const admin = new ConsolePage(page);
    await admin.open(baseUrl);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await admin.expectAccessible();
    await screenshot(page, 'admin-01-sign-in');

    await admin.signIn(DEMO_ADMIN.username, DEMO_ADMIN.password);
    await page.getByRole('region', { name: 'Cash balancing' }).waitFor();
    await expect(page.getByText(/Balanced: the notes match the ledger\./).count()).resolves.toBe(1);
    for (const link of ['Dashboard', 'Customers', 'Audit log', 'Cash', 'Maintenance']) {
      await expect(page.getByRole('link', { name: link, exact: true }).count()).resolves.toBe(1);
    }
    await expect(admin.button('Sign out').count()).resolves.toBe(1);
    await admin.expectAccessible();
    await screenshot(page, 'admin-02-dashboard');

    await admin.go('Customers');
    await page.getByRole('link', { name: 'Alice Johnson', exact: true }).waitFor();
    await admin.expectAccessible();
    await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('Bob');
    await page
      .getByRole('link', { name: 'Alice Johnson', exact: true })
      .waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Bob Williams', exact: true }).click();
    await admin.heading('Bob Williams').waitFor();
    await admin.region(BOB_CHECKING).waitFor();
    await admin.region('Card ••••0028').waitFor();
    await admin.expectAccessible();
    await screenshot(page, 'admin-03-customer');

    await admin.confirmAction(BOB_CHECKING, 'Freeze');
    await admin
      .button('Unfreeze', admin.region(BOB_CHECKING))
      .and(page.locator(':enabled'))
      .waitFor();
    await screenshot(page, 'admin-04-frozen');

    // Bob, at the ATM in another tab, cannot take money from the frozen account.
    const atmTab = await newPage([422]);
    const atm = new AtmPage(atmTab);
    await atm.signIn(baseUrl, BOB.card, BOB.pin);
    await atm.choose('Withdraw');
    await atm.choose('$20');
    await atm.choose('Confirm');
    await expect(atm.alert().textContent()).resolves.toBe(
      'This account is frozen or closed, so it cannot be used.',
    );
    await atm.choose('Back');

    await page.bringToFront();
    await admin.confirmAction(BOB_CHECKING, 'Unfreeze');
    await admin
      .button('Freeze', admin.region(BOB_CHECKING))
      .and(page.locator(':enabled'))
      .waitFor();

    await admin.go('Audit log');
    await admin.expectAccessible();
    await page.getByRole('textbox', { name: 'Actor', exact: true }).fill(DEMO_ADMIN.username);
    await admin.button('Apply filters').click();
    const table = page.getByRole('table', { name: 'Audit events, newest first' });
    await table.getByRole('cell', { name: 'ACCOUNT_UNFROZEN', exact: true }).waitFor();
    await table.getByRole('cell', { name: 'ACCOUNT_FROZEN', exact: true }).waitFor();
    const rows = await table.getByRole('row').allInnerTexts();
    const frozen = rows.findIndex((r) => r.includes('ACCOUNT_FROZEN'));
    const unfrozen = rows.findIndex((r) => r.includes('ACCOUNT_UNFROZEN'));
    // Newest first: the unfreeze is above the freeze, both by the demo admin.
    expect(unfrozen).toBeGreaterThan(0);
    expect(unfrozen).toBeLessThan(frozen);
    expect(rows[frozen]).toContain(DEMO_ADMIN.username);
    // Each names whose account, and the name leads back to the customer's page.
    for (const row of [rows[frozen], rows[unfrozen]])
      expect(row).toMatch(/Bob Williams\s+Account 1000-0002-0001/);
    await admin.expectAccessible();
    await screenshot(page, 'admin-05-audit');
    await table.getByRole('link', { name: 'Bob Williams' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Bob Williams' }).waitFor();

    await admin.go('Cash');
    await page.getByRole('table', { name: 'Note stock' }).waitFor();
    await admin.expectAccessible();
    await admin.go('Maintenance');
    await admin.button('Turn maintenance on').waitFor();
    await admin.expectAccessible();
    await admin.button('Turn maintenance on').click();
    await admin.dialog().waitFor();
    await admin.expectAccessible();
    await page.keyboard.press('Escape');
    await admin.dialog().waitFor({ state: 'detached' });

    await admin.button('Sign out').click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(page.url()).not.toContain('token');
  });
});
