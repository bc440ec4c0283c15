import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = fileURLToPath(new URL('../../..', import.meta.url));
/** Every run's screenshots, ignored by git. */
export const ARTIFACTS_DIR = `${root}test/artifacts/e2e`;
/** The set kept for the README; refreshed when HIREFLOW_DOCS_SCREENSHOTS=1. */
const DOCS_DIR = `${root}docs/screenshots`;

/** Debian's chromium, installed by .ci/run; never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `extraArgs`, e.g. Chromium's fake camera for video tests. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = `${ARTIFACTS_DIR}/${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.HIREFLOW_DOCS_SCREENSHOTS === '1') {
    mkdirSync(DOCS_DIR, { recursive: true });
    copyFileSync(file, `${DOCS_DIR}/${name}.png`);
  }
}

/** Roles of things a person operates; each must have an accessible name. */
const CONTROL_ROLES = ['button', 'link', 'textbox', 'combobox', 'listbox', 'checkbox', 'radio', 'spinbutton', 'slider', 'switch', 'searchbox', 'tab'];
const UNNAMED = new RegExp(`^\\s*- (${CONTROL_ROLES.join('|')})(?=$|:|\\s*\\[)`);

/**
 * Controls on the page without an accessible name, as the browser itself computes names
 * (its accessibility tree, through Playwright's ARIA snapshot). The web app promises a label
 * on every control.
 */
export async function unlabelledControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return tree.split('\n').filter((line) => UNNAMED.test(line));
}
