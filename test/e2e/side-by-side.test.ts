/// <reference lib="dom" />
// One question's answers side by side, in real Chromium, through the pages: on the fictional demo
// region (`serve --demo`), the secretariat opens the cycle, follows « Comparer les réponses » to
// the first question (I.a), reads each country's latest submission in columns (an Arabic answer
// right to left even on a French page), filters by a country group with the GET form, and
// downloads the CSV of what it sees; then it opens the region's country groups. In French, then in
// Arabic (right to left), another group each. Every page: no sideways scrolling at 390 px, no
// serious axe-core violation, screenshots. The API only reads state back.
import { readFileSync } from 'node:fs';
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
/** The demo region's fictional groups (generate-demo-region.ts), one per language. */
const GROUP = { fr: 'north', ar: 'south' } as const;
const WORDS = { fr: 'Comparer les réponses', ar: 'مقارنة الإجابات' } as const;

let browser: Browser;
let server: PacteServer;
const contexts: BrowserContext[] = [];

interface Item {
  country: string;
  language: string;
  countryName: Record<string, string>;
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

async function compared(query: string): Promise<Item[]> {
  const token = await signInToken(server, SECRETARIAT, demoAccount(server, SECRETARIAT).password);
  const url = `/cycles/${CYCLE}/questions/I.a/answers${query}`;
  return (await callApi<{ answers: Item[] }>(server, token, 'GET', url)).answers;
}

const signIn = (lang: Lang) =>
  signedInPage(browser, server, demoAccount(server, SECRETARIAT), lang, { contexts, acceptDownloads: true });

const checkStoryPage = (page: Page, name: string, lang: Lang) => checkPage(page, `side-by-side-${name}`, lang);

async function story(lang: Lang) {
  const page = await signIn(lang);
  await page.goto(`${server.url}/app/cycles/${CYCLE}?lang=${lang}`);
  await page.getByRole('link', { name: WORDS[lang] }).first().click();
  await page.waitForURL(/\/questions\/I\.a/u);
  const all = await compared('');
  await expect.poll(() => page.locator('.sbs-answer').count()).toBe(all.length);
  // Each answer in its own language and direction: Arabic ones right to left on any page.
  const arabic = all.find((a) => a.language === 'ar')!;
  const column = page.locator('.sbs-answer', { hasText: arabic.countryName[lang]! });
  expect(await column.locator('[lang=ar][dir=rtl]').count()).toBe(1);
  const french = all.find((a) => a.language === 'fr')!;
  const frenchColumn = page.locator('.sbs-answer', { hasText: french.countryName[lang]! });
  expect(await frenchColumn.locator('[lang=fr][dir=ltr]').count()).toBe(1);
  await checkStoryPage(page, 'all', lang);

  // Filter by a group: the address keeps it, the columns are the group's members.
  await page.selectOption('#sbs-group', GROUP[lang]);
  await page.click('.sbs-filters button[type=submit]');
  await page.waitForURL(new RegExp(`group=${GROUP[lang]}`, 'u'));
  const members = await compared(`?group=${GROUP[lang]}&lang=${lang}`);
  expect(members.length).toBeGreaterThan(0);
  expect(members.length).toBeLessThan(all.length);
  await expect.poll(() => page.locator('.sbs-answer').count()).toBe(members.length);
  const headings = await page.locator('.sbs-answer h2').allTextContents();
  expect(headings.map((h) => h.trim())).toEqual(
    members.map((m) => expect.stringContaining(m.countryName[lang]!) as unknown as string),
  );
  await checkStoryPage(page, 'group', lang);

  // The CSV of what the page shows: one line per column, in the same order.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.sbs-downloads a[href*=".csv"]')]);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/u, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^country,name,source,/u);
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(members.map((m) => m.country));
  expect(lines[1]).toContain(members[0]!.countryName[lang]!);

  // The region's country groups, linked from the regional home.
  await page.goto(`${server.url}/app/region?lang=${lang}`);
  await page.locator('a[href*="/regions/demo/groups"]').first().click();
  await page.locator('#group-north-name-fr').waitFor();
  expect(await page.inputValue('#group-north-name-ar')).toMatch(/وهمية/u);
  await checkStoryPage(page, 'groups', lang);
}

describe('the secretariat compares the answers to a question', () => {
  it('in French', () => story('fr'), 300_000);
  it('in Arabic, right to left', () => story('ar'), 300_000);
});
