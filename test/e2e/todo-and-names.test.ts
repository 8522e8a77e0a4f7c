/// <reference lib="dom" />
// Issue 12, items 9 and 10, in real Chromium through the pages, in French then in Arabic (one
// demo server, other questions for each language): Morocco's focal point opens the review's
// dashboard, named « Maroc — <the cycle's title> » (heading and tab title, no MAR / arab-2021);
// a past due date is refused with the API's message under the field; an assignment is made, then
// changed (due date, note), then withdrawn after a confirmation, each outcome said in view; an
// answer the validator returned (set up over the API) is on the focal point's to-do list with
// the validator's comment, and at the top of the answer's page. Axe 0 serious and no sideways
// scroll at 390 px on each page; screenshots at 1280 and 390 px. The API only reads state back,
// and sets up the return (the validator's part is walked in workspace-story).
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
const INTERIOR = "Ministère de l'Intérieur";
const PAST = '2020-01-15';
const LATER = '2031-06-30';
const TIMEOUT = 180_000;

const CASE = {
  fr: {
    assign: 'II.a',
    returned: 'I.a',
    comment: 'Citez la source des chiffres de 2017.',
    note: 'Merci de joindre le bilan chiffré.',
    country: 'Maroc',
    pastMessage: 'est déjà passée',
    edit: 'Modifier',
    withdraw: 'Retirer',
    yes: 'Oui, retirer',
  },
  ar: {
    assign: 'II.b',
    returned: 'I.b',
    comment: 'يرجى ذكر مصدر أرقام سنة 2017.',
    note: 'يرجى إرفاق الحصيلة بالأرقام.',
    country: 'المغرب',
    pastMessage: 'قد مضى',
    edit: 'تعديل',
    withdraw: 'سحب',
    yes: 'نعم، اسحب',
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

const account = (role: string) => {
  const found = server.accounts.find((a) => a.role === role);
  if (!found) throw new Error(`serve --demo listed no ${role}`);
  return found;
};
const tokenOf = (who: DemoAccount) => signInToken(server, who.email, who.password);

async function signIn(who: DemoAccount, lang: Lang): Promise<{ page: Page; problems: string[] }> {
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
  await screenshot(page, `todo-names-${name}-${lang}-desktop`);
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(widths[0], `${name} at 390 px: scrollWidth ≤ clientWidth`).toBeLessThanOrEqual(widths[1]!);
  await screenshot(page, `todo-names-${name}-${lang}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Whether the element is inside the window, top to bottom (a pixel's rounding allowed). */
const inView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((node) => {
    const box = node.getBoundingClientRect();
    return box.top >= -1 && box.bottom <= window.innerHeight + 1
      ? true
      : `${Math.round(box.top)}–${Math.round(box.bottom)} of ${window.innerHeight}`;
  });

interface Workspace {
  sections: {
    questions: {
      id: string;
      assignments: { entity: { id: number; name: string }; dueOn: string | null; note: string | null }[];
    }[];
  }[];
}
const assignmentsOf = async (token: string, questionId: string) =>
  (await callApi<Workspace>(server, token, 'GET', `${REVIEW}/workspace`)).sections
    .flatMap((s) => s.questions)
    .find((q) => q.id === questionId)!.assignments;

describe.each(['fr', 'ar'] as const)('to-do list and names (%s)', (lang) => {
  const c = CASE[lang];

  it(
    'names the review, refuses a past date, changes and withdraws an assignment, lists a returned answer',
    async () => {
      const focalAccount = account('focal_point');
      const focalToken = await tokenOf(focalAccount);
      const { page, problems } = await signIn(focalAccount, lang);

      // ── the dashboard, named ────────────────────────────────────────────────────────────
      const cycle = await callApi<{ title: Record<string, string> }>(server, null, 'GET', `/cycles/arab-2021`);
      await page.goto(`${server.url}/app${REVIEW}?lang=${lang}`);
      const heading = page.locator('h1');
      await heading.waitFor();
      await expect(heading.textContent()).resolves.toBe(`${c.country} — ${cycle.title[lang]}`);
      expect(await heading.textContent()).not.toMatch(/\bMAR\b|arab-2021/);
      expect((await page.title()).startsWith(`${c.country} — ${cycle.title[lang]} — `), await page.title()).toBe(true);
      expect(await page.title()).not.toMatch(/\bMAR\b|arab-2021/);
      await checkPage(page, 'dashboard', lang);

      // ── a past due date is refused, the API's message under the field ───────────────────
      await page.locator('#assign > summary').click(); // the form opens from « Attribuer des questions »
      const due = page.locator('#assign-due');
      expect(await due.getAttribute('min')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await page.locator(`[id="assign-q-${c.assign}"]`).check();
      await page.selectOption('#assign-entity', { label: INTERIOR });
      await due.fill(PAST);
      await page.click('section[aria-labelledby=assign-title] button[type=submit]');
      const message = page.locator('#assign-due-error');
      await message.waitFor();
      expect(await message.textContent()).toContain(c.pastMessage);
      await expect(due.getAttribute('aria-invalid')).resolves.toBe('true');
      await page.locator('.error-summary a[href="#assign-due"]').waitFor();
      expect(await assignmentsOf(focalToken, c.assign)).toEqual([]);
      await checkPage(page, 'past-date', lang);

      // ── assigned with a valid date: the confirmation beside the button, in view ─────────
      await due.fill(LATER);
      await page.click('section[aria-labelledby=assign-title] button[type=submit]');
      await page.locator('section[aria-labelledby=assign-title] .notice[role=status]').waitFor();
      expect(await inView(page, 'section[aria-labelledby=assign-title] .notice[role=status]')).toBe(true);
      expect((await assignmentsOf(focalToken, c.assign)).map((a) => a.dueOn)).toEqual([LATER]);

      // ── changed: due date and note ───────────────────────────────────────────────────────
      const item = page.locator('.question-list > li').filter({
        has: page.locator('.question-id', { hasText: new RegExp(`^${c.assign.replace('.', '\\.')}$`) }),
      });
      await item.locator('button', { hasText: c.edit }).click();
      await item.locator('input[type=date]').fill(PAST);
      await item.locator('form button[type=submit]').click();
      await expect.poll(() => item.locator('.error-message').first().textContent()).toContain(c.pastMessage);
      await item.locator('input[type=date]').fill('2031-09-15');
      await item.locator('textarea').fill(c.note);
      await item.locator('form button[type=submit]').click();
      await item.locator('.notice[role=status]').waitFor();
      expect(await inView(page, '.question-list .notice[role=status]')).toBe(true);
      await item.locator('q', { hasText: c.note }).waitFor();
      const changed = await assignmentsOf(focalToken, c.assign);
      expect(changed.map((a) => [a.dueOn, a.note])).toEqual([['2031-09-15', c.note]]);
      await checkPage(page, 'changed', lang);
      // The entity's contributor reads the note beside its contribution.
      const interiorAccount = server.accounts.find((x) => x.email === 'contributor.interieur@demo.pacte.local')!;
      const reader = await signIn(interiorAccount, lang);
      await reader.page.goto(`${server.url}/app${REVIEW}/answers/${c.assign}?lang=${lang}`);
      await reader.page.locator('.assignment-note q', { hasText: c.note }).waitFor();
      await checkPage(reader.page, 'contributor-note', lang);

      // ── withdrawn, after a confirmation ──────────────────────────────────────────────────
      await item.locator('button', { hasText: c.withdraw }).click();
      await item.locator('.confirm').waitFor();
      expect(await assignmentsOf(focalToken, c.assign)).toHaveLength(1); // asking is not doing
      await item.locator('button', { hasText: c.yes }).click();
      await item.locator('.notice[role=status]').waitFor();
      expect(await inView(page, '.question-list .notice[role=status]')).toBe(true);
      await expect.poll(() => item.locator('.assignment').count()).toBe(0);
      expect(await assignmentsOf(focalToken, c.assign)).toEqual([]);
      await checkPage(page, 'withdrawn', lang);

      // ── a returned answer: on the to-do list with the validator's comment ────────────────
      const answerPath = `${REVIEW}/answers/${c.returned}/status`;
      await callApi(server, focalToken, 'POST', answerPath, { to: 'in_review' });
      await callApi(server, await tokenOf(account('validator')), 'POST', answerPath, {
        to: 'changes_requested',
        comment: c.comment,
      });
      await page.goto(`${server.url}/app/tasks?lang=${lang}`);
      const todo = page.locator('section[aria-labelledby=tasks-todo]');
      await todo.waitFor();
      const returned = todo.locator('li').filter({ hasText: c.comment });
      await returned.waitFor();
      expect(await returned.locator('.question-id').textContent()).toBe(c.returned);
      // The validator by name, not by address.
      expect(await returned.textContent()).not.toContain('@');
      await checkPage(page, 'tasks', lang);

      // ── the answer's page: the comment at its top ────────────────────────────────────────
      await returned.locator('a').click();
      const top = page.locator('.returned-with');
      await top.waitFor();
      expect(await top.textContent()).toContain(c.comment);
      // Above the question and the answer.
      const order = await page.evaluate(() => {
        const at = (s: string) => document.querySelector(s)!.getBoundingClientRect().top;
        return at('.returned-with') < at('.question-text') && at('.question-text') < at('#answer-heading');
      });
      expect(order).toBe(true);
      await checkPage(page, 'answer-returned', lang);
      expect(problems).toEqual([]);

      // ── the entity is told, in words: its notifications say what the API says ────────────
      const interior = server.accounts.find((x) => x.email === 'contributor.interieur@demo.pacte.local')!;
      const notes = await callApi<{ notifications: { kind: string; questionId: string | null; text: string }[] }>(
        server,
        await tokenOf(interior),
        'GET',
        `/notifications?lang=${lang}`,
      );
      const told = notes.notifications.filter((n) => n.questionId === c.assign).map((n) => n.text);
      expect(told).toHaveLength(3); // assigned, changed, withdrawn
      const contributor = await signIn(interior, lang);
      const list = contributor.page.locator('section[aria-labelledby=tasks-notifications] li');
      await list.first().waitFor();
      const shown = await list.allTextContents();
      for (const text of told)
        expect(
          shown.some((line) => line.includes(text)),
          text,
        ).toBe(true);
      // Nobody else's to-do list: a contributor is not told « nothing to do » about merging.
      await expect(contributor.page.locator('#tasks-todo').count()).resolves.toBe(0);
      await checkPage(contributor.page, 'contributor-tasks', lang);
      expect(contributor.problems).toEqual([]);
    },
    TIMEOUT,
  );

  it('shows the administrator people and entities by name, not by number', async () => {
    const { page, problems } = await signIn(account('admin'), lang);
    await page.goto(`${server.url}/app/admin/users?lang=${lang}`);
    const focalRow = page.locator('tbody tr').filter({ hasText: account('focal_point').email });
    await focalRow.waitFor();
    const name = (await focalRow.locator('td').first().textContent())!.trim();
    expect(name.length).toBeGreaterThan(0);
    expect(name).not.toContain('@');
    await checkPage(page, 'admin-users', lang);

    await page.goto(`${server.url}/app/admin/entities?lang=${lang}`);
    const interior = page.locator('tbody tr').filter({ hasText: INTERIOR });
    await interior.waitFor();
    // Name, category, country: no column of internal numbers.
    expect(await interior.locator('td').allTextContents()).not.toContainEqual(expect.stringMatching(/^\s*\d+\s*$/));
    await checkPage(page, 'admin-entities', lang);
    expect(problems).toEqual([]);
  });
});
