import { expect } from '@jest/globals';
import { type Locator, type Page } from 'playwright-core';
import { seriousAxeViolations } from './browser';

/** The ATM as a person uses it: by the names the contract fixes. */
export class AtmPage {
  constructor(readonly page: Page) {}

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl);
    await this.page.getByRole('textbox', { name: 'Card number', exact: true }).waitFor();
  }

  async insertCard(cardNumber: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Card number', exact: true }).fill(cardNumber);
    await this.button('Insert card').click();
    await this.page.getByLabel('PIN', { exact: true }).waitFor();
  }

  /** Types the PIN on the machine's keypad and presses Enter. */
  async enterPinOnKeypad(pin: string): Promise<void> {
    for (const digit of pin) await this.button(digit).click();
    await this.button('Enter').click();
  }

  async signIn(baseUrl: string, cardNumber: string, pin: string): Promise<void> {
    await this.open(baseUrl);
    await this.insertCard(cardNumber);
    await this.enterPinOnKeypad(pin);
    await this.heading('Main menu').waitFor();
  }

  async choose(name: string): Promise<void> {
    await this.button(name).click();
  }

  async chooseAccount(prefix: 'Checking' | 'Savings'): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${prefix}`) }).click();
  }

  /** Every name the contract fixes labels exactly one visible element. */
  async expectUnique(...names: string[]): Promise<void> {
    for (const name of names) await expect(this.button(name).count()).resolves.toBe(1);
  }

  async expectAccessible(): Promise<void> {
    const violations = await seriousAxeViolations(this.page);
    expect(violations).toEqual([]);
  }

  async text(): Promise<string> {
    return this.page.locator('body').innerText();
  }
}
