/// <reference lib="dom" />
// The regional secretariat and what the countries submitted, in real Chromium, through the pages:
// on the fictional demo region (`serve --demo`), the secretariat opens a country's submission and
// acknowledges receipt (its focal point is notified), opens another country's submission and
// returns it with a reason after the confirmation; that country's focal point signs in and reads
// the reason on top of its review's dashboard, and follows the link to the submission; the
// secretariat still finds the returned submission, as it was sent; and it invites a validator on
// the people page (pending). In French, then in Arabic (right to left), with other countries.
// Every page: no sideways scrolling at 390 px, no serious axe-core violation, screenshots.
// The API only reads state back, and gives the focal points the story needs an account (an
// invitation accepted with its token: the demo has no mail server, so the link is answered).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  signedInPage,
  callApi,
  demoAccount,
  signInToken,
  launchChromium,
  requireWebBuild,
  startPacte,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const CYCLE = 'demo-2';
const PASSWORD = 'a long demo password 2026';

/** Submitted countries of the demo region (the first 18 by code), different for each language. */
const STORY = {
  fr: {
    acknowledge: 'XAB',
    returned: 'XAA',
    validatorOf: 'XAE',
    reason: 'Merci de compléter la section II : les chiffres de 2023 manquent.',
    comment: 'Bien reçu, merci. Nous lirons la section III en premier.',
  },
  ar: {
    acknowledge: 'XAD',
    returned: 'XAC',
    validatorOf: 'XAF',
    reason: 'يرجى استكمال القسم الثاني: أرقام سنة 2023 غير موجودة.',
    comment: 'وصلنا التقديم، شكراً. سنبدأ بقراءة القسم الثالث.',
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

// ── the API, to read state back and to give focal points an account ──────────────────────────

const tokenOf = (email: string, password: string) => signInToken(server, email, password);
const api = <T>(token: string | null, method: string, path: string, body?: unknown) =>
  callApi<T>(server, token, method, path, body);
const account = (email: string) => demoAccount(server, email);
const SECRETARIAT = 'secretariat.demo@demo.pacte.local';
const secretariatToken = () => tokenOf(SECRETARIAT, account(SECRETARIAT).password);

/** The focal point of a demo country: XAA's exists; another is invited and accepts (set-up, not the story). */
async function focalPointOf(country: string): Promise<{ email: string; password: string }> {
  const email = `focal.point.${country.toLowerCase()}@demo.pacte.local`;
  const existing = server.accounts.find((a) => a.email === email);
  if (existing) return existing;
  const invited = await api<{ link: string | null }>(await secretariatToken(), 'POST', '/invitations', {
    email,
    role: 'focal_point',
    country,
  });
  const token = new URL(invited.link!).searchParams.get('token');
  await api(null, 'POST', '/invitations/accept', { token, password: PASSWORD });
  return { email, password: PASSWORD };
}

type Submission = {
  submittedBy: string;
  submittedByName: string;
  acknowledged: unknown;
  returned: { reason: string } | null;
  events: { kind: string; text: string | null }[];
};
const submissionOf = async (country: string) =>
  api<Submission>(await secretariatToken(), 'GET', `/reviews/${country}/${CYCLE}/submissions/1`);

// ── the browser ────────────────────────────────────────────────────────────────────────────

const signIn = (email: string, password: string, lang: Lang) =>
  signedInPage(browser, server, { email, password }, lang, { contexts });

async function goto(page: Page, path: string, lang: Lang, ready: string) {
  await page.goto(`${server.url}/app${path}?lang=${lang}`);
  await page.locator(ready).first().waitFor();
}

const checkStoryPage = (page: Page, name: string, lang: Lang) => checkPage(page, `submissions-${name}`, lang);

async function story(lang: Lang) {
  const words = STORY[lang];
  const acknowledgedFocal = await focalPointOf(words.acknowledge);
  const returnedFocal = await focalPointOf(words.returned);
  const secretariat = await signIn(SECRETARIAT, account(SECRETARIAT).password, lang);

  // 1. From the cycle's tracking table, the secretariat opens a country's submission, reads it as
  // it was received and acknowledges receipt.
  const latest = (country: string) => `a[href^="/app/reviews/${country}/${CYCLE}/submissions/1?"]`;
  await goto(secretariat, `/cycles/${CYCLE}`, lang, latest(words.acknowledge));
  await secretariat.click(latest(words.acknowledge));
  await secretariat.locator('#submission-review').waitFor();
  await expect(secretariat.locator('.synthetic-banner').count()).resolves.toBe(1);
  await expect(secretariat.locator('.answer-text').count()).resolves.toBeGreaterThan(0);
  // Who submitted it and who acknowledged it, by name, never by address.
  const received = await api<Submission>(
    await secretariatToken(),
    'GET',
    `/reviews/${words.acknowledge}/${CYCLE}/submissions/1?lang=${lang}`,
  );
  expect(received.submittedByName).not.toBe(received.submittedBy);
  const main = secretariat.locator('main');
  await expect(main.textContent()).resolves.toContain(received.submittedByName);
  await expect(main.textContent()).resolves.not.toContain(received.submittedBy);
  await checkStoryPage(secretariat, 'received', lang);
  await secretariat.click('#submission-acknowledge');
  await secretariat.locator('main .notice[role=status]').waitFor();
  await secretariat.locator('.submission-events li').first().waitFor();
  expect((await submissionOf(words.acknowledge)).acknowledged).not.toBeNull();
  await expect(secretariat.locator('.submission-actions, main').first().textContent()).resolves.not.toContain(
    SECRETARIAT,
  );
  const notified = await api<{ notifications: { kind: string; country: string }[] }>(
    await tokenOf(acknowledgedFocal.email, acknowledgedFocal.password),
    'GET',
    '/notifications',
  );
  expect(notified.notifications).toContainEqual(
    expect.objectContaining({ kind: 'submission_acknowledged', country: words.acknowledge }),
  );
  await checkStoryPage(secretariat, 'acknowledged', lang);
  // A comment, too: added to what happened to the submission.
  await secretariat.fill('#submission-comment', words.comment);
  await secretariat.click('form:has(#submission-comment) button[type=submit]');
  await secretariat.locator('.submission-events li', { hasText: words.comment }).waitFor();
  expect((await submissionOf(words.acknowledge)).events.map((e) => e.kind)).toEqual(['acknowledged', 'comment']);

  // 2. Another country's submission: returned with a reason, after the confirmation.
  await goto(secretariat, `/reviews/${words.returned}/${CYCLE}/submissions/1`, lang, '#submission-review');
  await secretariat.click('.submission-return button[type=submit]');
  await secretariat.locator('.error-summary a[href="#submission-return-reason"]').waitFor(); // no reason: refused
  await checkStoryPage(secretariat, 'return-error', lang);
  await secretariat.fill('#submission-return-reason', words.reason);
  await secretariat.click('.submission-return button[type=submit]');
  await secretariat.locator('#submission-return-confirm').waitFor();
  expect((await submissionOf(words.returned)).returned).toBeNull(); // nothing yet: it asks first
  await checkStoryPage(secretariat, 'return-confirm', lang);
  await secretariat.click('#submission-return-confirm');
  await secretariat.locator('main .notice[role=status]').waitFor();
  expect((await submissionOf(words.returned)).returned?.reason).toBe(words.reason);

  // 3. The country's focal point reads the reason on top of its review's dashboard.
  const focal = await signIn(returnedFocal.email, returnedFocal.password, lang);
  await goto(focal, `/reviews/${words.returned}/${CYCLE}`, lang, '#review-returned-title');
  await expect(focal.locator('.review-returned .returned-reason').textContent()).resolves.toBe(words.reason);
  // Who returned it, by name (the API's byName, in the page's language), not by address.
  const returnedBy = (
    await api<{ returned: { byName: string } | null }>(
      await secretariatToken(),
      'GET',
      `/reviews/${words.returned}/${CYCLE}/submissions/1?lang=${lang}`,
    )
  ).returned!.byName;
  expect(returnedBy).not.toBe(SECRETARIAT);
  await expect(focal.locator('.review-returned').textContent()).resolves.toContain(returnedBy);
  await expect(focal.locator('.review-returned').textContent()).resolves.not.toContain(SECRETARIAT);
  await focal.locator('#review-submissions ~ ol li').first().waitFor(); // its own request
  await expect(focal.locator('#review-submissions ~ ol li').count()).resolves.toBe(1);
  await checkStoryPage(focal, 'dashboard-returned', lang);
  // Its switch: the secretariat may see its progress (counts only) before it submits again.
  const focalToken = await tokenOf(returnedFocal.email, returnedFocal.password);
  const sharing = async () =>
    (await api<{ shareProgress: boolean }>(focalToken, 'GET', `/reviews/${words.returned}/${CYCLE}/workspace`))
      .shareProgress;
  expect(await sharing()).toBe(false);
  await focal.check('#share-progress');
  await focal.locator('#review-submissions ~ .field .notice').waitFor();
  expect(await sharing()).toBe(true);
  // … and follows the link to what it had sent: read-only for the country.
  await focal.click('.review-returned a');
  await focal.locator('#submission-review').waitFor();
  await expect(focal.locator('#submission-actions').count()).resolves.toBe(0);
  await expect(focal.locator('.submission-events').textContent()).resolves.toContain(words.reason);
  await checkStoryPage(focal, 'country-reads', lang);
  // The focal point's people page: its country's contributors and stakeholders.
  await focal.click('.app-nav a[href^="/app/people"]');
  await focal.locator('#people-invite').waitFor();
  await checkStoryPage(focal, 'people-focal-point', lang);

  // 4. The secretariat still finds the returned submission, as it was sent, with its reason.
  await goto(secretariat, `/reviews/${words.returned}/${CYCLE}/submissions/1`, lang, '#submission-review');
  await expect(secretariat.locator('.submission-events').textContent()).resolves.toContain(words.reason);
  await expect(secretariat.locator('.submission-return').count()).resolves.toBe(0);
  await expect(secretariat.locator('.answer-text').count()).resolves.toBeGreaterThan(0);
  await checkStoryPage(secretariat, 'returned', lang);

  // 5. The secretariat invites a validator for a country of its region on the people page.
  await secretariat.click('.app-nav a[href^="/app/people"]');
  await secretariat.locator('#people-invite').waitFor();
  await checkStoryPage(secretariat, 'people', lang);
  // Staff turnover: it disables the acknowledged country's focal point, after the confirmation.
  const row = secretariat.locator('.people-list > li', { hasText: acknowledgedFocal.email });
  await row.locator('button').click();
  await secretariat.locator('#people-confirm').waitFor();
  await expect(secretariat.evaluate(() => document.activeElement?.id)).resolves.toBe('people-confirm');
  await checkStoryPage(secretariat, 'people-confirm', lang);
  await secretariat.click('#people-confirm');
  await row.locator('.tag-disabled').waitFor();
  const people = await api<{ people: { email: string; disabled: boolean }[] }>(
    await secretariatToken(),
    'GET',
    '/people',
  );
  expect(people.people).toContainEqual(expect.objectContaining({ email: acknowledgedFocal.email, disabled: true }));
  const email = `validator.${words.validatorOf.toLowerCase()}@demo.pacte.local`;
  await secretariat.click('#people-invite ~ form button[type=submit]');
  await secretariat.locator('.error-summary a[href="#invite-email"]').waitFor(); // nothing filled in: refused
  // Names, not codes: the form asks the person's name, shown in the pending list.
  await secretariat.locator('.error-summary a[href="#invite-name"]').waitFor();
  await secretariat.fill('#invite-name', 'Leïla Haddad');
  await secretariat.fill('#invite-email', email);
  await secretariat.selectOption('#invite-role', 'validator');
  await secretariat.selectOption('#invite-country', words.validatorOf);
  await secretariat.click('#people-invite ~ form button[type=submit]');
  await secretariat
    .locator('#pending-invitations li', { hasText: email })
    .filter({ hasText: 'Leïla Haddad' })
    .waitFor();
  await expect(secretariat.locator('#invite-link').inputValue()).resolves.toContain('/invitations/accept?token=');
  const pending = await api<{ invitations: { email: string; state: string; grant: { role: string } }[] }>(
    await secretariatToken(),
    'GET',
    '/invitations',
  );
  expect(pending.invitations).toContainEqual(
    expect.objectContaining({ email, state: 'pending', grant: expect.objectContaining({ role: 'validator' }) }),
  );
  await checkStoryPage(secretariat, 'people-invited', lang);
}

describe('the secretariat acknowledges one submission and returns another; the focal point sees why', () => {
  it('in French', () => story('fr'), 240_000);
  it('in Arabic (right to left)', () => story('ar'), 240_000);
});
