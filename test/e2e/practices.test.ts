/// <reference lib="dom" />
// The repository of practices, in real Chromium, through the pages: on the fictional demo region
// (`serve --demo`), the focal point of XAA proposes a practice with the app's form (« Proposer une
// pratique », from its review page's link), the region's secretariat finds it in its queue,
// takes it into review and publishes it (each move confirmed); the signed-out portal lists it,
// and filtering by its objective keeps it while another objective leaves it out; its public page
// quotes the passage of XAA's submission the practice was proposed from, linking to no submission.
// In French, then in Arabic (right to left) with a second practice. Every page: no sideways
// scrolling at 390 px, no serious axe-core violation, screenshots in test-results/.
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
  startPacte,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const COUNTRY = 'XAA';
const CYCLE = 'demo-2';
const SECRETARIAT = 'secretariat.demo@demo.pacte.local';
const FOCAL = `focal.point.${COUNTRY.toLowerCase()}@demo.pacte.local`;
interface Words {
  link: string;
  propose: string;
  submit: string;
  queue: string;
  review: string;
  publish: string;
  proposed: string;
  published: string;
}
const STORY: Record<Lang, { title: string; objective: number; other: number; words: Words }> = {
  fr: {
    title: 'Permanence juridique fictive pour les migrants',
    objective: 5,
    other: 21,
    words: {
      link: 'Pratiques de mon pays : en proposer une',
      propose: 'Proposer une pratique',
      submit: 'Proposer la pratique',
      queue: 'Pratiques',
      review: 'Examiner',
      publish: 'Publier',
      proposed: 'Proposée',
      published: 'Publiée',
    },
  },
  ar: {
    title: 'عيادة قانونية افتراضية للمهاجرين',
    objective: 7,
    other: 22,
    words: {
      link: 'ممارسات بلدي: اقتراح ممارسة',
      propose: 'اقتراح ممارسة',
      submit: 'اقتراح الممارسة',
      queue: 'الممارسات',
      review: 'مراجعة',
      publish: 'نشر',
      proposed: 'مقترحة',
      published: 'منشورة',
    },
  },
};

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

/** A signed-out page of the portal (its language is in each address). */
async function portalPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

/** The secretariat moves the practice titled `title` one step, through its page, confirming. */
async function moveFromQueue(page: Page, lang: Lang, title: string, button: string) {
  await page.goto(`${server.url}/app/region/practices?lang=${lang}`);
  await page.getByRole('link', { name: title }).first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.locator('.practice-moves').getByRole('button', { name: button, exact: true }).click();
  await page.locator('.practice-confirm').getByRole('button', { name: button, exact: true }).click();
  await page.locator('.notice[role=status]').waitFor();
}

describe.each(['fr', 'ar'] as const)('a practice proposed, published and found (%s)', (lang) => {
  const story = STORY[lang];
  const w = story.words;
  let id = 0;

  it('the focal point proposes it with the form, from its review page', async () => {
    const page = await signedInPage(browser, server, demoAccount(server, FOCAL), lang, { contexts });
    await page.goto(`${server.url}/app/reviews/${COUNTRY}/${CYCLE}?lang=${lang}`);
    await page.getByRole('link', { name: w.link }).click();
    await page.getByRole('link', { name: w.propose }).click();
    await page.locator('#practice-title').waitFor();
    // Submitting it empty: the error summary links to the title.
    await page.getByRole('button', { name: w.submit }).click();
    await page.locator('.error-summary a[href="#practice-title"]').waitFor();
    await checkPage(page, 'practices-form-errors', lang);
    // From a passage: the first paragraph of the first question XAA's submission answers.
    await page.selectOption('#practice-source', { index: 1 });
    const quoted = (await page.locator('.practice-source blockquote').textContent()) ?? '';
    expect(quoted.length).toBeGreaterThan(10);
    await page.fill('#practice-title', story.title);
    await page.fill('#practice-summary', `${story.title} — résumé fictif.`);
    await page.check(`#practice-objectives-${story.objective}`);
    await page.check('#practice-stakeholders-civil_society');
    await page.fill('#practice-links', 'https://example.org/permanence');
    await page.getByRole('button', { name: w.submit }).click();
    await page.getByRole('heading', { level: 1, name: story.title }).waitFor();
    await expect(page.locator('.practice-state').first().textContent()).resolves.toBe(w.proposed);
    id = Number(/\/practices\/(\d+)/u.exec(page.url())?.[1]);
    expect(id).toBeGreaterThan(0);
    await checkPage(page, 'practices-proposed', lang);
  });

  it('the secretariat takes it into review and publishes it from its queue', async () => {
    const page = await signedInPage(browser, server, demoAccount(server, SECRETARIAT), lang, { contexts });
    await page.goto(`${server.url}/app/region?lang=${lang}`);
    await page.getByRole('link', { name: w.queue, exact: true }).click();
    await page.getByRole('link', { name: story.title }).waitFor();
    await checkPage(page, 'practices-queue', lang);
    await moveFromQueue(page, lang, story.title, w.review);
    await moveFromQueue(page, lang, story.title, w.publish);
    await expect(page.locator('.practice-state').first().textContent()).resolves.toBe(w.published);
    // The secretariat translates its title into English (written by a person, in place).
    await page.locator('.practice-translation summary').click();
    await page.selectOption('#translation-language', 'en');
    await page.fill('#translation-title', `${story.title} (EN)`);
    await page.locator('.practice-translation button[type=submit]').click();
    await page.locator('.practice-translation .notice[role=status]').waitFor();
    await checkPage(page, 'practices-published', lang);
    // Read back through the API: published, and moved by the secretariat.
    const practice = await callApi<{ state: string }>(server, null, 'GET', `/practices/${id}`);
    expect(practice.state).toBe('published');
  });

  it('the portal lists it, filters it by objective, and shows its page', async () => {
    const page = await portalPage();
    await page.goto(`${server.url}/practices?lang=${lang}`);
    await page.getByRole('link', { name: story.title }).waitFor();
    await checkPage(page, 'practices-portal', lang);
    await page.selectOption('#practices-objective', String(story.objective));
    await page.locator('.practices-form button[type=submit]').click();
    await page.waitForURL(/objective=/u);
    await page.getByRole('link', { name: story.title }).waitFor();
    await checkPage(page, 'practices-portal-filtered', lang);
    await page.goto(`${server.url}/practices?lang=${lang}&objective=${story.other}`);
    await expect(page.getByRole('link', { name: story.title }).count()).resolves.toBe(0);
    await page.goto(`${server.url}/practices?lang=${lang}&objective=${story.objective}`);
    await page.getByRole('link', { name: story.title }).click();
    await page.getByRole('heading', { level: 1, name: story.title }).waitFor();
    // The passage is quoted; XAA's review is not published, so nothing links to its submission.
    await expect(page.locator('.practice-quote').count()).resolves.toBe(1);
    await expect(page.locator(`main a[href*="/reviews/${COUNTRY}/"]`).count()).resolves.toBe(0);
    // The English translation is offered, and read in place of the original.
    await page.locator('.practice-languages a[hreflang=en]').click();
    await page.getByRole('heading', { level: 1, name: `${story.title} (EN)` }).waitFor();
    await checkPage(page, 'practices-page', lang);
  });
});
