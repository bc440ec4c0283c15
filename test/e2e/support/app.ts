import { expect } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { unlabelledControls } from './browser.js';

/** Browser contexts for one test file: each person gets their own, closed together at the end. */
export class People {
  private readonly contexts: BrowserContext[] = [];
  /** Uncaught errors in any page: the app must not throw while being used. */
  readonly pageErrors: string[] = [];

  constructor(
    private readonly browser: () => Browser,
    private readonly baseUrl: () => string,
  ) {}

  /** A fresh browser profile on the app's home page. */
  async open(): Promise<Page> {
    const context = await this.browser().newContext({ baseURL: this.baseUrl(), viewport: { width: 1200, height: 900 } });
    context.setDefaultTimeout(20_000);
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(error.stack ?? error.message));
    await page.goto('/');
    return page;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.contexts.map((context) => context.close()));
  }
}

export async function signUp(page: Page, role: 'client' | 'freelancer', name: string): Promise<void> {
  await page.getByLabel(role === 'client' ? 'hire (client)' : 'find work (freelancer)').check();
  await page.getByLabel('Display name').fill(name);
  if (role === 'freelancer') await page.getByLabel('Skills').fill('TypeScript, PostgreSQL');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: role === 'client' ? 'My jobs' : 'Find work' }).waitFor();
}

/** The stage badge showing exactly this stage. */
export const stageOn = (page: Page, stage: string) => page.getByTestId('stage').filter({ hasText: new RegExp(`^${stage}$`) });

/** Marks the document, so a full reload (which would clear the mark) is caught by `sameDocument`. */
export const markDocument = (page: Page) => page.evaluate('window.__sameDocument = true');
export const sameDocument = async (page: Page) => (await page.evaluate('window.__sameDocument === true')) === true;

export async function expectLabelled(page: Page): Promise<void> {
  expect(await unlabelledControls(page)).toEqual([]);
}

/** The token the app stored at sign-up, read from the browser as the app itself reads it. */
export async function tokenOf(page: Page): Promise<string> {
  const session = (await page.evaluate("localStorage.getItem('hireflow.session')")) as string;
  return JSON.parse(session).token;
}

export async function buyConnects(page: Page, quantity: number): Promise<void> {
  await page.getByRole('link', { name: 'Connects' }).click();
  await page.getByLabel('Connects to buy').fill(String(quantity));
  await page.getByRole('button', { name: 'Buy Connects' }).click();
  await page.getByRole('cell', { name: `purchase of ${quantity} Connects` }).waitFor();
}
