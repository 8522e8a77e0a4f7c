/// <reference lib="dom" />
// Issue 12, items 8 and 11, in real Chromium through the pages, in French then in Arabic (one
// demo server; French leaves sections IV and V to Arabic): Morocco's focal point selects on the
// dashboard every answer it can send for review and sends them in one go (a confirmation with the
// count, then the outcome, focused); the validator — who wrote none of them — selects several and
// approves them together; one that a colleague took back meanwhile is refused, named with the
// API's reason, and nothing moves. The dashboard lists each question once, by section, with
// « Aller à la section » links; on a 390 px phone nothing scrolls sideways and the bar of the
// selection stays in view. Axe 0 serious; screenshots at 1366 and 390 px; the page's height at
// 390 px is printed (compare with the 17,177 px / 13,551 px of the old dashboard, fr / ar).
// The API reads state back, and makes the colleague's move.
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
  type DemoAccount,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const REVIEW = '/reviews/MAR/arab-2021';
const TIMEOUT = 240_000;

/** What each language does: the sections it leaves alone, the answers the validator approves, the one taken back. */
const CASE = {
  fr: { keep: ['IV', 'V'], approve: ['I.a', 'I.b', 'I.c'], refused: 'I.d', with: 'I.e', done: 'envoyées en relecture' },
  ar: { keep: [], approve: ['IV.a', 'IV.b'], refused: 'V.a', with: 'V.b', done: 'للمراجعة' },
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

const account = (role: string): DemoAccount => {
  const found = server.accounts.find((a) => a.role === role);
  if (!found) throw new Error(`serve --demo listed no ${role}`);
  return found;
};

async function signIn(who: DemoAccount, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000); // two cores shared with other runs: waits, not a threshold
  await page.goto(`${server.url}/app/sign-in?lang=${lang}`);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await page.click('main button[type=submit]');
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  await page.goto(`${server.url}/app${REVIEW}?lang=${lang}`);
  await page.locator('#dashboard-questions').waitFor();
  return page;
}

interface Workspace {
  sections: { id: string; questions: { id: string; status: string }[] }[];
}
const statuses = async (token: string) =>
  new Map(
    (await callApi<Workspace>(server, token, 'GET', `${REVIEW}/workspace`)).sections.flatMap((s) =>
      s.questions.map((q) => [q.id, q.status] as const),
    ),
  );

const box = (page: Page, questionId: string) => page.locator(`#bulk-${questionId.replace('.', '_')}`);

/** Axe, and at 390 px: no sideways scroll, the selection's bar inside the window; screenshots at both widths. */
async function checkPage(page: Page, name: string, lang: Lang, bar: boolean) {
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
  await screenshot(page, `bulk-${name}-${lang}-1366`);
  await page.setViewportSize({ width: 390, height: 844 });
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, `${name} at 390 px: scrollWidth ≤ clientWidth`).toBeLessThanOrEqual(client!);
  if (bar) {
    const box = await page.locator('.bulk-bar').evaluate((node) => {
      const r = node.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: window.innerHeight };
    });
    expect(box.top, `${name}: the bar is in the window at 390 px`).toBeGreaterThanOrEqual(0);
    expect(box.bottom, `${name}: the bar is in the window at 390 px`).toBeLessThanOrEqual(box.height + 1);
  }
  await screenshot(page, `bulk-${name}-${lang}-390`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe.each(['fr', 'ar'] as const)('bulk moves on the dashboard (%s)', (lang) => {
  const c = CASE[lang];

  it(
    'sends every sendable answer for review in one go, then the validator approves several, one refused',
    async () => {
      const focal = account('focal_point');
      const focalToken = await signInToken(server, focal.email, focal.password);
      const page = await signIn(focal, lang);

      // ── one list, by section, with links to each section ───────────────────────────────
      const sections = (await callApi<Workspace>(server, focalToken, 'GET', `${REVIEW}/workspace`)).sections;
      await expect(page.locator('.question-list > li').count()).resolves.toBe(
        sections.reduce((n, s) => n + s.questions.length, 0),
      );
      await expect(page.locator('.jump-nav a').count()).resolves.toBe(sections.length);
      await page.locator('.jump-nav a').nth(2).click();
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#section-${sections[2]!.id}`);
      await page.setViewportSize({ width: 390, height: 844 });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`dashboard height at 390 px (${lang}), focal point: ${height} px`);
      await page.setViewportSize({ width: 1366, height: 900 });
      await checkPage(page, 'dashboard', lang, false);

      // ── the focal point selects what it can send for review, and sends it ──────────────
      const before = await statuses(focalToken);
      const sendable = [...before].filter(([, s]) => s === 'drafting' || s === 'changes_requested').map(([q]) => q);
      const sent = sendable.filter((q) => !c.keep.some((section) => q.startsWith(`${section}.`)));
      // French sends sections I to III (19 answers); Arabic what is left: IV, V and the one taken back.
      expect(sent.length).toBeGreaterThanOrEqual(lang === 'fr' ? 15 : 5);
      await page.locator('.bulk-select button').first().click(); // « Tout sélectionner (… en relecture) »
      for (const q of sendable) await expect(box(page, q).isChecked(), q).resolves.toBe(true);
      for (const q of sendable.filter((id) => !sent.includes(id))) await box(page, q).uncheck();
      await checkPage(page, 'selected', lang, true);
      const send = page.locator('.bulk-bar button').first();
      await expect(send.textContent()).resolves.toContain(lang === 'fr' ? String(sent.length) : '');
      await send.click();
      // The confirmation states the count, and has the focus.
      const question = page.locator('.bulk-bar .bulk-question');
      await expect(question.textContent()).resolves.toMatch(new RegExp(`${sent.length}|${arabicCount(sent.length)}`));
      await expect(question.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
      await checkPage(page, 'confirm', lang, true);
      await question.focus();
      await page.keyboard.press('Tab'); // keyboard: the confirming button is next
      await page.keyboard.press('Enter');
      const outcome = page.locator('.bulk-outcome');
      await outcome.locator('.notice', { hasText: c.done }).waitFor();
      await expect(outcome.getAttribute('role')).resolves.toBe('status');
      await expect(outcome.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
      const after = await statuses(focalToken);
      for (const q of sent) expect(after.get(q), q).toBe('in_review');
      for (const q of sendable.filter((id) => !sent.includes(id))) expect(after.get(q), q).toBe(before.get(q));
      await expect(page.locator('.bulk-bar').count()).resolves.toBe(0);
      await checkPage(page, 'sent', lang, false);

      // ── the validator approves several; one taken back meanwhile is refused ────────────
      const validator = account('validator');
      const reviewer = await signIn(validator, lang);
      for (const q of c.approve) await box(reviewer, q).check();
      await expect(reviewer.locator('.bulk-bar button').first().textContent()).resolves.toMatch(
        new RegExp(`${c.approve.length}|${arabicCount(c.approve.length)}`),
      );
      await reviewer.locator('.bulk-bar button').first().click();
      await reviewer.locator('.bulk-bar .button-row button').first().click();
      await reviewer.locator('.bulk-outcome .notice').waitFor();
      const approved = await statuses(focalToken);
      for (const q of c.approve) expect(approved.get(q), q).toBe('approved');

      await box(reviewer, c.refused).check();
      await box(reviewer, c.with).check();
      await checkPage(reviewer, 'validator-selected', lang, true);
      // A colleague takes one back to drafting before the validator confirms.
      await callApi(server, focalToken, 'POST', `${REVIEW}/answers/${c.refused}/status`, { to: 'drafting' });
      await reviewer.locator('.bulk-bar button').first().click();
      await reviewer.locator('.bulk-bar .button-row button').first().click();
      const refusal = reviewer.locator('.bulk-outcome .error-summary');
      await refusal.waitFor();
      await expect(refusal.locator('li').count()).resolves.toBe(1);
      await expect(refusal.locator('li a').textContent()).resolves.toBe(c.refused);
      const nothing = await statuses(focalToken);
      expect(nothing.get(c.with), 'nothing moved').toBe('in_review');
      expect(nothing.get(c.refused)).toBe('drafting');
      await checkPage(reviewer, 'refused', lang, false);
    },
    TIMEOUT,
  );
});

/** Arabic spells small counts out (« إجابتين »): the number itself appears from three on. */
const arabicCount = (n: number) => (n === 1 ? 'واحدة' : n === 2 ? 'إجابتين|إجابتان' : String(n));
