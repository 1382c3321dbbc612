import { expect } from '@jest/globals';
import { type Locator, type Page } from 'playwright-core';
import { seriousAxeViolations } from './browser';

/** The admin console as an administrator uses it: by the names the contract fixes. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  button(name: string, within: Page | Locator = this.page): Locator {
    return within.getByRole('button', { name, exact: true });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  region(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async open(baseUrl: string, path = '/admin'): Promise<void> {
    await this.page.goto(`${baseUrl}${path}`);
  }

  async signIn(username: string, password: string, code = ''): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    if (code) {
      await this.page.getByRole('textbox', { name: 'One-time code', exact: true }).fill(code);
    }
    await this.button('Sign in').click();
    await this.heading('Dashboard').waitFor();
  }

  async go(link: 'Dashboard' | 'Customers' | 'Audit log' | 'Cash' | 'Maintenance'): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: link, exact: true })
      .click();
    await this.heading(link).waitFor();
  }

  /** Runs an action of a region through its dialog: the action, then "Confirm". */
  async confirmAction(regionName: string, action: string): Promise<void> {
    await this.button(action, this.region(regionName)).click();
    const dialog = this.dialog();
    await dialog.waitFor();
    await this.expectAccessible();
    await this.button('Confirm', dialog).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async expectAccessible(): Promise<void> {
    const violations = await seriousAxeViolations(this.page);
    expect(violations).toEqual([]);
  }
}
