/// <reference lib="dom" />
// Issue 13's « done when » in real Chromium, through the pages only, on the fictional demo region
// (`serve --demo`): the secretariat opens its open cycle (the only address typed), follows
// « Comparer les réponses » to I.a side by side, translates one country's answer into the page's
// language (« Traduire en … », the editor, back to the same view) and sees the translation beside
// the original; goes back to the cycle, reads I.a's figures, codes three countries on the coding
// page (accepts one suggestion, corrects one with another value, confirms a third as it stands)
// and finds the figures changed by exactly its own decisions; then the public figures page, signed
// out, counts the published answers only (one country's review is published in set-up, through the
// API, by its focal point). In French, then in Arabic (right to left), other countries each time.
// Every page: no sideways scrolling at 390 px, no serious axe-core violation, screenshots at desktop
// and 390 px. The API only reads state back.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  checkPage,
  demoAccount,
  DESKTOP,
  launchChromium,
  PHONE,
  requireWebBuild,
  resultPath,
  signedInPage,
  signInToken,
  startPacte,
  typeInEditor,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const CYCLE = 'demo-2';
const QUESTION = 'I.a';
const SECRETARIAT = 'secretariat.demo@demo.pacte.local';
/** The country its focal point publishes in set-up: the public figures count it, and it alone. */
const PUBLISHED = 'XAA';
const VALUES = ['new_mechanism', 'existing_mechanism', 'none'];
/** Whose answer each language translates: XAB answers in Arabic, XAC in English (demo languages in turn fr, ar, en). */
const TRANSLATED = { fr: 'XAB', ar: 'XAC' } as const;
const WORDS = {
  fr: {
    compare: 'Comparer les réponses',
    code: 'Coder les réponses',
    figures: 'Voir les chiffres',
    translate: 'Traduire en français',
    mark: 'Traduction (humaine) par',
    text: 'Le pays s’appuie sur un comité national de coordination des migrations.',
    suggest: 'Suggérer les valeurs pour tous les pays',
    accept: 'Accepter la suggestion pour ',
    save: 'Enregistrer ces valeurs pour ',
  },
  ar: {
    compare: 'مقارنة الإجابات',
    code: 'ترميز الإجابات',
    figures: 'عرض الأرقام',
    translate: 'ترجمة إلى العربية',
    mark: 'ترجمة (بشرية) أعدّها',
    text: 'يعتمد البلد على لجنة وطنية لتنسيق شؤون الهجرة.',
    suggest: 'اقتراح القيم لجميع البلدان',
    accept: 'قبول الاقتراح الخاص بـ',
    save: 'حفظ هذه القيم لـ',
  },
} as const;

let browser: Browser;
let server: PacteServer;
const contexts: BrowserContext[] = [];
/** The countries each story coded, and the values it decided: the next language takes others. */
const decided = new Map<string, string[]>();

interface Coded {
  country: string;
  countryName: Record<string, string>;
  coding: { values: string[]; state: string } | null;
}

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
  server = await startPacte({ region: true });
  const focal = demoAccount(server, `focal.point.${PUBLISHED.toLowerCase()}@demo.pacte.local`);
  const token = await signInToken(server, focal.email, focal.password);
  await callApi(server, token, 'POST', `/reviews/${PUBLISHED}/${CYCLE}/status`, { to: 'published' });
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

const secretariat = async () => signInToken(server, SECRETARIAT, demoAccount(server, SECRETARIAT).password);
const codings = async () =>
  (await callApi<{ countries: Coded[] }>(server, await secretariat(), 'GET', `/cycles/${CYCLE}/codes/${QUESTION}`))
    .countries;
const check = (page: Page, name: string, lang: Lang) => checkPage(page, `story-${name}`, lang);
/** I.a's section of a figures page (the app's or the portal's). */
const figuresOfI = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: /^I\.a —/u }) });

/** I.a's table on a figures page: the count of each value, as the page says it. */
async function counts(page: Page): Promise<Record<string, number>> {
  const section = figuresOfI(page);
  await section.locator('.figures-table, .figures-nothing').first().waitFor();
  const rows = section.locator('.figures-table tbody tr');
  const out: Record<string, number> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const count = await rows.nth(i).locator('td.numeric').getAttribute('data-count');
    out[(await rows.nth(i).getAttribute('data-value'))!] = Number(count);
  }
  return out;
}

/** Each value of I.a's code with its count on the page (0 when the table has no line for it). */
async function valueCounts(page: Page): Promise<Record<string, number>> {
  const shown = await counts(page);
  return Object.fromEntries(VALUES.map((v) => [v, shown[v] ?? 0]));
}

/** Side by side, then « Traduire en … » for one country, the editor, and back beside the original. */
async function translate(page: Page, lang: Lang) {
  const words = WORDS[lang];
  const country = TRANSLATED[lang];
  await page.getByRole('link', { name: words.compare }).first().click();
  await page.waitForURL(/\/questions\/I\.a/u);
  const answers = (
    await callApi<{ answers: { country: string; countryName: Record<string, string>; language: string }[] }>(
      server,
      await secretariat(),
      'GET',
      `/cycles/${CYCLE}/questions/${QUESTION}/answers`,
    )
  ).answers;
  await expect.poll(() => page.locator('.sbs-answer').count()).toBe(answers.length);
  const target = answers.find((a) => a.country === country)!;
  expect(target.language).not.toBe(lang);
  const name = target.countryName[lang]!;
  const column = page.locator('.sbs-answer', { has: page.locator(`[id="sbs-${country}"]`) });
  expect(await column.locator('h2').textContent()).toContain(name);
  expect(await column.locator('.translation').count()).toBe(0);
  // Only answers in another language than the page's offer it, and only read from a submission.
  const offered = await page.locator('.sbs-translate a').count();
  expect(offered).toBe(answers.filter((a) => a.language !== lang).length);
  await check(page, 'side-by-side', lang);

  await column.getByRole('link', { name: new RegExp(`^${words.translate}`, 'u') }).click();
  await page.waitForURL(new RegExp(`/questions/I\\.a/translate/${country}`, 'u'));
  const editorId = `translation-I-a-${lang}`;
  await page.locator(`[id="${editorId}"][contenteditable=true]`).waitFor();
  // The original beside the editor, in its own language and direction.
  const original = page.locator('.translation-original [lang]').first();
  expect(await original.getAttribute('lang')).toBe(target.language);
  expect(await original.getAttribute('dir')).toBe(target.language === 'ar' ? 'rtl' : 'ltr');
  await check(page, 'translate', lang);
  await typeInEditor(page, editorId, words.text);
  await page.locator('.translation-editor button[type=submit]').click();

  // Back on the same view, the translation beside the original, marked as one, in its language.
  await page.waitForURL(/\/questions\/I\.a(?:\?|$)/u);
  await page.locator('main .notice[role=status]').waitFor();
  const shown = column.locator('.translation');
  await shown.waitFor();
  expect(await shown.locator('.translation-meta').textContent()).toContain(words.mark);
  const body = shown.locator(`[lang="${lang}"]`);
  expect(await body.getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await body.textContent()).toContain(words.text);
  expect(await column.locator(`[lang="${target.language}"]`).first().textContent()).toMatch(/\S/u);
  // Beside on a wide screen: the translation starts level with the original, not under it.
  const [left, right] = [column.locator('.translation-pair > *').first(), shown];
  expect(Math.abs((await left.boundingBox())!.y - (await right.boundingBox())!.y)).toBeLessThan(2);
  await column.scrollIntoViewIfNeeded();
  await check(page, 'side-by-side-translated', lang);
  // The translated answer up close, on a laptop and on a phone (stacked there), to look at.
  await column.screenshot({ path: resultPath(`story-translated-answer-${lang}-desktop`) });
  await page.setViewportSize(PHONE);
  await column.screenshot({ path: resultPath(`story-translated-answer-${lang}-phone`) });
  const [top, bottom] = [(await left.boundingBox())!, (await right.boundingBox())!];
  expect(bottom.y, 'stacked on a phone').toBeGreaterThanOrEqual(top.y + top.height);
  await page.setViewportSize(DESKTOP);
}

/** On the coding page: accept one suggestion, correct another (another value), confirm a third as it stands. */
async function code(page: Page, lang: Lang): Promise<Map<string, string[]>> {
  const words = WORDS[lang];
  await page.getByRole('button', { name: words.suggest }).click();
  await page.locator('.notice[role=status]').waitFor();
  const candidates = (await codings()).filter(
    (c) => c.coding?.state === 'suggested' && c.coding.values.length > 0 && !decided.has(c.country),
  );
  // In French, the published country is the one corrected: the public figures then show the correction.
  const published = candidates.find((c) => c.country === PUBLISHED);
  if (lang === 'fr') expect(published, `${PUBLISHED} has a suggestion to correct`).toBeDefined();
  const others = candidates.filter((c) => c.country !== PUBLISHED);
  const [accepted, corrected, confirmed] = published
    ? [others[0]!, published, others[1]!]
    : [others[0]!, others[1]!, others[2]!];
  const name = (c: Coded) => c.countryName[lang]!;
  const mine = new Map<string, string[]>();
  await check(page, 'coding', lang);

  await page.getByRole('button', { name: `${words.accept}${name(accepted)}` }).click();
  await page.locator('.notice[role=status]', { hasText: name(accepted) }).waitFor();
  mine.set(accepted.country, accepted.coding!.values);

  const other = VALUES.find((v) => !corrected.coding!.values.includes(v))!;
  await page.locator(`#coding-${corrected.country}-values-${other}`).check();
  await page.getByRole('button', { name: `${words.save}${name(corrected)}` }).click();
  await page.locator('.notice[role=status]', { hasText: name(corrected) }).waitFor();
  mine.set(corrected.country, [other]);

  // Confirmed as suggested, through the form (its choice already holds the suggested value).
  expect(await page.locator(`#coding-${confirmed.country}-values-${confirmed.coding!.values[0]}`).isChecked()).toBe(
    true,
  );
  await page.getByRole('button', { name: `${words.save}${name(confirmed)}` }).click();
  await page.locator('.notice[role=status]', { hasText: name(confirmed) }).waitFor();
  mine.set(confirmed.country, confirmed.coding!.values);
  await check(page, 'coded', lang);

  // What the server holds is what was decided: read back, confirmed, with those values.
  const after = await codings();
  for (const [country, values] of mine) {
    expect(after.find((c) => c.country === country)?.coding, country).toMatchObject({ state: 'confirmed', values });
  }
  return mine;
}

/** The public figures page, signed out: the published countries' confirmed codings, no other. */
async function publicFigures(lang: Lang) {
  const context = await browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/cycles/${CYCLE}/figures?lang=${lang}`);
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  const published = (
    await callApi<{ answers: { country: string; source: { kind: string } }[] }>(
      server,
      null,
      'GET',
      `/cycles/${CYCLE}/questions/${QUESTION}/answers`,
    )
  ).answers;
  expect(published.map((a) => [a.country, a.source.kind])).toEqual([[PUBLISHED, 'published']]);
  // Expected: each value's count among the published countries, from what this file decided.
  const expected = Object.fromEntries(VALUES.map((v) => [v, 0]));
  for (const { country } of published) for (const v of decided.get(country) ?? []) expected[v] = (expected[v] ?? 0) + 1;
  expect(await valueCounts(page)).toEqual(expected);
  // The chart is drawn, and names the published country only: none the secretariat coded on submissions.
  await figuresOfI(page).locator('.figures-chart svg').waitFor();
  const names = await figuresOfI(page).locator('.figures-table tbody td a').allTextContents();
  const all = await codings();
  expect(names.map((n) => n.trim())).toEqual([all.find((c) => c.country === PUBLISHED)!.countryName[lang]]);
  await check(page, 'public-figures', lang);
}

async function story(lang: Lang) {
  const words = WORDS[lang];
  const page = await signedInPage(browser, server, demoAccount(server, SECRETARIAT), lang, { contexts });
  await page.goto(`${server.url}/app/cycles/${CYCLE}?lang=${lang}`);
  await check(page, 'cycle', lang);
  await translate(page, lang);

  // Back to the cycle (the view's caption), to the figures as they are.
  await page.locator('.caption a').click();
  await page.waitForURL(new RegExp(`/cycles/${CYCLE}(?:\\?|$)`, 'u'));
  await page.getByRole('link', { name: words.figures }).click();
  await page.waitForURL(/\/figures(?:\?|$)/u);
  const before = await valueCounts(page);
  await check(page, 'figures-before', lang);

  // To the cycle again, then « Coder les réponses » and I.a's code.
  await page.locator('.caption a').click();
  await page.waitForURL(new RegExp(`/cycles/${CYCLE}(?:\\?|$)`, 'u'));
  await page.getByRole('link', { name: words.code }).click();
  await page.waitForURL(/\/codes(?:\?|$)/u);
  await page.getByRole('link', { name: /^I\.a —/u }).click();
  await page.waitForURL(/\/codes\/I\.a(?:\?|$)/u);
  const mine = await code(page, lang);
  for (const [country, values] of mine) decided.set(country, values);

  // The figures: each value's count is the count before plus this story's decisions.
  const expected = { ...before };
  for (const values of mine.values()) for (const v of values) expected[v] = (expected[v] ?? 0) + 1;
  await page.locator('.notice[role=status] .figures-summary').getByRole('link').click();
  await page.waitForURL(/\/figures(?:\?|$)/u);
  await expect.poll(() => valueCounts(page)).toEqual(expected);
  await figuresOfI(page).locator('svg').first().waitFor();
  await check(page, 'figures-after', lang);

  await publicFigures(lang);
}

describe('the regional review in the browser: side by side, a translation, coding, figures', () => {
  it('in French', () => story('fr'), 400_000);
  it('in Arabic, right to left', () => story('ar'), 400_000);
});
