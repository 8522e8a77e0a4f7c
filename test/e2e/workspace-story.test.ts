/// <reference lib="dom" />
// The review workspace's story in real Chromium, through the pages only: the focal point assigns
// two questions to two ministries; each ministry's contributor signs in, drafts its contribution
// (with a nested list) and submits it; the focal point merges them and sends the answers to
// review; the validator returns one with a comment and approves the other; the focal point fixes
// the returned one, the validator approves it, and the focal point validates and submits the
// review — in French, then in Arabic (right to left, screenshots). Then two sessions editing the
// same answer: the second save shows the conflict with both versions and loses nothing.
// The API is used only to read state back, and to approve the 22 answers the story does not touch
// (a review is validated only when every written answer is approved).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import {
  launchChromium,
  requireWebBuild,
  screenshot,
  seriousViolations,
  startPacte,
  typeInEditor,
  type DemoAccount,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const DESKTOP = { width: 1280, height: 900 };
const COUNTRY = 'MAR';
const CYCLE = 'arab-2021';
const REVIEW_API = `/api/v1/reviews/${COUNTRY}/${CYCLE}`;
const INTERIOR = "Ministère de l'Intérieur";
const PLANNING = 'Haut-Commissariat au Plan';
const Q_INTERIOR = 'II.a';
const Q_PLANNING = 'II.b';
const DUE_ON = '2031-03-31';
// The story's budget on two cores: Chromium, a fresh demo, four people and axe on each page.
const STORY_TIMEOUT = 210_000;

let browser: Browser;
const servers: PacteServer[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => {});
  for (const server of servers.splice(0)) await server.stop();
});

afterAll(async () => {
  await browser?.close();
});

/** Texts the people of the story type, in the language of the test. */
const WORDS = {
  fr: {
    interior: [
      'Le Ministère de l’Intérieur a conduit deux opérations de régularisation :',
      '- Première opération (2014)',
      '  - 23 096 personnes régularisées',
      '  - Cartes de séjour d’un an',
      '- Seconde opération (2017)',
      '  - 27 643 demandes acceptées',
    ],
    planning: [
      'Le Haut-Commissariat au Plan a publié l’Enquête nationale sur la migration forcée :',
      '1. Collecte en 2021',
      '  - 3 000 ménages interrogés',
      '2. Résultats publiés en 2022',
    ],
    returnComment: 'Citez la source des chiffres de 2017.',
    fix: 'Source : Ministère de l’Intérieur, bilan de la régularisation, 2018.',
    withdraw: 'Retirer la soumission',
  },
  ar: {
    interior: [
      'نفذت وزارة الداخلية عمليتين لتسوية الوضعية:',
      '- العملية الأولى (2014)',
      '  - تسوية وضعية 23096 شخصاً',
      '  - بطاقات إقامة لمدة سنة',
      '- العملية الثانية (2017)',
      '  - قبول 27643 طلباً',
    ],
    planning: [
      'نشرت المندوبية السامية للتخطيط البحث الوطني حول الهجرة القسرية:',
      '1. جمع المعطيات سنة 2021',
      '  - استجواب 3000 أسرة',
      '2. نشر النتائج سنة 2022',
    ],
    returnComment: 'يرجى ذكر مصدر أرقام سنة 2017.',
    fix: 'المصدر: وزارة الداخلية، حصيلة تسوية الوضعية، 2018.',
    withdraw: 'سحب التقديم',
  },
} as const;

// ── the API, to read state back (and for the set-up the story does not walk through) ─────────

async function apiToken(server: PacteServer, account: DemoAccount): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${account.email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

async function apiCall<T = Record<string, unknown>>(
  server: PacteServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
}

function account(server: PacteServer, role: string, email?: string): DemoAccount {
  const found = server.accounts.find((a) => a.role === role && (!email || a.email === email));
  if (!found) throw new Error(`serve --demo listed no ${role} ${email ?? ''}: ${JSON.stringify(server.accounts)}`);
  return found;
}

interface People {
  focal: DemoAccount;
  validator: DemoAccount;
  interior: DemoAccount;
  planning: DemoAccount;
}
const peopleOf = (server: PacteServer): People => ({
  focal: account(server, 'focal_point'),
  validator: account(server, 'validator'),
  interior: account(server, 'contributor', 'contributor.interieur@demo.pacte.local'),
  planning: account(server, 'contributor', 'contributor.hcp@demo.pacte.local'),
});

/**
 * Set-up, not the story: every written answer but the story's two goes to review (focal point)
 * and is approved (validator), so that the review may be validated at the end.
 */
async function approveTheOthers(server: PacteServer, people: People, keep: string[]) {
  const focal = await apiToken(server, people.focal);
  const validator = await apiToken(server, people.validator);
  const workspace = await apiCall<{ sections: { questions: { id: string; status: string }[] }[] }>(
    server,
    focal,
    'GET',
    `${REVIEW_API}/workspace`,
  );
  expect(workspace.status).toBe(200);
  const others = workspace.json.sections
    .flatMap((s) => s.questions)
    .filter((q) => !keep.includes(q.id) && q.status !== 'not_started' && q.status !== 'approved');
  expect(others.length).toBeGreaterThan(10);
  for (const q of others) {
    const path = `${REVIEW_API}/answers/${q.id}/status`;
    const sent = await apiCall(server, focal, 'POST', path, { to: 'in_review' });
    expect(sent.status, `${q.id} to review: ${JSON.stringify(sent.json)}`).toBe(200);
    const approved = await apiCall(server, validator, 'POST', path, { to: 'approved' });
    expect(approved.status, `${q.id} approved: ${JSON.stringify(approved.json)}`).toBe(200);
  }
}

// ── the browser ────────────────────────────────────────────────────────────────────────────

interface Person {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

async function open(): Promise<Person> {
  const context = await browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // The browser logs each 4xx answer (401 before signing in, 404 for a contribution not yet
    // started): those are the API's answers, not the page's problems.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text());
  });
  return { context, page, problems };
}

/** Signs in through the sign-in page; lands on "my tasks". */
async function signIn(server: PacteServer, who: DemoAccount, lang: Lang, checkAxe = false): Promise<Person> {
  const person = await open();
  const { page } = person;
  await page.goto(`${server.url}/app/sign-in?lang=${lang}`);
  await page.locator('#email').waitFor();
  await expectDirection(page, lang);
  if (checkAxe) await expectAxeClean(page, `sign-in (${lang})`);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await page.click('main button[type=submit]');
  await page.locator('.account-bar', { hasText: who.email }).waitFor();
  await page.locator('#tasks-reviews').waitFor();
  expect(new URL(page.url()).pathname).toBe('/app/tasks');
  await expectDirection(page, lang);
  if (checkAxe) await expectAxeClean(page, `tasks of ${who.role} (${lang})`);
  return person;
}

async function expectDirection(page: Page, lang: Lang) {
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
}

async function expectAxeClean(page: Page, where: string) {
  expect(await seriousViolations(page), where).toEqual([]);
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await screenshot(page, name, true);
}

/** An element by id, even when the id has dots (question ids: II.a). */
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

/** The link to a question in a list of tasks or questions (its id is in a .question-id span). */
const questionLink = (page: Page, scope: string, questionId: string) =>
  page.locator(`${scope} a`, {
    has: page.locator('.question-id', { hasText: new RegExp(`^${questionId.replace(/\./g, '\\.')}$`) }),
  });

async function openAnswerFromDashboard(page: Page, questionId: string) {
  await questionLink(page, '.question-list', questionId).click();
  await page.locator('#answer-heading').waitFor();
  expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(
    `/app/reviews/${COUNTRY}/${CYCLE}/answers/${questionId}`,
  );
}

async function backToDashboard(page: Page) {
  await page.locator('.caption a').click();
  await page.locator('#dashboard-sections').waitFor();
}

/** "My tasks", from the menu. */
async function toTasks(page: Page) {
  await page.click('.app-nav a[href^="/app/tasks"]');
  await page.locator('#tasks-decisions').waitFor();
}

async function answerMove(page: Page, to: string) {
  const status = page.locator('#answer-heading + dl .tag');
  const before = await status.textContent();
  await page.click(`#answer-move-${to}`);
  // Approving first says what it does and asks for a confirmation.
  if (to === 'approved') await page.click('#answer-move-confirm');
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).not.toBe(before);
}

/** The answer as the API has it (to assert what the pages did). */
const readAnswer = async (server: PacteServer, token: string, questionId: string) =>
  (
    await apiCall<{
      status: string;
      revision: number;
      blocks: Block[];
      comments: { kind?: string; body: string }[];
      contributions: { status: string }[];
    }>(server, token, 'GET', `${REVIEW_API}/answers/${questionId}`)
  ).json;

/** All the text of blocks, nested lists included, in reading order. */
function textsOf(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) =>
    block.type === 'paragraph' ? [block.text] : block.items.flatMap((item) => [item.text, ...textsOf(item.blocks)]),
  );
}
/** A list nested inside a list item somewhere in the blocks. */
const hasNestedList = (blocks: readonly Block[]): boolean =>
  blocks.some((b) => b.type === 'list' && b.items.some((item) => item.blocks.some((inner) => inner.type === 'list')));

// ── the story ──────────────────────────────────────────────────────────────────────────────

async function story(lang: Lang) {
  const server = await startPacte();
  servers.push(server);
  const people = peopleOf(server);
  const words = WORDS[lang];
  await approveTheOthers(server, people, [Q_INTERIOR, Q_PLANNING]);
  const focalToken = await apiToken(server, people.focal);

  // 1. The focal point assigns II.a to the Interior and II.b to the HCP, with a due date.
  const focal = await signIn(server, people.focal, lang, true);
  await focal.page.locator('#tasks-reviews ~ ul a').first().click();
  await focal.page.locator('#dashboard-sections').waitFor();
  await expectDirection(focal.page, lang);
  // The form opens from « Attribuer des questions » (issue 12, item 11: not under the whole list).
  await focal.page.locator('#assign > summary').click();
  for (const [questionId, entity] of [
    [Q_INTERIOR, INTERIOR],
    [Q_PLANNING, PLANNING],
  ] as const) {
    await byId(focal.page, `assign-q-${questionId}`).check();
    await focal.page.selectOption('#assign-entity', { label: entity });
    await focal.page.fill('#assign-due', DUE_ON);
    await focal.page.click('#assign-title ~ form button[type=submit]');
    await focal.page.locator('#assign-title ~ form .notice', { hasText: entity }).waitFor();
    await expect(byId(focal.page, `assign-q-${questionId}`).isChecked()).resolves.toBe(false);
  }
  // The dashboard shows who owes what.
  const entities = focal.page.locator('#dashboard-entities ~ .table-wrap tbody');
  await entities.locator('tr', { hasText: INTERIOR }).waitFor();
  await entities.locator('tr', { hasText: PLANNING }).waitFor();
  await expectAxeClean(focal.page, `dashboard after assigning (${lang})`);
  if (lang === 'ar') await shot(focal.page, 'story-ar-1-dashboard-assigned');
  const dashboard = await apiCall<{ byEntity: { entity: { name: string }; assigned: number }[] }>(
    server,
    focalToken,
    'GET',
    `${REVIEW_API}/workspace`,
  );
  const owed = Object.fromEntries(dashboard.json.byEntity.map((row) => [row.entity.name, row.assigned]));
  expect(owed).toEqual({ [INTERIOR]: 1, [PLANNING]: 1 });

  // 2. Each contributor, in its own browser, sees its task, drafts with a nested list, submits.
  for (const [who, questionId, other, lines, name] of [
    [people.interior, Q_INTERIOR, Q_PLANNING, words.interior, 'interior'],
    [people.planning, Q_PLANNING, Q_INTERIOR, words.planning, 'planning'],
  ] as const) {
    const contributor = await signIn(server, who, lang, name === 'interior');
    const { page } = contributor;
    const task = questionLink(page, '#tasks-assigned ~ ul', questionId);
    await task.waitFor();
    // With its due date, written the reader's way.
    const due = lang === 'ar' ? '31 مارس 2031' : '31 mars 2031';
    const item = page.locator('#tasks-assigned ~ ul li', {
      has: page.locator('a .question-id', { hasText: questionId }),
    });
    await item.filter({ hasText: due }).waitFor();
    // Only its own entity's question.
    await expect(questionLink(page, '#tasks-assigned ~ ul', other).count()).resolves.toBe(0);
    if (name === 'interior' && lang === 'ar') await shot(page, 'story-ar-2-contributor-tasks');
    await task.click();
    const editor = page.locator('[id^="contribution-text-"][contenteditable]');
    await editor.waitFor();
    await expectDirection(page, lang);
    await typeInEditor(page, (await editor.getAttribute('id'))!, lines.join('\n'));
    // The editor shows the nested list as it will read, in the direction of its language.
    await editor.locator('li ul li, li ol li').first().waitFor();
    await expect(
      editor
        .locator(':scope > :is(ul, ol)')
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
    ).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
    if (name === 'interior') {
      await expectAxeClean(page, `contribution editor (${lang})`);
      if (lang === 'ar') await shot(page, 'story-ar-3-contribution-draft');
    }
    // Submit saves what is typed first, then sends it to the focal point.
    await page.locator('.draft-editor .button-group button').last().click();
    await page.locator('.notice[role=status]').waitFor();
    // Submitted: no more editing.
    await expect.poll(() => editor.getAttribute('contenteditable')).toBe('false');
    if (name === 'interior' && lang === 'ar') await shot(page, 'story-ar-4-contribution-submitted');
    // The draft kept in the browser is gone: the server has the text.
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pacte.draft.')));
    expect(kept).toEqual([]);
    expect(contributor.problems).toEqual([]);
    await contributor.context.close();
  }

  // What the contributors submitted, as the focal point reads it through the API.
  for (const [questionId, lines] of [
    [Q_INTERIOR, words.interior],
    [Q_PLANNING, words.planning],
  ] as const) {
    const answer = await apiCall<{ contributions: { status: string; blocks: Block[] }[] }>(
      server,
      focalToken,
      'GET',
      `${REVIEW_API}/answers/${questionId}`,
    );
    expect(answer.json.contributions).toHaveLength(1);
    const [contribution] = answer.json.contributions;
    expect(contribution!.status).toBe('submitted');
    expect(hasNestedList(contribution!.blocks)).toBe(true);
    expect(textsOf(contribution!.blocks)).toEqual(lines.map((l) => l.replace(/^\s*(-|\d+\.)\s+/, '').trim()));
  }

  // 3. The focal point merges each contribution into its answer and sends it to review.
  await focal.page.reload();
  await focal.page.locator('#dashboard-sections').waitFor();
  for (const questionId of [Q_INTERIOR, Q_PLANNING]) {
    await openAnswerFromDashboard(focal.page, questionId);
    const merge = focal.page.locator('#contributions-heading ~ .side-by-side input[type=checkbox]');
    await merge.first().waitFor();
    await expect(merge.count()).resolves.toBe(1);
    // The contribution reads in its own direction: Arabic lists right to left, French left to right.
    const list = focal.page.locator('#contributions-heading ~ .side-by-side .answer-text > :is(ul, ol)').first();
    await expect(list.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
    if (questionId === Q_INTERIOR) {
      await expectAxeClean(focal.page, `answer with a contribution to merge (${lang})`);
      if (lang === 'ar') await shot(focal.page, 'story-ar-5-merge');
    }
    const revision = (await readAnswer(server, focalToken, questionId)).revision;
    await merge.check();
    await focal.page.click('#contributions-heading ~ button');
    await focal.page.locator('#contributions-heading ~ .notice[role=status]').waitFor();
    // The editor shows the merged text.
    // The editor shows lists as lists: the line's text without its typed "- ".
    const lastLine = (questionId === Q_INTERIOR ? words.interior : words.planning)
      .at(-1)!
      .replace(/^\s*(-|\d+\.)\s+/, '')
      .trim();
    await expect.poll(() => focal.page.locator('#answer-text').textContent()).toContain(lastLine);
    const merged = await readAnswer(server, focalToken, questionId);
    expect(merged.revision).toBe(revision + 1);
    expect(hasNestedList(merged.blocks)).toBe(true);
    expect(merged.contributions.map((c) => c.status)).toEqual(['merged']);
    // A merged contribution is not offered for merging again.
    await expect.poll(() => merge.count()).toBe(0);
    await answerMove(focal.page, 'in_review');
    expect((await readAnswer(server, focalToken, questionId)).status).toBe('in_review');
    await backToDashboard(focal.page);
  }

  // 4. The validator returns II.a with a comment and approves II.b.
  const validator = await signIn(server, people.validator, lang);
  for (const questionId of [Q_INTERIOR, Q_PLANNING]) {
    await questionLink(validator.page, '#tasks-decisions ~ ul', questionId).waitFor();
  }
  await expectAxeClean(validator.page, `validator's tasks (${lang})`);
  await questionLink(validator.page, '#tasks-decisions ~ ul', Q_INTERIOR).click();
  await validator.page.locator('#answer-heading').waitFor();
  await validator.page.click('#answer-move-changes_requested');
  // A return needs a comment: none refused, then given.
  await validator.page.locator('#answer-move-text').waitFor();
  await validator.page.click('.move-form button[type=submit]');
  await validator.page.locator('.move-form .error-summary').waitFor();
  await expectAxeClean(validator.page, `returning an answer, comment missing (${lang})`);
  if (lang === 'ar') await shot(validator.page, 'story-ar-6-return-needs-comment');
  await validator.page.fill('#answer-move-text', words.returnComment);
  await validator.page.click('.move-form button[type=submit]');
  await validator.page.locator('#comments-heading ~ ol li', { hasText: words.returnComment }).waitFor();
  expect((await readAnswer(server, focalToken, Q_INTERIOR)).status).toBe('changes_requested');
  await toTasks(validator.page);
  await questionLink(validator.page, '#tasks-decisions ~ ul', Q_PLANNING).click();
  await validator.page.locator('#answer-heading').waitFor();
  await answerMove(validator.page, 'approved');
  expect((await readAnswer(server, focalToken, Q_PLANNING)).status).toBe('approved');

  // 5. The focal point reads the comment, fixes II.a and sends it again.
  await focal.page.reload();
  await focal.page.locator('#dashboard-sections').waitFor();
  await openAnswerFromDashboard(focal.page, Q_INTERIOR);
  await focal.page.locator('#comments-heading ~ ol li', { hasText: words.returnComment }).waitFor();
  const returned = await readAnswer(server, focalToken, Q_INTERIOR);
  await typeInEditor(focal.page, 'answer-text', words.fix, { append: true });
  await focal.page.locator('.draft-editor > .button-group > .button').first().click();
  await focal.page.locator('.draft-editor .save-state', { hasText: /\d/ }).waitFor();
  await expectAxeClean(focal.page, `returned answer, fixed (${lang})`);
  if (lang === 'ar') await shot(focal.page, 'story-ar-7-returned-fixed');
  const fixed = await readAnswer(server, focalToken, Q_INTERIOR);
  expect(fixed.revision).toBe(returned.revision + 1);
  expect(textsOf(fixed.blocks).at(-1)).toBe(words.fix);
  await answerMove(focal.page, 'in_review');
  expect((await readAnswer(server, focalToken, Q_INTERIOR)).status).toBe('in_review');

  // 6. The validator approves it.
  await toTasks(validator.page);
  await questionLink(validator.page, '#tasks-decisions ~ ul', Q_INTERIOR).click();
  await validator.page.locator('#answer-heading').waitFor();
  await answerMove(validator.page, 'approved');
  expect((await readAnswer(server, focalToken, Q_INTERIOR)).status).toBe('approved');
  expect(validator.problems).toEqual([]);

  // 7. The focal point validates and submits the review.
  await backToDashboard(focal.page);
  // Each move of the review says what it will do and waits for a confirmation.
  await focal.page.click('#review-move-validated');
  await focal.page.click('#review-move-confirm');
  await focal.page.locator('#review-move-submitted').waitFor();
  await focal.page.click('#review-move-submitted');
  await focal.page.click('#review-move-confirm');
  await expect
    .poll(async () => (await apiCall(server, focalToken, 'GET', `${REVIEW_API}/workspace`)).json.status)
    .toBe('submitted');
  // The way back from submitted says what it does: a withdrawal, not a second "validate".
  await focal.page.locator('#dashboard-moves ~ div #review-move-validated', { hasText: words.withdraw }).waitFor();
  await expectDirection(focal.page, lang);
  await expectAxeClean(focal.page, `dashboard of the submitted review (${lang})`);
  if (lang === 'ar') await shot(focal.page, 'story-ar-8-submitted');
  // Submitted: nothing may be assigned, edited or moved any more, and the pages say so.
  await expect(focal.page.locator('#assign-title').count()).resolves.toBe(0);
  await openAnswerFromDashboard(focal.page, Q_INTERIOR);
  await focal.page.locator('#answer-heading ~ .answer .answer-text', { hasText: words.fix }).waitFor();
  await expect(focal.page.locator('#answer-text, [id^="answer-move-"], [id^="merge-"]').count()).resolves.toBe(0);
  await expectAxeClean(focal.page, `answer of the submitted review (${lang})`);
  if (lang === 'ar') await shot(focal.page, 'story-ar-9-submitted-answer');
  expect(focal.problems).toEqual([]);
}

/**
 * Two sessions of the focal point on the same answer, in Arabic: both edit, the first saves; the
 * second save shows the conflict with both versions, and what was typed stays on screen and in
 * the browser's storage, even across a reload; "keep mine" then saves over the current revision.
 */
async function conflict() {
  const lang: Lang = 'ar';
  const server = await startPacte();
  servers.push(server);
  const people = peopleOf(server);
  const token = await apiToken(server, people.focal);
  const Q = 'I.b';
  const storageKey = `pacte.draft.${COUNTRY}/${CYCLE}/${Q}/answer`;
  const start = await readAnswer(server, token, Q);

  const [first, second] = [await signIn(server, people.focal, lang), await signIn(server, people.focal, lang)];
  for (const { page } of [first, second]) {
    await page.locator('#tasks-reviews ~ ul a').first().click();
    await page.locator('#dashboard-sections').waitFor();
    await openAnswerFromDashboard(page, Q);
  }
  const original = await first.page.locator('#answer-text').textContent();
  expect(await second.page.locator('#answer-text').textContent()).toBe(original);
  await typeInEditor(first.page, 'answer-text', 'أضافت الجلسة الأولى هذه الفقرة.', { append: true });
  await typeInEditor(second.page, 'answer-text', '- أضافت الجلسة الثانية هذه القائمة\n  - مع بند متداخل', {
    append: true,
  });
  const secondText = await second.page.locator('#answer-text').textContent();
  expect(secondText).toContain('مع بند متداخل');
  // What is typed is in the browser's storage before any save (as blocks: their texts here).
  const kept = async (page: Page) =>
    page.evaluate((key) => {
      const draft = JSON.parse(localStorage.getItem(key) ?? 'null') as { blocks: unknown[] } | null;
      return draft ? JSON.stringify(draft.blocks) : undefined;
    }, storageKey);
  await expect(kept(second.page)).resolves.toContain('مع بند متداخل');

  await first.page.locator('.draft-editor > .button-group > .button').first().click();
  await first.page.locator('.draft-editor .save-state', { hasText: /\d/ }).waitFor();
  expect((await readAnswer(server, token, Q)).revision).toBe(start.revision + 1);

  const save = second.page.locator('.draft-editor > .button-group > .button').first();
  await save.click();
  const shown = second.page.locator('.draft-editor .conflict');
  await shown.waitFor();
  // Both versions, side by side: theirs (the first session's paragraph) and mine (the list).
  const [theirs, mine] = [shown.locator('.side-by-side > div').nth(0), shown.locator('.side-by-side > div').nth(1)];
  await theirs.locator('p', { hasText: 'أضافت الجلسة الأولى' }).waitFor();
  await mine.locator('li li', { hasText: 'مع بند متداخل' }).waitFor();
  await expect(theirs.textContent()).resolves.toContain(String(start.revision + 1));
  // Nothing typed is lost: still on screen, still in the browser's storage.
  await expect(second.page.locator('#answer-text').textContent()).resolves.toBe(secondText);
  await expect(kept(second.page)).resolves.toContain('مع بند متداخل');
  await expectDirection(second.page, lang);
  await expectAxeClean(second.page, 'edit conflict (ar)');
  await shot(second.page, 'story-ar-10-conflict');

  // A closed tab loses nothing either: the text comes back, and saving it meets the conflict again.
  await second.page.reload();
  await second.page.locator('#answer-text').waitFor();
  await second.page.locator('.draft-editor > .notice[role=status]').waitFor();
  await expect(second.page.locator('#answer-text').textContent()).resolves.toBe(secondText);
  await save.click();
  await shown.waitFor();

  // Keep mine: saved over the current revision.
  await shown.locator('.button-group .button').first().click();
  await shown.waitFor({ state: 'detached' });
  await second.page.locator('.draft-editor .save-state', { hasText: /\d/ }).waitFor();
  const saved = await readAnswer(server, token, Q);
  expect(saved.revision).toBe(start.revision + 2);
  expect(textsOf(saved.blocks)).toContain('مع بند متداخل');
  expect(textsOf(saved.blocks)).not.toContain('أضافت الجلسة الأولى هذه الفقرة.');
  expect(hasNestedList(saved.blocks)).toBe(true);
  await expect(kept(second.page)).resolves.toBeUndefined();
  await expect(second.page.locator('#answer-text').textContent()).resolves.toBe(secondText);
  // The first session's text is not lost either: it is a revision of the history.
  const history = await apiCall<{ revisions: { revision: number }[] }>(
    server,
    token,
    'GET',
    `${REVIEW_API}/answers/${Q}/revisions`,
  );
  expect(history.json.revisions.map((r) => r.revision)).toContain(start.revision + 1);
  const between = await apiCall<{ blocks: Block[] }>(
    server,
    token,
    'GET',
    `${REVIEW_API}/answers/${Q}/revisions/${start.revision + 1}`,
  );
  expect(textsOf(between.json.blocks)).toContain('أضافت الجلسة الأولى هذه الفقرة.');

  // The first session, still on its revision, types on: its working draft reaches the server;
  // saving meets the second session's revision, and « take theirs » drops that draft too (else it
  // would be offered again on the next visit).
  const draftOf = async () =>
    (await apiCall<{ myDraft: unknown }>(server, token, 'GET', `${REVIEW_API}/answers/${Q}`)).json.myDraft;
  await typeInEditor(first.page, 'answer-text', 'جملة لن تُحفظ.', { append: true });
  await expect.poll(draftOf, { timeout: 30_000 }).not.toBeNull();
  await first.page.locator('.draft-editor > .button-group > .button').first().click();
  const theirConflict = first.page.locator('.draft-editor .conflict');
  await theirConflict.waitFor();
  await theirConflict.locator('.button-group .button').nth(1).click();
  await theirConflict.waitFor({ state: 'detached' });
  await expect.poll(draftOf, { timeout: 30_000 }).toBeNull();
  await expect(first.page.locator('#answer-text').textContent()).resolves.toBe(secondText);
  expect(first.problems).toEqual([]);
  expect(second.problems).toEqual([]);
}

describe('the review workspace in the browser', () => {
  it('French: assign, contribute, merge, return, fix, approve, validate and submit', () => story('fr'), STORY_TIMEOUT);
  it('Arabic, right to left: the same story', () => story('ar'), STORY_TIMEOUT);
  it('two sessions on one answer: the conflict shows both versions and nothing typed is lost', conflict, 120_000);
});
