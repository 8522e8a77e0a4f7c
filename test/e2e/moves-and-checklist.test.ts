/// <reference lib="dom" />
// Moves that can succeed, with confirmations, feedback and the submission checklist (issue 12,
// items 6 and 7), in real Chromium, in French and then in Arabic (right to left), each on a fresh
// plain demo (Morocco's review is its only one): the focal point is not offered « Valider » while
// answers wait for approval and reads why; it is not offered « Approuver » on the text it wrote
// and reads why; the validator approves it after a confirmation; the focal point validates,
// submits (the confirmation shows the API's checklist and takes a note) and publishes from its
// own section, each after a confirmation and with a message saying what changed; the
// administrator waives the separation of duties for Morocco. Every page: axe 0 serious, no
// sideways scroll at 390 px, screenshots at 1366 and 390 px. The API sets up what the story does
// not walk through (the other answers approved) and reads state back.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  callApi,
  demoAccount,
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
const APP_REVIEW = `/app${REVIEW}`;
const FOCAL = 'focal.point.mar@demo.pacte.local';
const VALIDATOR = 'validator.mar@demo.pacte.local';
const ADMIN = 'admin@demo.pacte.local';
const CONTRIBUTOR = 'contributor.interieur@demo.pacte.local';
const NOTE = { fr: 'Transmis avec les annexes statistiques.', ar: 'مرفق بالملاحق الإحصائية.' };
const WORDS = {
  fr: {
    notYet: 'pas encore',
    selfApproval: 'Vous avez rédigé ce texte',
    validated: 'L’examen est validé',
    submitted: 'soumission n° 1',
    published: 'L’examen est publié',
    validatedTag: 'Validé',
    waived: 'La séparation des tâches est levée pour Maroc',
    corrected: 'L’examen publié est rouvert en brouillon',
  },
  ar: {
    notYet: 'ليس بعد',
    selfApproval: 'أنتم من كتب هذا النص',
    validated: 'صودق على الاستعراض',
    submitted: 'التقديم رقم',
    published: 'نُشر الاستعراض',
    validatedTag: 'مُصادق عليه',
    waived: 'رُفع مبدأ الفصل بين المهام',
    corrected: 'أُعيد فتح الاستعراض المنشور',
  },
} as const;
// Chromium, a fresh demo and axe on each page at two widths, on two cores.
const STORY_TIMEOUT = 240_000;

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
});

interface Question {
  id: string;
  status: string;
  revision: number;
}
interface Dashboard {
  status: string;
  sections: { questions: Question[] }[];
  allowedMoves: { to: string }[];
  blockedMoves: { to: string; code: string; details: { notApproved?: number; total?: number } }[];
  checklist: Record<string, { count: number; questions: string[] }>;
  versions: { version: number }[];
}

async function signIn(server: PacteServer, email: string, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/app/sign-in?lang=${lang}`);
  await page.fill('#email', email);
  await page.fill('#password', demoAccount(server, email).password);
  await page.click('main button[type=submit]');
  await page.locator('.account-bar').waitFor();
  return page;
}

/**
 * The checks every page gets: direction, axe, no sideways scroll at 390 px, and screenshots at
 * 1366 and 390 px of the part of the page the step is about (`focus`, scrolled into view).
 */
async function check(page: Page, lang: Lang, name: string, focus: string) {
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await seriousViolations(page), `${name} (${lang})`).toEqual([]);
  await page.evaluate(() => document.fonts.ready);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll, `${name} (${lang}) at ${width} px`).toBeLessThanOrEqual(widths.client);
    await page.locator(focus).first().scrollIntoViewIfNeeded();
    await screenshot(page, `moves-${lang}-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function story(lang: Lang) {
  // The step a failure (a timeout above all, which names none) stopped at.
  let step = 'starting Pacte';
  onTestFailed(() => console.error(`moves story (${lang}) stopped at: ${step}`));
  const server = await startPacte();
  try {
    const words = WORDS[lang];
    const focalToken = await signInToken(server, FOCAL, demoAccount(server, FOCAL).password);
    const validatorToken = await signInToken(server, VALIDATOR, demoAccount(server, VALIDATOR).password);
    const api = <T>(token: string, method: string, path: string, body?: unknown) =>
      callApi<T>(server, token, method, path, body);
    const dashboard = () => api<Dashboard>(focalToken, 'GET', `${REVIEW}/workspace`);
    const questions = (await dashboard()).sections.flatMap((s) => s.questions);
    const written = questions.filter((q) => q.status !== 'not_started');
    const mine = written.find((q) => q.status === 'drafting' || q.status === 'changes_requested')!;
    expect(mine).toBeDefined();

    // 1. Answers wait for approval: « Valider » is not offered, and the page says why, with the count.
    step = '1. Answers wait for approval';
    const focal = await signIn(server, FOCAL, lang);
    await focal.goto(`${server.url}${APP_REVIEW}?lang=${lang}`);
    const blocked = focal.locator('#review-blocked-validated');
    await blocked.waitFor();
    const before = (await dashboard()).blockedMoves.find((b) => b.to === 'validated')!;
    expect(before.code).toBe('review.answers_not_approved');
    await expect(blocked.textContent()).resolves.toContain(words.notYet);
    if (lang === 'fr')
      await expect(blocked.textContent()).resolves.toContain(
        `${before.details.notApproved} réponses sur ${before.details.total}`,
      );
    await expect(focal.locator('#review-move-validated').count()).resolves.toBe(0);
    await expect(blocked.locator('a[href="#dashboard-questions"]').count()).resolves.toBe(1);
    await check(focal, lang, '1-validate-blocked', '#dashboard-moves');

    // 2. The focal point wrote this answer's text (set up through the API): no « Approuver », and why.
    step = '2. The focal point’s own answer';
    const answerPath = `${REVIEW}/answers/${mine.id}`;
    await api(focalToken, 'PUT', answerPath, {
      blocks: [{ type: 'paragraph', text: lang === 'fr' ? 'Texte du point focal.' : 'نص جهة التنسيق.' }],
      baseRevision: mine.revision,
    });
    await api(focalToken, 'POST', `${answerPath}/status`, { to: 'in_review' });
    await focal.goto(`${server.url}/app${answerPath}?lang=${lang}`);
    await focal.locator('.move-blocked', { hasText: words.selfApproval }).waitFor();
    await expect(focal.locator('#answer-move-approved').count()).resolves.toBe(0);
    await check(focal, lang, '2-own-answer', '.move-blocked');

    // Set-up: a ministry's contribution submitted and not merged (the checklist will name it), then
    step = 'Set-up';
    // every other written answer sent to review and approved (the validator), through the API.
    const other = written.find((q) => q.id !== mine.id)!;
    const interior = (
      await api<{ entities: { id: number; name: string }[] }>(focalToken, 'GET', '/entities')
    ).entities.find((e) => e.name === "Ministère de l'Intérieur")!;
    await api(focalToken, 'POST', `${REVIEW}/assignments`, {
      questionIds: [other.id],
      entityId: interior.id,
      dueOn: '2099-12-31',
    });
    const contributorToken = await signInToken(server, CONTRIBUTOR, demoAccount(server, CONTRIBUTOR).password);
    const contribution = `${REVIEW}/answers/${other.id}/contributions/${interior.id}`;
    await api(contributorToken, 'PUT', contribution, {
      blocks: [{ type: 'paragraph', text: 'Chiffres de 2024.' }],
      baseRevision: 0,
    });
    await api(contributorToken, 'POST', `${contribution}/submit`);
    for (const q of written.filter((q) => q.id !== mine.id && q.status !== 'approved')) {
      const path = `${REVIEW}/answers/${q.id}/status`;
      if (q.status !== 'in_review') await api(focalToken, 'POST', path, { to: 'in_review' });
      await api(validatorToken, 'POST', path, { to: 'approved' });
    }

    // 3. The validator approves the focal point's text, after a confirmation; the page says so.
    step = '3. The validator approves the focal point’s text';
    const validator = await signIn(server, VALIDATOR, lang);
    await validator.goto(`${server.url}/app${answerPath}?lang=${lang}`);
    await validator.click('#answer-move-approved');
    await validator.locator('.move-confirm').waitFor();
    await check(validator, lang, '3-approve-confirm', '.move-confirm');
    await validator.click('#answer-move-confirm');
    const approved = validator.locator('#answer-move-done');
    await approved.waitFor();
    await expect(approved.getAttribute('role')).resolves.toBe('status');
    await expect(validator.evaluate(() => document.activeElement?.id)).resolves.toBe('answer-move-done');
    expect((await api<{ status: string }>(focalToken, 'GET', answerPath)).status).toBe('approved');

    // 4. Everything approved: « Valider » is offered; its confirmation says what it does; done, said, tagged.
    step = '4. Everything approved';
    await focal.goto(`${server.url}${APP_REVIEW}?lang=${lang}`);
    await focal.click('#review-move-validated');
    await focal.locator('.move-confirm h3').waitFor();
    await expect(focal.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H3');
    await check(focal, lang, '4-validate-confirm', '.move-confirm');
    await focal.click('#review-move-confirm');
    await focal.locator('#review-move-done', { hasText: words.validated }).waitFor();
    await expect(focal.evaluate(() => document.activeElement?.id)).resolves.toBe('review-move-done');
    await focal.locator('.summary .tag', { hasText: words.validatedTag }).waitFor();
    expect((await dashboard()).status).toBe('validated');

    // 5. Submitting: the confirmation shows the API's checklist, takes a note; then says the submission's number.
    step = '5. Submitting';
    await focal.click('#review-move-submitted');
    await focal.locator('#review-move-note').waitFor();
    const { checklist } = await dashboard();
    expect(checklist.toMerge).toEqual({ count: 1, questions: [other.id] });
    for (const [key, item] of Object.entries(checklist)) {
      const line = focal.locator(`#checklist-${key}`);
      await expect(line.count(), key).resolves.toBe(item.count > 0 ? 1 : 0);
      if (item.count > 0) {
        await expect(line.locator('a').count()).resolves.toBe(item.questions.length);
        if (lang === 'fr') await expect(line.textContent()).resolves.toContain(String(item.count));
      }
    }
    if (Object.values(checklist).every((item) => item.count === 0)) await focal.locator('#checklist-clear').waitFor();
    // Publishing is not offered beside « Soumettre ».
    await expect(focal.locator('#review-move-published').count()).resolves.toBe(0);
    await focal.fill('#review-move-note', NOTE[lang]);
    await check(focal, lang, '5-submit-confirm', '.checklist');
    await focal.click('#review-move-confirm');
    await focal.locator('#review-move-done', { hasText: words.submitted }).waitFor();
    const submissions = await api<{ submissions: { number: number; note: string | null }[] }>(
      focalToken,
      'GET',
      `${REVIEW}/submissions`,
    );
    expect(submissions.submissions.map((s) => [s.number, s.note])).toEqual([[1, NOTE[lang]]]);

    // 6. Publishing has its own section, apart from the review's other moves, and its own confirmation.
    step = '6. Publishing has its own section';
    const publish = focal.locator('section[aria-labelledby="dashboard-publish"]');
    await publish.locator('#review-move-published').waitFor();
    await expect(
      focal.locator('section[aria-labelledby="dashboard-moves"] #review-move-published').count(),
    ).resolves.toBe(0);
    await check(focal, lang, '6-publish-section', '#dashboard-publish');
    // The demo review has been published before: this is its next version, and the pages say which.
    const next = Math.max(0, ...(await dashboard()).versions.map((v) => v.version)) + 1;
    await publish.locator('#review-move-published').click();
    const confirmation = publish.locator('.move-confirm');
    await confirmation.waitFor();
    if (lang === 'fr') await expect(confirmation.textContent()).resolves.toContain(`version ${next}`);
    await publish.locator('#review-move-confirm').click();
    const published = focal.locator('#review-move-done', { hasText: words.published });
    await published.waitFor();
    if (lang === 'fr') await expect(published.textContent()).resolves.toContain(`version ${next}`);
    expect((await dashboard()).status).toBe('published');
    await check(focal, lang, '7-published', '#review-move-done');

    // Correcting the published review asks for a reason: none given is said in the error summary.
    step = 'Correcting the published review asks for a reason';
    await focal.click('#review-move-draft');
    await focal.click('#review-move-confirm');
    await focal.locator('.move-confirm .error-summary a[href="#review-move-reason"]').waitFor();
    await check(focal, lang, '7b-correct-needs-reason', '.move-confirm');
    await focal.fill('#review-move-reason', lang === 'fr' ? 'Un chiffre à corriger.' : 'رقم يحتاج إلى تصحيح.');
    await focal.click('#review-move-confirm');
    await focal.locator('#review-move-done', { hasText: words.corrected }).waitFor();
    expect((await dashboard()).status).toBe('draft');

    // 7. The administrator waives the separation of duties for Morocco, after a warning and a confirmation.
    step = '7. The administrator waives the separation of duties';
    const admin = await signIn(server, ADMIN, lang);
    await admin.click('.app-nav a[href^="/app/admin/countries"]');
    await admin.selectOption('#settings-country', 'MAR');
    await admin.locator('#settings-current').waitFor();
    await admin.check('#settings-self-approval-on');
    await admin.click('#settings-save');
    await admin.locator('.move-confirm h2').waitFor();
    await check(admin, lang, '8-waiver-confirm', '.move-confirm');
    await admin.click('#settings-confirm');
    await admin.locator('#settings-done', { hasText: words.waived }).waitFor();
    // The change is in the audit log, and the page lists it with who made it.
    await admin.locator('[aria-labelledby="settings-changes"] li', { hasText: 'Claire Dumas' }).waitFor();
    await check(admin, lang, '9-waiver-done', '#settings-done');
    const adminToken = await signInToken(server, ADMIN, demoAccount(server, ADMIN).password);
    const settings = await api<{ selfApproval: boolean; changes: { actor: string; selfApproval: boolean }[] }>(
      adminToken,
      'GET',
      '/countries/MAR/settings',
    );
    expect(settings.selfApproval).toBe(true);
    expect(settings.changes).toEqual([expect.objectContaining({ actor: ADMIN, selfApproval: true })]);
  } finally {
    step = 'stopping Pacte';
    await server.stop();
  }
}

describe('review moves, confirmations and the checklist', () => {
  it('in French', () => story('fr'), STORY_TIMEOUT);
  it('in Arabic, right to left', () => story('ar'), STORY_TIMEOUT);
});
