/// <reference lib="dom" />
// Issue 12, item 5 (no dead ends) and the leftovers of item 9, in real Chromium through the
// pages, in French then in Arabic (one demo server; other questions for each language). The
// focal point gives two questions to the Ministry of the Interior (over the API: the setup); its
// contributor signs in and follows every link of its to-do list, its notifications and its answer
// page: each opens a real page (never « introuvable » / « n'existe pas »), the review's address a
// view of its own questions. On the answer page it uploads a Word file, replaces it with an
// OpenDocument file, removes it after a confirmation; chooses a file and submits without
// uploading it (the file is sent first, never dropped); reads why its submitted contribution no
// longer changes. The focal point's invitation form asks the person's name. The public review
// page is headed and titled « country — cycle » in the page's language. Axe 0 serious and no sideways scroll at 390 px on each page; screenshots.
import { Document, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  demoAccount,
  launchChromium,
  requireWebBuild,
  screenshot,
  seriousViolations,
  signInToken,
  startPacte,
  typeInEditor,
  type DemoAccount,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const REVIEW = '/reviews/MAR/arab-2021';
const INTERIOR = "Ministère de l'Intérieur";
const TIMEOUT = 240_000;

const CASE = {
  fr: {
    questions: ['III.a', 'III.b'],
    country: 'Maroc',
    text: 'Le ministère a ouvert trois guichets d’accueil en 2024.',
    added: 'a été joint',
    replaced: 'a été remplacé',
    removed: 'a été retiré',
    replace: 'Remplacer',
    remove: 'Retirer',
    yes: 'Oui, retirer le fichier',
    lockedSubmitted: 'Vous avez soumis cette contribution',
    noAccess: 'Vous n’avez pas accès à cette page',
  },
  ar: {
    questions: ['III.c', 'III.d'],
    country: 'المغرب',
    text: 'فتحت الوزارة ثلاثة مكاتب استقبال في عام 2024.',
    added: 'أُرفق الملف',
    replaced: 'استُبدل',
    removed: 'أُزيل الملف',
    replace: 'استبدال',
    remove: 'إزالة',
    yes: 'نعم، أزيلوا الملف',
    lockedSubmitted: 'قدّمتم هذه المساهمة',
    noAccess: 'ليس لديكم إذن بالوصول إلى هذه الصفحة',
  },
} as const;

/** What a dead end says, in either language (the app's words and the API's). */
const DEAD_END =
  /introuvable|n[’']existe pas|not found|does not exist|غير موجودة|لا يوجد|Vous n’avez pas accès|You do not have access|ليس لديكم إذن/u;

let browser: Browser;
let server: PacteServer;
let focalToken: string;
let interiorId: number;
let cycleTitle: Record<string, string>;
const contexts: BrowserContext[] = [];
let docx: Buffer;
const odt = Buffer.from(
  zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8('<office:document-content/>'),
  }),
);

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
  server = await startPacte();
  const focal = server.accounts.find((a) => a.role === 'focal_point')!;
  focalToken = await signInToken(server, focal.email, focal.password);
  const { entities } = await callApi<{ entities: { id: number; name: string }[] }>(
    server,
    focalToken,
    'GET',
    '/entities?country=MAR',
  );
  interiorId = entities.find((e) => e.name === INTERIOR)!.id;
  cycleTitle = (await callApi<{ title: Record<string, string> }>(server, null, 'GET', '/cycles/arab-2021')).title;
  docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Bilan 2024')] }] }));
}, 150_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await server?.stop();
  await browser?.close();
});

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

/** Axe, no sideways scroll at 390 px, screenshots at both widths (looked at by hand) of `shown`. */
async function checkPage(page: Page, name: string, lang: Lang, shown?: string) {
  if (shown) await page.locator(shown).first().scrollIntoViewIfNeeded();
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
  await screenshot(page, `dead-ends-${name}-${lang}-desktop`);
  await page.setViewportSize({ width: 390, height: 844 });
  if (shown) await page.locator(shown).first().scrollIntoViewIfNeeded();
  const widths = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(widths[0], `${name} at 390 px: scrollWidth ≤ clientWidth`).toBeLessThanOrEqual(widths[1]!);
  await screenshot(page, `dead-ends-${name}-${lang}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The app's links in the page's main part (to other pages of the app, not to files or anchors). */
const appLinks = (page: Page) =>
  page
    .locator('main a[href^="/app/"]')
    .evaluateAll((links) => [
      ...new Set(links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!.split(/[?#]/u)[0]!)),
    ]);

/** Opens each link and checks it leads somewhere real: a heading, and no dead end's words. */
async function followEach(page: Page, links: string[], lang: Lang) {
  const back = page.url();
  for (const href of links) {
    await page.goto(`${server.url}${href}?lang=${lang}`);
    const heading = page.locator('main h1');
    await heading.waitFor();
    // Wait for the page's data (« Chargement » gone), then read it.
    await expect.poll(() => page.locator('main [role=status].muted').count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text, `${href}: ${text.slice(0, 200)}`).not.toMatch(DEAD_END);
  }
  await page.goto(back);
}

interface Contribution {
  status: string;
  evidence: { id: number; fileName: string; mediaType: string }[];
}
const contributionOf = (questionId: string) =>
  callApi<Contribution>(server, focalToken, 'GET', `${REVIEW}/answers/${questionId}/contributions/${interiorId}`);

describe.each(['fr', 'ar'] as const)('no dead ends for a contributor (%s)', (lang) => {
  const c = CASE[lang];

  it(
    'follows every link to a real page, changes its evidence files, never loses a chosen file, says why it is read-only',
    async () => {
      // The setup: the focal point gives two questions to the Interior (the to-do list and a notification).
      await callApi(server, focalToken, 'POST', `${REVIEW}/assignments`, {
        questionIds: [...c.questions],
        entityId: interiorId,
        dueOn: '2031-03-31',
      });
      const contributor = demoAccount(server, 'contributor.interieur@demo.pacte.local');
      const { page, problems } = await signIn(contributor, lang);

      // ── its to-do list: the review, its questions, its notifications, each a real page ──
      await page.locator('#tasks-assigned ~ ul a .question-id', { hasText: c.questions[0] }).waitFor();
      await page.locator('#tasks-notifications').waitFor();
      await checkPage(page, 'tasks', lang);
      // The notification of the assignment leads to its question too.
      const notified = page.locator('section[aria-labelledby=tasks-notifications] a[href^="/app/"]');
      await expect.poll(() => notified.count()).toBeGreaterThan(0);
      const fromTasks = await appLinks(page);
      expect(fromTasks).toContain(`/app${REVIEW}`);
      expect(fromTasks).toContain(`/app${REVIEW}/answers/${c.questions[0]}`);
      await followEach(page, fromTasks, lang);

      // ── the review's address: the contributor's own part of it, named by names ──────────
      await page.goto(`${server.url}/app${REVIEW}?lang=${lang}`);
      const heading = page.locator('main h1');
      await expect.poll(() => heading.textContent()).toBe(`${c.country} — ${cycleTitle[lang]}`);
      for (const id of c.questions) await page.locator('main .question-id', { hasText: id }).first().waitFor();
      await checkPage(page, 'review', lang);
      await followEach(page, await appLinks(page), lang);

      // ── a page it may not see says so, with the way back (never « n'existe pas ») ────────
      await page.goto(`${server.url}/app/reviews/TUN/arab-2021?lang=${lang}`);
      await expect.poll(() => page.locator('main h1').textContent()).toBe(c.noAccess);
      await page.locator('main a[href^="/app/tasks"]').waitFor();
      await checkPage(page, 'no-access', lang);

      // ── the answer page: every link real; a Word file uploaded, replaced, removed ───────
      const question = c.questions[0];
      await page.goto(`${server.url}/app${REVIEW}/answers/${question}?lang=${lang}`);
      const editor = page.locator('[id^="contribution-text-"][contenteditable]');
      await editor.waitFor();
      await followEach(page, await appLinks(page), lang);
      await editor.waitFor();
      await typeInEditor(page, (await editor.getAttribute('id'))!, c.text);
      const file = page.locator('.evidence input[type=file]').first();
      // The hint names the accepted types, Word's among them.
      expect(await page.locator('.evidence .hint, .evidence [id$="-hint"]').first().textContent()).toContain('.docx');
      await file.setInputFiles({ name: 'bilan 2024.docx', mimeType: 'application/octet-stream', buffer: docx });
      await page.locator('.evidence form button[type=submit]').last().click();
      await page.locator('.evidence .notice[role=status]', { hasText: c.added }).waitFor();
      await page.locator('.evidence-list a', { hasText: 'bilan 2024.docx' }).waitFor();
      expect((await contributionOf(question)).evidence.map((e) => e.fileName)).toEqual(['bilan 2024.docx']);
      await checkPage(page, 'evidence-added', lang, '.evidence');

      await page.locator('.evidence-list button', { hasText: c.replace }).click();
      await page.locator('.evidence-replace input[type=file]').setInputFiles({
        name: 'bilan 2024.odt',
        mimeType: 'application/vnd.oasis.opendocument.text',
        buffer: odt,
      });
      await page.locator('.evidence-replace button[type=submit]').click();
      await page.locator('.evidence .notice[role=status]', { hasText: c.replaced }).waitFor();
      const replaced = (await contributionOf(question)).evidence;
      expect(replaced.map((e) => [e.fileName, e.mediaType])).toEqual([
        ['bilan 2024.odt', 'application/vnd.oasis.opendocument.text'],
      ]);

      await page.locator('.evidence-list button', { hasText: c.remove }).click();
      // A confirmation first: nothing removed yet.
      await page.locator('.evidence-list .confirm').waitFor();
      await checkPage(page, 'evidence-confirm', lang, '.evidence-list .confirm');
      expect((await contributionOf(question)).evidence).toHaveLength(1);
      await page.locator('.evidence-list .confirm button', { hasText: c.yes }).click();
      await page.locator('.evidence .notice[role=status]', { hasText: c.removed }).waitFor();
      expect((await contributionOf(question)).evidence).toEqual([]);

      // ── a file chosen and not uploaded goes with the submission ─────────────────────────
      await file.setInputFiles({ name: 'annexe.docx', mimeType: 'application/octet-stream', buffer: docx });
      await page.locator('.draft-editor .button-group button').last().click();
      await page.locator('.locked-reason', { hasText: c.lockedSubmitted }).waitFor();
      const submitted = await contributionOf(question);
      expect(submitted.status).toBe('submitted');
      expect(submitted.evidence.map((e) => e.fileName)).toEqual(['annexe.docx']);
      // Read-only, and why: no more upload form, no « Retirer ».
      await expect(page.locator('.evidence input[type=file]').count()).resolves.toBe(0);
      await expect(page.locator('.evidence-list button').count()).resolves.toBe(0);
      await checkPage(page, 'submitted', lang, '.locked-reason');
      expect(problems).toEqual([]);
    },
    TIMEOUT,
  );

  it('asks the name of the person a focal point invites, and lists the invitation by that name', async () => {
    const focal = server.accounts.find((a) => a.role === 'focal_point')!;
    const { page, problems } = await signIn(focal, lang);
    await page.goto(`${server.url}/app/people?lang=${lang}`);
    const submit = page.locator('#people-invite ~ form button[type=submit]');
    await submit.click();
    // Nothing filled in: the name first among what is missing, linked from the summary.
    await page.locator('.error-summary a[href="#invite-name"]').waitFor();
    await expect(page.locator('#invite-name').getAttribute('aria-invalid')).resolves.toBe('true');
    await checkPage(page, 'invite-refused', lang, '#people-invite');
    const name = lang === 'fr' ? 'Amina Tazi' : 'أمينة التازي';
    const email = `invite.${lang}@demo.pacte.local`;
    await page.fill('#invite-name', name);
    await page.fill('#invite-email', email);
    await page.selectOption('#invite-entity', String(interiorId));
    await submit.click();
    await page.locator('#pending-invitations li', { hasText: name }).filter({ hasText: email }).waitFor();
    await page.locator('#people-invite ~ .notice[role=status], #people-invite + .notice', { hasText: name }).waitFor();
    const { invitations } = await callApi<{ invitations: { email: string; name: string | null }[] }>(
      server,
      focalToken,
      'GET',
      '/invitations',
    );
    expect(invitations.find((i) => i.email === email)?.name).toBe(name);
    await checkPage(page, 'invited', lang, '#pending-invitations');
    expect(problems).toEqual([]);
  });

  it('heads and titles the public review page « country — cycle » in the page’s language', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}${REVIEW}?lang=${lang}`);
    const expected = `${c.country} — ${cycleTitle[lang]}`;
    await expect(page.locator('h1').textContent()).resolves.toBe(expected);
    expect((await page.title()).startsWith(expected), await page.title()).toBe(true);
    expect(await page.title()).not.toMatch(/\bMAR\b|arab-2021/);
    await checkPage(page, 'portal-review', lang);
  });
});

describe('a stakeholder during the consultation', () => {
  it(
    'finds every question of the review at its address, to give its organisation’s view (fr, ar)',
    async () => {
      await callApi(server, focalToken, 'POST', `${REVIEW}/status`, { to: 'in_consultation' });
      const stakeholder = server.accounts.find((a) => a.role === 'stakeholder')!;
      for (const lang of ['fr', 'ar'] as const) {
        const { page, problems } = await signIn(stakeholder, lang);
        await page.goto(`${server.url}/app${REVIEW}?lang=${lang}`);
        const questions = page.locator('section[aria-labelledby=stakeholder-questions] a');
        await expect.poll(() => questions.count()).toBe(24);
        await checkPage(page, 'stakeholder-review', lang, '#stakeholder-questions');
        // The first questions lead to real pages where it writes its view.
        await followEach(page, (await appLinks(page)).filter((href) => href.includes('/answers/')).slice(0, 2), lang);
        expect(problems).toEqual([]);
      }
    },
    TIMEOUT,
  );
});
