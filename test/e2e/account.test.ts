/// <reference lib="dom" />
// My e-mail settings in real Chromium, through the pages, in French then in Arabic (each with its
// own account): the person opens the page from the menu, finds what is saved (each e-mail at once,
// the cycle's language), chooses one summary a day and a language, saves, and the API reads the
// same back. Every page: axe 0 serious, no sideways scroll on a 390 px phone, screenshots.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createI18n, translator } from '../../src/i18n/messages.js';
import ar from '../../src/i18n/locales/ar/web.json' with { type: 'json' };
import en from '../../src/i18n/locales/en/web.json' with { type: 'json' };
import fr from '../../src/i18n/locales/fr/web.json' with { type: 'json' };
import {
  launchChromium,
  requireWebBuild,
  screenshot,
  seriousViolations,
  startPacte,
  type DemoAccount,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const i18n = createI18n({ fr: { web: fr }, en: { web: en }, ar: { web: ar } });
/** Each language's account (two people: the first story's choice does not show in the second) and its choice of language. */
const STORY = { fr: { role: 'focal_point', language: 'en' }, ar: { role: 'contributor', language: 'ar' } } as const;

let browser: Browser;
let server: PacteServer;

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
  server = await startPacte();
}, 200_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const accountOf = (role: string): DemoAccount => {
  const account = server.accounts.find((a) => a.role === role);
  if (!account) throw new Error(`serve --demo listed no ${role}: ${JSON.stringify(server.accounts)}`);
  return account;
};

/** The saved preferences, read back over the API as the same person. */
async function savedPreferences(account: DemoAccount): Promise<unknown> {
  const session = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const { token } = (await session.json()) as { token: string };
  const response = await fetch(`${server.url}/api/v1/session/preferences`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function checkPage(page: Page, lang: Lang, name: string) {
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
  await page.evaluate(() => document.fonts.ready);
  expect(await seriousViolations(page), `${name} (${lang})`).toEqual([]);
  await screenshot(page, `account-${lang}-${name}`, true);
  await page.setViewportSize(PHONE);
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, `${name} (${lang}) at 390 px`).toBeLessThanOrEqual(client!);
  await screenshot(page, `account-${lang}-${name}-phone`, true);
  await page.setViewportSize(DESKTOP);
}

async function story(lang: Lang) {
  const t = translator(i18n, lang, 'web');
  const mine = STORY[lang];
  const account = accountOf(mine.role);
  // Nothing chosen yet: each e-mail at once, in the cycle's language.
  expect(await savedPreferences(account)).toEqual({ mailDelivery: 'immediate', language: null });

  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    await page.goto(`${server.url}/app/sign-in?lang=${lang}`);
    await page.fill('#email', account.email);
    await page.fill('#password', account.password);
    await page.click('main button[type=submit]');
    // From the menu, whoever one is.
    await page.locator('.app-bar a[href^="/app/account"]', { hasText: t('account.nav') }).click();
    await page.locator('h1', { hasText: t('account.title') }).waitFor();
    // The form shows what is saved.
    await expect(page.isChecked('#account-delivery-immediate')).resolves.toBe(true);
    await expect(page.isChecked('#account-language-cycle')).resolves.toBe(true);
    await checkPage(page, lang, 'settings');

    await page.check('#account-delivery-daily');
    await page.check(`#account-language-${mine.language}`);
    await page.click('#account-save');
    await page.locator('[role=status]', { hasText: t('account.saved') }).waitFor();
    expect(await savedPreferences(account)).toEqual({ mailDelivery: 'daily', language: mine.language });
    await checkPage(page, lang, 'saved');

    // Coming back, the page shows the saved choice.
    await page.reload();
    await page.locator('h1', { hasText: t('account.title') }).waitFor();
    await expect.poll(() => page.isChecked('#account-delivery-daily')).toBe(true);
    await expect(page.isChecked(`#account-language-${mine.language}`)).resolves.toBe(true);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

it('lets a person choose a daily summary and a language for their e-mail, in French', () => story('fr'), 120_000);
it('does the same in Arabic, right to left', () => story('ar'), 120_000);
