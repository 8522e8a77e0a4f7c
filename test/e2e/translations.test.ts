/// <reference lib="dom" />
// Human translations of submitted answers (issue 13, item 2), in real Chromium, through the pages:
// on the fictional demo region (`serve --demo`), the secretariat opens an Arabic-speaking
// country's submission and translates an answer into French, on the French page; then, on the
// Arabic page (right to left), a French-speaking country's answer into Arabic. Each time the
// translation is then shown beside the original, marked « Traduction (humaine) par … », in its own
// language and direction. A translator the secretariat invited finds its home: what is left to
// translate. Every page: no sideways scrolling at 390 px, no serious axe-core violation,
// screenshots. The API only reads state back (and accepts the translator's invitation).
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
  typeInEditor,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const CYCLE = 'demo-2';
const SECRETARIAT = 'secretariat.demo@demo.pacte.local';
const PASSWORD = 'a long demo password 2026';
const QUESTION = 'I.a';

/** Submitted countries of the demo region, in turn fr, ar, en: XAB answers in Arabic, XAA in French. */
const STORY = {
  fr: {
    country: 'XAB',
    target: 'fr',
    button: 'Traduire en français',
    text: 'Le pays décrit sa politique migratoire et ses partenaires.',
    mark: 'Traduction (humaine) par',
  },
  ar: {
    country: 'XAA',
    target: 'ar',
    button: 'ترجمة إلى العربية',
    text: 'يصف البلد سياسته في مجال الهجرة وشركاءه.',
    mark: 'ترجمة (بشرية) أعدّها',
  },
} as const;

let browser: Browser;
let server: PacteServer;
const contexts: BrowserContext[] = [];

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

const api = <T>(token: string | null, method: string, path: string, body?: unknown) =>
  callApi<T>(server, token, method, path, body);
const secretariatToken = () => signInToken(server, SECRETARIAT, demoAccount(server, SECRETARIAT).password);

type Translations = { translations: { questionId: string; language: string; blocks: { text: string }[] }[] };

const signIn = (email: string, password: string, lang: Lang) =>
  signedInPage(browser, server, { email, password }, lang, { contexts });

const checkStoryPage = (page: Page, name: string, lang: Lang) => checkPage(page, `translations-${name}`, lang);

async function story(lang: Lang) {
  const words = STORY[lang];
  const page = await signIn(SECRETARIAT, demoAccount(server, SECRETARIAT).password, lang);
  await page.goto(`${server.url}/app/reviews/${words.country}/${CYCLE}/submissions/1?lang=${lang}`);
  const question = page.locator('.submission-question').first();
  await question.locator('h4', { hasText: QUESTION }).waitFor();
  // Nothing translated yet: the answer alone, and the buttons to translate it.
  expect(await question.locator('.translation').count()).toBe(0);
  await question.locator('button', { hasText: words.button }).click();
  const editorId = `translation-I-a-${words.target}`;
  await page.locator(`[id="${editorId}"][contenteditable=true]`).waitFor();
  // The original stays beside the editor, in its own language.
  await expect(question.locator('.translation-original [lang]').first().getAttribute('lang')).resolves.toBe(
    words.target === 'fr' ? 'ar' : 'fr',
  );
  await question.scrollIntoViewIfNeeded();
  await checkStoryPage(page, 'editor', lang);

  await typeInEditor(page, editorId, words.text);
  await expect(page.locator(`[id="${editorId}"]`).textContent()).resolves.toContain(words.text);
  await question.locator('button[type=submit]').click();
  // Saved (the notice), or refused: the error summary says why, and the test says it too.
  await page.locator('main .notice[role=status], .error-summary').first().waitFor();
  expect(await page.locator('.error-summary').allTextContents()).toEqual([]);
  // Shown beside the original, marked as a translation, in its language and direction.
  const shown = question.locator('.translation');
  await shown.waitFor();
  await expect(shown.locator('.translation-meta').textContent()).resolves.toContain(words.mark);
  const body = shown.locator(`[lang="${words.target}"]`);
  await expect(body.getAttribute('dir')).resolves.toBe(words.target === 'ar' ? 'rtl' : 'ltr');
  await expect(body.textContent()).resolves.toContain(words.text);
  await question.scrollIntoViewIfNeeded();
  await checkStoryPage(page, 'beside', lang);

  const saved = await api<Translations>(
    await secretariatToken(),
    'GET',
    `/reviews/${words.country}/${CYCLE}/submissions/1/translations`,
  );
  expect(saved.translations.find((x) => x.questionId === QUESTION && x.language === words.target)?.blocks).toEqual([
    { type: 'paragraph', text: words.text },
  ]);
}

/**
 * The country's focal point changes its answer to I.a and submits again (set-up through the API,
 * as the country would through its own pages): the secretariat returns submission 1 first.
 */
async function resubmitChanged(country: string, text: string) {
  await api(await secretariatToken(), 'POST', `/reviews/${country}/${CYCLE}/submissions/1/return`, {
    reason: 'Merci de préciser la section I.',
  });
  const email = `focal.point.${country.toLowerCase()}@demo.pacte.local`;
  const focal = await signInToken(server, email, demoAccount(server, email).password);
  const review = `/reviews/${country}/${CYCLE}`;
  await api(focal, 'POST', `${review}/answers/${QUESTION}/status`, { to: 'drafting', comment: 'Précision.' });
  const { revision } = await api<{ revision: number }>(focal, 'GET', `${review}/answers/${QUESTION}`);
  await api(focal, 'PUT', `${review}/answers/${QUESTION}`, {
    blocks: [{ type: 'paragraph', text }],
    baseRevision: revision,
  });
  await api(focal, 'POST', `${review}/answers/${QUESTION}/status`, { to: 'in_review' });
  await api(focal, 'POST', `${review}/answers/${QUESTION}/status`, { to: 'approved' });
  await api(focal, 'POST', `${review}/status`, { to: 'validated' });
  await api(focal, 'POST', `${review}/status`, { to: 'submitted' });
}

describe('translations of submitted answers in the browser', () => {
  it('the secretariat translates an Arabic answer into French, beside the original (fr)', async () => {
    await story('fr');
  }, 240_000);

  it('the secretariat translates a French answer into Arabic, beside the original (ar, right to left)', async () => {
    await story('ar');
  }, 240_000);

  it('flags the Arabic translation once the country resubmits a changed answer (ar)', async () => {
    await resubmitChanged(STORY.ar.country, 'Le comité ad hoc devient une commission permanente en 2026.');
    const page = await signIn(SECRETARIAT, demoAccount(server, SECRETARIAT).password, 'ar');
    await page.goto(`${server.url}/app/reviews/${STORY.ar.country}/${CYCLE}/submissions/2?lang=ar`);
    const question = page.locator('.submission-question').first();
    const outdated = question.locator('.translation-outdated');
    await outdated.waitFor();
    await expect(outdated.textContent()).resolves.toContain('ترجمة الإرسال رقم 1: تغيّرت الإجابة منذ ذلك الحين');
    // Still the translation of submission 1, beside the new answer; « ترجمة إلى العربية » makes one of submission 2.
    await expect(question.locator('.translation [lang="ar"]').textContent()).resolves.toContain(STORY.ar.text);
    await question.locator('button', { hasText: STORY.ar.button }).waitFor();
    await question.scrollIntoViewIfNeeded();
    await checkStoryPage(page, 'outdated', 'ar');
  }, 240_000);

  it('a translator the secretariat invited finds what is left to translate', async () => {
    const email = 'translator.demo@demo.pacte.local';
    const invited = await api<{ link: string | null }>(await secretariatToken(), 'POST', '/invitations', {
      email,
      role: 'translator',
      region: 'demo',
    });
    const token = new URL(invited.link!).searchParams.get('token');
    await api(null, 'POST', '/invitations/accept', { token, password: PASSWORD, name: 'Traductrice (démo)' });
    for (const lang of ['fr', 'ar'] as const) {
      const page = await signIn(email, PASSWORD, lang);
      await page.locator('.translation-work > li').first().waitFor();
      // XAB's answer I.a is in French now: one fewer to translate into French.
      const xab = page.locator('.translation-work > li', { hasText: lang === 'fr' ? 'soumission n°' : 'الإرسال رقم' });
      expect(await xab.count()).toBeGreaterThan(0);
      await checkStoryPage(page, 'home', lang);
      // Its link opens the submission, where it may translate too.
      await page.locator('.translation-work > li a').first().click();
      await page.locator('.translation-actions button').first().waitFor();
    }
  }, 240_000);
});
