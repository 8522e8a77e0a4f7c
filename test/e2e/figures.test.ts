/// <reference lib="dom" />
// The cycle's figures, in real Chromium, through the pages: on the fictional demo region
// (`serve --demo`), the secretariat opens its open cycle's figures (« Voir les chiffres »), reads
// I.a's table, codes three countries on the coding page (accepts one suggestion, corrects
// another, accepts a third), sees the code's counts under its decision, and finds the figures
// page's table changed by exactly those decisions. In French, then in Arabic (right to left: the
// chart's labels on the right), three other countries each. The public figures page, signed out,
// counts published answers only: one country's review is published in set-up (through the API).
// Every page: no sideways scrolling at 390 px, no serious axe-core violation, screenshots.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  checkPage,
  demoAccount,
  DESKTOP,
  launchChromium,
  requireWebBuild,
  signedInPage,
  signInToken,
  startPacte,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const CYCLE = 'demo-2';
const SECRETARIAT = 'secretariat.demo@demo.pacte.local';
const PUBLISHED = 'XAA';
const WORDS = {
  fr: {
    figures: 'Voir les chiffres',
    suggest: 'Suggérer les valeurs pour tous les pays',
    accept: 'Accepter la suggestion pour ',
    save: 'Enregistrer ces valeurs pour ',
    none: 'Aucune réponse publiée',
  },
  ar: {
    figures: 'عرض الأرقام',
    suggest: 'اقتراح القيم لجميع البلدان',
    accept: 'قبول الاقتراح الخاص بـ',
    save: 'حفظ هذه القيم لـ',
    none: 'لا توجد إجابة منشورة',
  },
} as const;
const VALUES = ['new_mechanism', 'existing_mechanism', 'none'];

let browser: Browser;
let server: PacteServer;
const contexts: BrowserContext[] = [];

interface Coded {
  country: string;
  countryName: Record<string, string>;
  coding: { values: string[]; state: string } | null;
}

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
  server = await startPacte({ region: true });
  // One country's review published (its focal point moves it): the public counts only that one.
  const focal = demoAccount(server, `focal.point.${PUBLISHED.toLowerCase()}@demo.pacte.local`);
  const token = await signInToken(server, focal.email, focal.password);
  await callApi(server, token, 'POST', `/reviews/${PUBLISHED}/${CYCLE}/status`, { to: 'published' });
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

/** I.a's table on the figures page: the count of each value (none when nothing is coded yet). */
async function counts(page: Page): Promise<Record<string, number>> {
  const section = page.locator('section', { has: page.getByRole('heading', { name: /^I\.a —/u }) });
  await section.locator('.figures-table, .figures-nothing').first().waitFor();
  const rows = section.locator('.figures-table tbody tr');
  const out: Record<string, number> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const cell = rows.nth(i).locator('td.numeric');
    out[(await rows.nth(i).getAttribute('data-value'))!] = Number(await cell.getAttribute('data-count'));
  }
  return out;
}

async function story(lang: Lang, skip: string[]): Promise<string[]> {
  const words = WORDS[lang];
  const page = await signedInPage(browser, server, demoAccount(server, SECRETARIAT), lang, { contexts });
  await page.goto(`${server.url}/app/cycles/${CYCLE}?lang=${lang}`);
  await page.getByRole('link', { name: words.figures }).click();
  await page.waitForURL(/\/figures(?:\?|$)/u);
  const before = await counts(page);
  await checkPage(page, 'figures-before', lang);

  await page.goto(`${server.url}/app/cycles/${CYCLE}/codes/I.a?lang=${lang}`);
  await page.getByRole('button', { name: words.suggest }).click();
  await page.locator('.notice[role=status]').waitFor();
  // Three countries with a suggestion, not decided yet (the other language took its own three).
  const candidates = (await codings()).filter(
    (c) => c.coding?.state === 'suggested' && c.coding.values.length > 0 && !skip.includes(c.country),
  );
  const first = skip.length === 0 ? candidates.find((c) => c.country === PUBLISHED)! : candidates[0]!;
  const [accepted, corrected, third] = [first, ...candidates.filter((c) => c !== first).slice(0, 2)];
  const name = (c: Coded) => c.countryName[lang]!;
  const expected = { ...Object.fromEntries(VALUES.map((v) => [v, 0])), ...before };
  const add = (values: string[]) => values.forEach((v) => (expected[v] = (expected[v] ?? 0) + 1));

  await page.getByRole('button', { name: `${words.accept}${name(accepted!)}` }).click();
  await page.locator('.notice[role=status]', { hasText: name(accepted!) }).waitFor();
  add(accepted!.coding!.values);
  const other = VALUES.find((v) => !corrected!.coding!.values.includes(v))!;
  await page.locator(`#coding-${corrected!.country}-values-${other}`).check();
  await page.getByRole('button', { name: `${words.save}${name(corrected!)}` }).click();
  await page.locator('.notice[role=status]', { hasText: name(corrected!) }).waitFor();
  add([other]);
  await page.getByRole('button', { name: `${words.accept}${name(third!)}` }).click();
  await page.locator('.notice[role=status]', { hasText: name(third!) }).waitFor();
  add(third!.coding!.values);
  // Under the decision, the code's counts as they are now, with a link to the figures.
  const summary = page.locator('.notice[role=status] .figures-summary');
  await expect
    .poll(() => summary.locator(`li[data-value="${other}"]`).textContent())
    .toContain(new Intl.NumberFormat(lang === 'ar' ? 'ar' : 'fr').format(expected[other]!));
  await checkPage(page, 'figures-decided', lang);

  await summary.getByRole('link').click();
  await page.waitForURL(/\/figures(?:\?|$)/u);
  const after = await counts(page);
  for (const value of VALUES) expect(after[value] ?? 0, value).toBe(expected[value]);
  // The chart is the server's SVG, inlined: one bar per value, each a link to its answers.
  const chart = page.locator('section', { has: page.getByRole('heading', { name: /^I\.a —/u }) }).locator('svg');
  await chart.first().waitFor();
  expect(await chart.first().locator('a').count()).toBeGreaterThan(0);
  expect(await page.locator('.figures-chart script').count()).toBe(0);
  await checkPage(page, 'figures-after', lang);
  // The matrix scrolls in its own box: its first column stays while the countries scroll.
  expect(await page.locator('.figures-matrix tbody tr').count()).toBe(23);
  return [accepted!.country, corrected!.country, third!.country];
}

async function publicPage(lang: Lang) {
  const context = await browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/cycles/${CYCLE}/figures?lang=${lang}`);
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  // Only the published country's confirmed coding is counted: its name, no other country's.
  const section = page.locator('section', { has: page.getByRole('heading', { name: /^I\.a —/u }) });
  const names = await section.locator('.figures-table tbody td a').allTextContents();
  const xaa = (await codings()).find((c) => c.country === PUBLISHED)!;
  expect(names).toEqual([xaa.countryName[lang]]);
  const total = await section
    .locator('.figures-table td.numeric')
    .evaluateAll((cells) => cells.reduce((sum, cell) => sum + Number(cell.getAttribute('data-count')), 0));
  expect(total).toBe(1);
  // II.a: nothing published is coded, and the page says so.
  const other = page.locator('section', { has: page.getByRole('heading', { name: /^II\.a —/u }) });
  await expect.poll(() => other.textContent()).toContain(WORDS[lang].none);
  await checkPage(page, 'figures-public', lang);
}

/** The sum of I.a's counts on the page. */
async function sum(page: Page): Promise<number> {
  return Object.values(await counts(page)).reduce((a, b) => a + b, 0);
}

/**
 * A group narrows the charts (a GET form: the address keeps it). And the chart's SVG goes through
 * the page's sanitising step: served an SVG with a script, an onload handler and a javascript:
 * link (as if the server had been made to draw them), the page inserts none of them and runs none.
 * Runs after the stories above: I.a must have confirmed codings for a chart to be drawn.
 */
async function groupAndSanitising(lang: Lang) {
  const page = await signedInPage(browser, server, demoAccount(server, SECRETARIAT), lang, { contexts });
  await page.goto(`${server.url}/app/cycles/${CYCLE}/figures?lang=${lang}`);
  const all = await sum(page);
  const select = page.locator('#figures-group');
  const group = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(group!);
  await page.locator('form.figures-filter button[type=submit]').click();
  await page.waitForURL(new RegExp(`group=${group}`, 'u'));
  await expect.poll(() => page.locator('#figures-group').inputValue()).toBe(group);
  expect(await sum(page)).toBeLessThanOrEqual(all);

  await page.route('**/figures.svg?*', (route) =>
    route.fulfill({
      contentType: 'image/svg+xml',
      body: `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"
        onload="window.pwned = 1"><script>window.pwned = 2</script>
        <a href="javascript:window.pwned = 3"><rect width="5" height="5"/></a>
        <a xlink:href="https://elsewhere.example/"><rect width="5" height="5"/></a>
        <a href="/app/cycles/${CYCLE}/codes/I.a"><rect width="5" height="5" onclick="window.pwned = 4"/></a></svg>`,
    }),
  );
  await page.goto(`${server.url}/app/cycles/${CYCLE}/figures?lang=${lang}`);
  const chart = page.locator('section', { has: page.getByRole('heading', { name: /^I\.a —/u }) }).locator('svg');
  await chart.waitFor();
  expect(await chart.locator('script').count()).toBe(0);
  expect(
    await chart.evaluate((svg) =>
      [svg, ...svg.querySelectorAll('*')].some((e) => e.getAttributeNames().some((n) => n.startsWith('on'))),
    ),
  ).toBe(false);
  expect(
    await chart
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href'))),
  ).toEqual([null, null, `/app/cycles/${CYCLE}/codes/I.a`]);
  await chart.locator('rect').first().click({ force: true });
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
}

describe('the cycle’s figures', () => {
  let decided: string[] = [];
  it('the secretariat codes three countries and sees the figures change, in French', async () => {
    decided = await story('fr', []);
    await publicPage('fr');
  }, 300_000);
  it('in Arabic, right to left', async () => {
    await story('ar', decided);
    await publicPage('ar');
  }, 300_000);
  it(
    'a group narrows the figures; the chart is inserted without script',
    async () => groupAndSanitising('fr'),
    120_000,
  );
});
