/// <reference lib="dom" />
// Typed answers in real Chromium (issue 15, item 2), through the answer page only: on a cycle of
// Pacte's example questionnaire (arab-example-2), Morocco's focal point reads the guidance note,
// answers a single-choice (I.a), a multiple-choice (I.c), a number (III.f, typed « 4 500 » in
// French and in Eastern digits in Arabic, after a refused « beaucoup » whose message leads to the
// field) and an objectives question (III.e), each saved with « Enregistrer » and shown again after
// a reload; the API reads the values back. The answers are then approved, submitted and published
// over the API, and the region's secretariat opens the choice question side by side: the chosen
// option is counted, and the submitted review shows the value. In French (one cycle) and in Arabic (another cycle, a review written in
// Arabic). Every page: no sideways scrolling at 390 px, no serious axe violation, screenshots.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  checkPage,
  demoAccount,
  launchChromium,
  requireWebBuild,
  signedInPage,
  startPacte,
  type PacteServer,
} from '../support/browser.js';

const CYCLES = { fr: 'arab-2034', ar: 'arab-2035' } as const;
const SECRETARIAT = 'secretariat@demo.pacte.local';
const WORDS = {
  fr: {
    guidance: 'Cochez une case',
    single: 'Non',
    multiple: ['Société civile', 'Autorités locales'],
    notANumber: 'beaucoup',
    refused: "n'est pas un nombre",
    number: '4 500',
    saved: /^Enregistré à/u,
    drafted: /^Brouillon enregistré à/u,
    save: 'Enregistrer',
  },
  ar: {
    guidance: 'ضعوا علامة في خانة واحدة',
    single: 'لا',
    multiple: ['المجتمع المدني', 'السلطات المحلية'],
    notANumber: 'كثير',
    refused: 'ليس رقماً',
    number: '٤٥٠٠',
    saved: /^حُفظ عند/u,
    drafted: /^حُفظت المسودة عند/u,
    save: 'حفظ',
  },
} as const;

let browser: Browser;
let server: PacteServer;
const contexts: BrowserContext[] = [];

async function api(role: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(await apiAs(server, role)) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return response.json() as Promise<Record<string, unknown>>;
}

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
  server = await startPacte();
  for (const [lang, cycle] of Object.entries(CYCLES)) {
    const dates = { opensOn: '2034-01-15', dueOn: '2034-09-30' };
    await api('secretariat', 'POST', '/cycles', {
      id: cycle,
      region: 'arab',
      questionnaire: 'arab-example-2',
      countries: ['MAR'],
      ...dates,
    });
    await api('secretariat', 'POST', `/cycles/${cycle}/state`, { to: 'open' });
    await api('focal_point', 'POST', '/reviews', { country: 'MAR', cycle, language: lang });
  }
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** Saves with the editor's button and waits for the page to say it is saved. */
async function save(page: Page, lang: 'fr' | 'ar') {
  await page.locator('.editor-actions button', { hasText: WORDS[lang].save }).first().click();
  await page.locator('.save-state', { hasText: WORDS[lang].saved }).waitFor();
}

const valueOf = async (cycle: string, question: string) =>
  (await api('focal_point', 'GET', `/reviews/MAR/${cycle}/answers/${question}`)).value;

describe.each(['fr', 'ar'] as const)('typed answers on the answer page (%s)', (lang) => {
  const cycle = CYCLES[lang];
  const answerPage = (q: string) => `${server.url}/app/reviews/MAR/${cycle}/answers/${q}?lang=${lang}`;

  it('a focal point answers a choice, several choices, a number and objectives, kept after a reload', async () => {
    const focal = server.accounts.find((a) => a.role === 'focal_point')!;
    const page = await signedInPage(browser, server, focal, lang, { contexts });

    // One choice, with the guidance note under the question.
    await page.goto(answerPage('I.a'));
    const field = page.locator('#answer-text-value');
    await field.waitFor();
    expect(await page.locator('.guidance').innerText()).toContain(WORDS[lang].guidance);
    await field.getByLabel(WORDS[lang].single, { exact: true }).check();
    await save(page, lang);
    await page.reload();
    await expect.poll(() => field.getByLabel(WORDS[lang].single, { exact: true }).isChecked()).toBe(true);
    expect(await valueOf(cycle, 'I.a')).toEqual({ choices: ['no'] });
    await checkPage(page, 'answer-values-single', lang);

    // Several choices: autosaved as the author's draft (no revision), taken up again after a
    // reload, then saved; kept in the questionnaire's order whatever order they are ticked in.
    await page.goto(answerPage('I.c'));
    const boxes = page.locator('#answer-text-value');
    for (const label of WORDS[lang].multiple) await boxes.getByLabel(label, { exact: true }).check();
    await page.locator('.save-state', { hasText: WORDS[lang].drafted }).waitFor();
    expect(await valueOf(cycle, 'I.c')).toBeNull();
    await page.reload();
    await page.locator('.draft-editor > .notice').waitFor();
    for (const label of WORDS[lang].multiple)
      expect(await boxes.getByLabel(label, { exact: true }).isChecked()).toBe(true);
    await save(page, lang);
    await page.reload();
    for (const label of WORDS[lang].multiple)
      await expect.poll(() => boxes.getByLabel(label, { exact: true }).isChecked()).toBe(true);
    expect(await valueOf(cycle, 'I.c')).toEqual({ choices: ['local_authority', 'civil_society'] });
    await checkPage(page, 'answer-values-multiple', lang);

    // A number: words are refused next to the field (the message leads to it), then « 4 500 ».
    await page.goto(answerPage('III.f'));
    const number = page.locator('input#answer-text-value');
    await number.fill(WORDS[lang].notANumber);
    await page.locator('.editor-actions button', { hasText: WORDS[lang].save }).first().click();
    const refusal = page.locator('.draft-editor > .error-message a', { hasText: WORDS[lang].refused });
    await refusal.waitFor();
    expect(await page.locator('#answer-text-value-error').innerText()).toContain(WORDS[lang].refused);
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    await refusal.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer-text-value');
    await checkPage(page, 'answer-values-number-refused', lang);
    await number.fill(WORDS[lang].number);
    await save(page, lang);
    await page.reload();
    await expect.poll(() => number.inputValue()).toBe('4500');
    expect(await valueOf(cycle, 'III.f')).toEqual({ number: 4500 });
    await checkPage(page, 'answer-values-number', lang);

    // Objectives: the 23, by number and title.
    await page.goto(answerPage('III.e'));
    const objectives = page.locator('#answer-text-value');
    await objectives.locator('input[value="7"]').check();
    await objectives.locator('input[value="1"]').check();
    await save(page, lang);
    await page.reload();
    await expect.poll(() => objectives.locator('input[value="7"]').isChecked()).toBe(true);
    expect(await objectives.locator('input[type=checkbox]').count()).toBe(23);
    expect(await valueOf(cycle, 'III.e')).toEqual({ objectives: [1, 7] });
    await checkPage(page, 'answer-values-objectives', lang);
  }, 300_000);

  it('side by side, the secretariat sees the choice counted', async () => {
    const review = `/reviews/MAR/${cycle}`;
    for (const q of ['I.a', 'I.c', 'III.f', 'III.e'])
      for (const to of ['in_review', 'approved']) await api('admin', 'POST', `${review}/answers/${q}/status`, { to });
    for (const to of ['validated', 'submitted', 'published']) await api('admin', 'POST', `${review}/status`, { to });
    const page = await signedInPage(browser, server, demoAccount(server, SECRETARIAT), lang, { contexts });
    await page.goto(`${server.url}/app/cycles/${cycle}/questions/I.a?lang=${lang}`);
    const table = page.locator('.sbs-options table');
    await table.waitFor();
    const row = table.locator('tr', { has: page.locator('th', { hasText: WORDS[lang].single }) });
    expect(await row.locator('td').first().innerText()).toMatch(/^(1|١)$/u);
    await checkPage(page, 'answer-values-side-by-side', lang);

    // The submitted review, as the secretariat reads it: the value above the text.
    await page.goto(`${server.url}/app/reviews/MAR/${cycle}/submissions/1?lang=${lang}`);
    const question = page.locator('.submission-question', {
      has: page.locator('.question-id', { hasText: /^I\.a$/u }),
    });
    await question.locator('.value-text').waitFor();
    expect(await question.locator('.value-text li').allInnerTexts()).toEqual([WORDS[lang].single]);
    await checkPage(page, 'answer-values-submission', lang);
  }, 300_000);
});
