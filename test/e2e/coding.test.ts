/// <reference lib="dom" />
// Coding answers into regional values, in real Chromium, through the pages: on the fictional demo
// region (`serve --demo`), the secretariat opens its open cycle, follows « Coder les réponses » to
// I.a's code, asks for suggestions, reads each country's answer with the words that suggested a
// value marked, accepts one country's suggestion and corrects another's with the radio buttons,
// by keyboard. In French, then in Arabic (right to left), two other countries each. Every page: no
// sideways scrolling at 390 px, no serious axe-core violation, screenshots. The API only reads
// state back.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  signedInPage,
  callApi,
  demoAccount,
  launchChromium,
  requireWebBuild,
  signInToken,
  startPacte,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const CYCLE = 'demo-2';
const SECRETARIAT = 'secretariat.demo@demo.pacte.local';
const WORDS = {
  fr: { open: 'Coder les réponses', code: /^I\.a —/u, suggest: 'Suggérer les valeurs pour tous les pays' },
  ar: { open: 'ترميز الإجابات', code: /^I\.a —/u, suggest: 'اقتراح القيم لجميع البلدان' },
} as const;
const BUTTONS = {
  fr: { accept: 'Accepter la suggestion pour', save: 'Enregistrer ces valeurs pour' },
  ar: { accept: 'قبول الاقتراح الخاص بـ', save: 'حفظ هذه القيم لـ' },
} as const;
/** Which countries each language codes: the first four of the region, two each. */
const COUNTRIES = { fr: [0, 1], ar: [2, 3] } as const;

let browser: Browser;
let server: PacteServer;
const contexts: BrowserContext[] = [];

interface Coded {
  country: string;
  countryName: Record<string, string>;
  coding: { values: string[]; state: string; decidedBy: string | null; decidedByName: string | null } | null;
}

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
  server = await startPacte({ region: true });
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

async function codings(): Promise<Coded[]> {
  const token = await signInToken(server, SECRETARIAT, demoAccount(server, SECRETARIAT).password);
  return (await callApi<{ countries: Coded[] }>(server, token, 'GET', `/cycles/${CYCLE}/codes/I.a`)).countries;
}

const signIn = (lang: Lang) => signedInPage(browser, server, demoAccount(server, SECRETARIAT), lang, { contexts });

const checkStoryPage = (page: Page, name: string, lang: Lang) => checkPage(page, `coding-${name}`, lang);

async function story(lang: Lang) {
  const page = await signIn(lang);
  await page.goto(`${server.url}/app/cycles/${CYCLE}?lang=${lang}`);
  await page.getByRole('link', { name: WORDS[lang].open }).click();
  await page.waitForURL(/\/codes(?:\?|$)/u);
  await checkStoryPage(page, 'codes', lang);
  await page.getByRole('link', { name: WORDS[lang].code }).click();
  await page.waitForURL(/\/codes\/I\.a(?:\?|$)/u);
  await page.getByRole('button', { name: WORDS[lang].suggest }).click();
  await page.locator('.notice[role=status]').waitFor();

  const before = await codings();
  const [accepted, corrected] = COUNTRIES[lang].map((i) => before[i]!);
  const name = (c: Coded) => c.countryName[lang]!;
  expect(accepted!.coding?.state).toBe('suggested');
  // The words that suggested the value are marked in the country's answer.
  const section = (c: Coded) => page.locator('.coding-country', { has: page.getByRole('heading', { name: name(c) }) });
  expect(await section(accepted!).locator('.coding-answer mark').count()).toBeGreaterThan(0);
  await section(accepted!).scrollIntoViewIfNeeded();
  await checkStoryPage(page, 'code', lang);

  // Accept one suggestion, by keyboard.
  await page
    .getByRole('button', { name: `${BUTTONS[lang].accept}${lang === 'fr' ? ' ' : ''}${name(accepted!)}` })
    .focus();
  await page.keyboard.press('Enter');
  await page.locator('.notice[role=status]', { hasText: name(accepted!) }).waitFor();

  // Correct another: choose another value with the arrow keys, then save.
  const other = ['new_mechanism', 'existing_mechanism', 'none'].find((v) => !corrected!.coding!.values.includes(v))!;
  const radio = page.locator(`#coding-${corrected!.country}-values-${other}`);
  await radio.focus();
  await page.keyboard.press('Space');
  expect(await radio.isChecked()).toBe(true);
  await page
    .getByRole('button', { name: `${BUTTONS[lang].save}${lang === 'fr' ? ' ' : ''}${name(corrected!)}` })
    .click();
  await page.locator('.notice[role=status]', { hasText: name(corrected!) }).waitFor();
  await checkStoryPage(page, 'decided', lang);

  const after = await codings();
  const find = (c: Coded) => after.find((x) => x.country === c.country)!.coding;
  expect(find(accepted!)).toMatchObject({
    state: 'confirmed',
    values: accepted!.coding!.values,
    decidedBy: SECRETARIAT,
  });
  expect(find(corrected!)).toMatchObject({ state: 'confirmed', values: [other], decidedBy: SECRETARIAT });
  // Who decided, by name as people read it (not the address), on the page.
  const by = find(corrected!)!.decidedByName!;
  expect(by).not.toBe(SECRETARIAT);
  await expect.poll(() => section(corrected!).locator('.coding-state').textContent()).toContain(by);
}

describe('the secretariat codes answers', () => {
  it('in French', async () => story('fr'), 240_000);
  it('in Arabic, right to left', async () => story('ar'), 240_000);
});
