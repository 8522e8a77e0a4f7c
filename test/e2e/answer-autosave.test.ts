/// <reference lib="dom" />
// Issue 12, items 4 and 8, in real Chromium through the pages, in French then in Arabic (one demo
// server, another question for each language): Morocco's focal point types into the answer's
// editor with the keyboard; two seconds later « Brouillon enregistré » — the draft is on the
// server, not a revision (the history page lists as many revisions as before); with this
// browser's storage emptied, a reload brings the typed text back from the server; Save writes one
// revision and the draft is gone. « Question suivante / précédente » walk the questionnaire.
// Axe 0 serious and no sideways scroll at 390 px; screenshots at 1280 and 390 px. The API only
// reads state back.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  launchChromium,
  requireWebBuild,
  screenshot,
  seriousViolations,
  signInToken,
  startPacte,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const REVIEW = '/reviews/MAR/arab-2021';
const TIMEOUT = 180_000;

const CASE = {
  fr: {
    question: 'II.d',
    next: 'II.e',
    typed: 'Phrase ajoutée au clavier pour le brouillon.',
    draftSaved: 'Brouillon enregistré',
    resumed: 'a été repris',
    save: 'Enregistrer',
    saved: 'Enregistré à',
    nextLink: 'Question suivante : II.e',
    previousLink: 'Question précédente : II.d',
    heading: 'Question II.e',
    back: 'Question II.d',
    more: 'Dernière phrase, envoyée avec la réponse.',
    send: 'Soumettre à la relecture',
  },
  ar: {
    question: 'III.b',
    next: 'III.c',
    typed: 'جملة مكتوبة بلوحة المفاتيح للمسودة.',
    draftSaved: 'حُفظت المسودة',
    resumed: 'استُؤنفت مسودتكم',
    save: 'حفظ',
    saved: 'حُفظ عند',
    nextLink: 'السؤال التالي: III.c',
    previousLink: 'السؤال السابق: III.b',
    heading: 'السؤال III.c',
    back: 'السؤال III.b',
    more: 'الجملة الأخيرة، أُرسلت مع الإجابة.',
    send: 'تقديم للمراجعة',
  },
} as const;

let browser: Browser;
let server: PacteServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
  server = await startPacte();
}, 150_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await server?.stop();
  await browser?.close();
});

const focalPoint = () => {
  const found = server.accounts.find((a) => a.role === 'focal_point');
  if (!found) throw new Error('serve --demo listed no focal_point');
  return found;
};

async function signIn(lang: Lang): Promise<{ page: Page; problems: string[] }> {
  const who = focalPoint();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.url}/app/sign-in?lang=${lang}`);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await page.click('main button[type=submit]');
  await page.locator('#tasks-reviews').waitFor();
  return { page, problems };
}

/** Axe, no sideways scroll at 390 px, screenshots at both widths (looked at by hand). */
async function checkPage(page: Page, name: string, lang: Lang) {
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
  await screenshot(page, `answer-autosave-${name}-${lang}-desktop`, true);
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(widths[0], `${name} at 390 px: scrollWidth ≤ clientWidth`).toBeLessThanOrEqual(widths[1]!);
  // The phone's first screen, and its last one (the links at the bottom).
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `answer-autosave-${name}-${lang}-phone-top`);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await screenshot(page, `answer-autosave-${name}-${lang}-phone-bottom`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

interface AnswerRead {
  revision: number;
  status: string;
  blocks: unknown[];
  myDraft: { blocks: unknown[]; baseRevision: number } | null;
}
const answerOf = (token: string, q: string) => callApi<AnswerRead>(server, token, 'GET', `${REVIEW}/answers/${q}`);
const revisionsOf = async (token: string, q: string) =>
  (await callApi<{ revisions: unknown[] }>(server, token, 'GET', `${REVIEW}/answers/${q}/revisions`)).revisions.length;

/** The editable element of the answer's editor (TipTap's contenteditable, or a text box). */
const editor = (page: Page) => page.locator('#answer-text');

describe.each(['fr', 'ar'] as const)('answer autosave and navigation (%s)', (lang) => {
  const c = CASE[lang];

  it(
    'autosaves a draft to the server without a revision, restores it after a reload, and Save clears it',
    async () => {
      const token = await signInToken(server, focalPoint().email, focalPoint().password);
      const { page, problems } = await signIn(lang);
      const url = `${server.url}/app${REVIEW}/answers/${c.question}?lang=${lang}`;
      await page.goto(url);
      await editor(page).waitFor();
      const before = await answerOf(token, c.question);
      const revisions = await revisionsOf(token, c.question);
      expect(before.myDraft).toBeNull();

      // Typed with the keyboard at the end of the text, as a paragraph of its own.
      await editor(page).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter'); // leaves a list if the text ends with one
      await page.keyboard.type(c.typed);
      await page.locator('.save-state', { hasText: c.draftSaved }).waitFor();
      const drafted = await answerOf(token, c.question);
      expect(JSON.stringify(drafted.myDraft?.blocks)).toContain(c.typed);
      expect(drafted.myDraft?.baseRevision).toBe(before.revision);
      expect(drafted.revision).toBe(before.revision);
      expect(await revisionsOf(token, c.question)).toBe(revisions);

      // From the server, not from this browser: its storage is emptied before the reload.
      await page.evaluate(() => window.localStorage.clear());
      await page.reload();
      await editor(page).waitFor();
      await expect(editor(page).textContent()).resolves.toContain(c.typed);
      await page.getByText(c.resumed).first().waitFor();
      await checkPage(page, 'draft', lang);

      // The history lists the same revisions: an autosave is not one.
      await page.goto(`${server.url}/app${REVIEW}/answers/${c.question}/history?lang=${lang}`);
      await page.locator('table tbody tr').first().waitFor();
      expect(await page.locator('table tbody tr').count()).toBe(revisions);

      // Save: one revision more, and the draft is gone.
      await page.goto(url);
      await editor(page).waitFor();
      await expect(editor(page).textContent()).resolves.toContain(c.typed);
      await page.getByRole('button', { name: c.save, exact: true }).click();
      await page.locator('.save-state', { hasText: new RegExp(`^${c.saved}`) }).waitFor();
      const saved = await answerOf(token, c.question);
      expect(saved.revision).toBe(before.revision + 1);
      expect(JSON.stringify(saved.blocks)).toContain(c.typed);
      expect(saved.myDraft).toBeNull();
      expect(await revisionsOf(token, c.question)).toBe(revisions + 1);

      // « Question suivante », then « Question précédente », from the links at the top.
      await page.locator('.question-nav-top').getByRole('link', { name: c.nextLink }).click();
      await page.getByRole('heading', { level: 1, name: c.heading }).waitFor();
      expect(page.url()).toContain(`/answers/${c.next}`);
      await editor(page).waitFor();
      await checkPage(page, 'next', lang);
      await page.locator('.question-nav-bottom').getByRole('link', { name: c.previousLink }).click();
      await page.getByRole('heading', { level: 1, name: c.back }).waitFor();
      expect(page.url()).toContain(`/answers/${c.question}`);
      await expect(editor(page).textContent()).resolves.toContain(c.typed);

      // Sending for review right after typing (before any autosave) saves the text first.
      await editor(page).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type(c.more);
      await page.getByRole('button', { name: c.send, exact: true }).click();
      await expect
        .poll(async () => (await answerOf(token, c.question)).revision, { timeout: 10_000 })
        .toBe(before.revision + 2);
      await expect.poll(async () => (await answerOf(token, c.question)).status, { timeout: 10_000 }).toBe('in_review');
      expect(JSON.stringify((await answerOf(token, c.question)).blocks)).toContain(c.more);
      expect(problems).toEqual([]);
    },
    TIMEOUT,
  );
});
