/// <reference lib="dom" />
// Accounts in real Chromium: signing in (and failing to), storing a checked review file as the
// focal point of its country, no Store button for anyone else, the Arabic sign-in page, and
// signing out (after which an old preview's Store button no longer works).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewDocument } from '../../src/domain/review.js';
import {
  apiAs,
  launchChromium,
  screenshot,
  seriousViolations,
  startPacte,
  type DemoAccount,
  type PacteServer,
} from '../support/browser.js';
import { fixtureReview, seedReview, writeDocxFixture } from '../support/fixtures.js';

const DESKTOP = { width: 1280, height: 900 };
/** The first item of answer I.a, changed in the file the focal point stores. */
const CHANGED_TEXT = 'Un comité national de coordination a été créé en 2024 pour conduire cet examen.';
/** Another wording, in the file whose preview is left open while its reader signs out. */
const UNSTORED_TEXT = 'Un groupe de travail interministériel conduit cet examen depuis 2024.';
const REVIEW_API = '/api/v1/reviews/MAR/arab-2021';

let server: PacteServer;
let browser: Browser;
let dir: string;
let changedDocx: string;
let unstoredDocx: string;
let arabicDocx: string;
let focalPoint: DemoAccount;

/** The seed with the first item of answer I.a reworded: one answer differs from the stored review. */
function changedSeed(text: string): ReviewDocument {
  const review = seedReview();
  const first = review.sections[0]!.questions.find((q) => q.id === 'I.a')!.answer.blocks[0]!;
  if (first.type !== 'list') throw new Error('answer I.a of the seed no longer starts with a list');
  first.items[0]!.text = text;
  return review;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pacte-e2e-accounts-'));
  changedDocx = await writeDocxFixture(changedSeed(CHANGED_TEXT), 'table', join(dir, 'changed'));
  unstoredDocx = await writeDocxFixture(changedSeed(UNSTORED_TEXT), 'table', join(dir, 'unstored'));
  arabicDocx = await writeDocxFixture(fixtureReview('ar'), 'table', dir);
  server = await startPacte();
  browser = await launchChromium();
  const account = server.accounts.find((a) => a.role === 'focal_point' && a.email.startsWith('focal.point.mar@'));
  if (!account) throw new Error(`serve --demo listed no focal point of Morocco: ${JSON.stringify(server.accounts)}`);
  focalPoint = account;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: DESKTOP });
  return { context, page: await context.newPage() };
}

/** Clicks a form's submit button and returns the answer to the form's POST (before any redirect). */
async function submit(page: Page, button: string): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    page.click(button),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** Fills the sign-in form of the current page and sends it; the POST's answer. */
async function fillSignIn(page: Page, email: string, password: string): Promise<Response> {
  await page.fill('#email', email);
  await page.fill('#password', password);
  return submit(page, 'main button[type=submit]');
}

async function signIn(page: Page, lang: string, account: DemoAccount): Promise<void> {
  await page.goto(`${server.url}/sign-in?lang=${lang}`);
  const response = await fillSignIn(page, account.email, account.password);
  expect(response.status()).toBe(303);
  await expect(page.locator('.account-bar').textContent()).resolves.toContain(account.email);
}

/** Checks a file at /imports/new (already open or not); the preview page. */
async function check(page: Page, lang: string, file: string, country = ''): Promise<Response> {
  if (!page.url().startsWith(`${server.url}/imports/new`)) await page.goto(`${server.url}/imports/new?lang=${lang}`);
  await page.setInputFiles('#file', file);
  if (country) await page.fill('#country', country);
  return submit(page, 'main button[type=submit]');
}

async function revisions(): Promise<Map<string, number>> {
  // The review is a draft: read it as the administrator (the public does not see it).
  const response = await fetch(`${server.url}${REVIEW_API}`, { headers: await apiAs(server, 'admin') });
  expect(response.status).toBe(200);
  const review = (await response.json()) as ReviewDocument;
  return new Map(review.sections.flatMap((s) => s.questions.map((q) => [q.id, q.answer.revision ?? -1] as const)));
}

/** Whether an input shows its whole value, without scrolling inside the box. */
const showsWholeValue = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el.scrollWidth <= el.clientWidth);

const pathOf = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

const storeForm = (page: Page) => page.locator('main form[action^="/imports/drafts/"]');

describe('signing in', () => {
  it('has labelled fields; a wrong password is summarised and linked to the e-mail; then signs in', async () => {
    const { context, page } = await newPage();
    try {
      const response = await page.goto(`${server.url}/sign-in?lang=fr`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('Se connecter');
      // The fields are found by their labels.
      await expect(page.getByLabel('Adresse électronique', { exact: true }).getAttribute('id')).resolves.toBe('email');
      await expect(page.getByLabel('Mot de passe', { exact: true }).getAttribute('id')).resolves.toBe('password');
      await expect(page.locator('#email').getAttribute('type')).resolves.toBe('email');
      await expect(page.locator('#password').getAttribute('type')).resolves.toBe('password');
      expect(await seriousViolations(page)).toEqual([]);
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, 'sign-in-fr');

      const failed = await fillSignIn(page, focalPoint.email, `${focalPoint.password}-wrong`);
      expect(failed.status()).toBe(401);
      const summary = page.locator('.error-summary');
      await expect(summary.getAttribute('role')).resolves.toBe('alert');
      const link = summary.locator('a');
      await expect(link.getAttribute('href')).resolves.toBe('#email');
      await expect(link.textContent()).resolves.toContain('n’est pas correct');
      await expect(page.locator('#email').inputValue()).resolves.toBe(focalPoint.email);
      expect(await showsWholeValue(page, '#email')).toBe(true);
      await expect(page.locator('#password').inputValue()).resolves.toBe('');
      await expect(page.locator('#email').getAttribute('aria-describedby')).resolves.toBe('email-error');
      await expect(page.locator('#email-error').textContent()).resolves.toContain('n’est pas correct');
      await expect(page.locator('.account-bar a').textContent()).resolves.toBe('Se connecter');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'sign-in-error-fr');

      const ok = await fillSignIn(page, focalPoint.email, focalPoint.password);
      expect(ok.status()).toBe(303);
      expect(pathOf(page)).toBe('/?lang=fr');
      const bar = page.locator('.account-bar');
      await expect(bar.locator('span').textContent()).resolves.toBe(`Connecté en tant que ${focalPoint.email}`);
      await expect(bar.locator('button[type=submit]').textContent()).resolves.toBe('Se déconnecter');
      // Its one link leads to the person's work in the app.
      await expect(bar.locator('a').getAttribute('href')).resolves.toBe('/app/?lang=fr');
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
  it('from the sign-in page’s own “Sign in” link, lands on the home page signed in, not on the form again', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${server.url}/sign-in?lang=en`);
      await page.click('.account-bar a');
      await page.waitForLoadState('load');
      expect((await fillSignIn(page, focalPoint.email, focalPoint.password)).status()).toBe(303);
      expect(pathOf(page)).toBe('/?lang=en');
      await expect(page.locator('.account-bar span').textContent()).resolves.toBe(`Signed in as ${focalPoint.email}`);
      // The sign-in page, like every page, says who is signed in.
      await page.goto(`${server.url}/sign-in?lang=en`);
      await expect(page.locator('.account-bar span').textContent()).resolves.toBe(`Signed in as ${focalPoint.email}`);
    } finally {
      await context.close();
    }
  });
});

describe('storing a checked review file', () => {
  it('signed in from the import page as the focal point of Morocco, stores a changed file', async () => {
    expect((await revisions()).get('I.a')).toBe(1);
    const { context, page } = await newPage();
    try {
      // Sign in from the account bar of the import page, and come back to it.
      await page.goto(`${server.url}/imports/new?lang=fr`);
      await page.click('.account-bar a');
      await page.waitForURL(/\/sign-in\?/);
      expect(await fillSignIn(page, focalPoint.email, focalPoint.password).then((r) => r.status())).toBe(303);
      expect(pathOf(page)).toBe('/imports/new?lang=fr');

      const preview = await check(page, 'fr', changedDocx);
      expect(preview.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('Ce que Pacte a compris');
      await expect(page.locator('#q-I\\.a .answer-text').textContent()).resolves.toContain(CHANGED_TEXT);
      const store = storeForm(page).getByRole('button', { name: 'Enregistrer cet examen' });
      await expect(store.count()).resolves.toBe(1);
      await expect(storeForm(page).textContent()).resolves.toContain('l’examen de MAR');
      await expect(page.locator('main').textContent()).resolves.not.toContain('Pour enregistrer cet examen');
      expect(await seriousViolations(page)).toEqual([]);
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, 'import-preview-store-fr');
      // Checking stored nothing yet.
      expect((await revisions()).get('I.a')).toBe(1);

      const stored = await submit(page, 'main form[action^="/imports/drafts/"] button[type=submit]');
      expect(stored.status()).toBe(303);
      expect(pathOf(page)).toBe('/reviews/MAR/arab-2021?lang=fr');
      await expect(page.locator('#q-I\\.a .answer-text').textContent()).resolves.toContain(CHANGED_TEXT);
      await expect(page.locator('.account-bar span').textContent()).resolves.toContain(focalPoint.email);
      expect(await seriousViolations(page)).toEqual([]);

      const after = await revisions();
      expect(after.get('I.a')).toBe(2);
      expect(after.get('I.b')).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('shows no Store button to a focal point of Morocco checking a review of Tunisia', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'fr', focalPoint);
      const preview = await check(page, 'fr', arabicDocx, 'TUN');
      expect(preview.status()).toBe(200);
      await expect(page.locator('main dl.summary').textContent()).resolves.toContain('TUN');
      await expect(storeForm(page).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Enregistrer cet examen' }).count()).resolves.toBe(0);
      await expect(page.locator('main [role=status]').textContent()).resolves.toContain(
        'Pour enregistrer cet examen, connectez-vous',
      );
      await expect(page.locator('.account-bar span').textContent()).resolves.toContain(focalPoint.email);
    } finally {
      await context.close();
    }
  });

  it('shows no Store button to an anonymous reader, even for a file of Morocco', async () => {
    const { context, page } = await newPage();
    try {
      const preview = await check(page, 'en', changedDocx);
      expect(preview.status()).toBe(200);
      await expect(page.locator('main dl.summary').textContent()).resolves.toContain('MAR');
      await expect(storeForm(page).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Store this review' }).count()).resolves.toBe(0);
      await expect(page.locator('main [role=status]').textContent()).resolves.toContain(
        'To store this review, sign in',
      );
      await expect(page.locator('.account-bar a').textContent()).resolves.toBe('Sign in');
    } finally {
      await context.close();
    }
  });
});

describe('the sign-in page in Arabic', () => {
  it('is mirrored with Arabic labels, keeps the address and password left to right', async () => {
    const { context, page } = await newPage();
    try {
      const response = await page.goto(`${server.url}/sign-in?lang=ar`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
      await expect(page.locator('h1').textContent()).resolves.toBe('تسجيل الدخول');
      await expect(page.locator('label[for=email]').textContent()).resolves.toBe('البريد الإلكتروني');
      await expect(page.locator('label[for=password]').textContent()).resolves.toBe('كلمة المرور');
      await expect(page.getByLabel('البريد الإلكتروني', { exact: true }).getAttribute('id')).resolves.toBe('email');
      await expect(page.getByLabel('كلمة المرور', { exact: true }).getAttribute('id')).resolves.toBe('password');
      const directions = await page.evaluate(() =>
        ['main h1', 'label[for=email]', '#email', '#password'].map(
          (selector) => getComputedStyle(document.querySelector(selector)!).direction,
        ),
      );
      expect(directions).toEqual(['rtl', 'rtl', 'ltr', 'ltr']);
      expect(await seriousViolations(page)).toEqual([]);
      await page.fill('#email', focalPoint.email);
      await page.fill('#password', focalPoint.password);
      expect(await showsWholeValue(page, '#email')).toBe(true);
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, 'sign-in-ar');

      // Signed in, the account bar names the account in Arabic.
      expect((await submit(page, 'main button[type=submit]')).status()).toBe(303);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.locator('.account-bar span').textContent()).resolves.toContain(
        `مسجّل الدخول باسم ${focalPoint.email}`,
      );
      await expect(page.locator('.account-bar button').textContent()).resolves.toBe('تسجيل الخروج');
      expect(await seriousViolations(page)).toEqual([]);
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, 'home-signed-in-ar');
    } finally {
      await context.close();
    }
  });
});

describe('signing out', () => {
  it('goes back to the home page signed out; an old preview can no longer be stored', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'en', focalPoint);
      const [session] = (await context.cookies()).filter((c) => c.name === 'pacte_session');
      // Out of scripts' reach, and never sent along with another site's request.
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      // A preview with the Store button, left open in its own tab.
      const previewTab = await context.newPage();
      await check(previewTab, 'en', unstoredDocx);
      await expect(storeForm(previewTab).getByRole('button', { name: 'Store this review' }).count()).resolves.toBe(1);

      await page.goto(`${server.url}/reviews/MAR/arab-2021?lang=en`);
      const out = await submit(page, '.account-bar button[type=submit]');
      expect(out.status()).toBe(303);
      expect(pathOf(page)).toBe('/?lang=en');
      const bar = page.locator('.account-bar');
      await expect(bar.locator('a').textContent()).resolves.toBe('Sign in');
      await expect(bar.locator('button').count()).resolves.toBe(0);
      await expect(bar.textContent()).resolves.not.toContain(focalPoint.email);
      expect((await context.cookies()).filter((c) => c.name === 'pacte_session')).toEqual([]);

      // The session is gone on the server too: its old cookie signs no one in.
      await context.addCookies([session!]);
      await page.reload();
      await expect(page.locator('.account-bar a').textContent()).resolves.toBe('Sign in');
      await context.clearCookies();

      // Storing from the old preview is refused: sign in first.
      const before = await revisions();
      const refused = await submit(previewTab, 'main form[action^="/imports/drafts/"] button[type=submit]');
      expect(refused.status()).toBe(401);
      await expect(previewTab.locator('.error-summary').textContent()).resolves.toContain('Sign in first.');
      await expect(previewTab.locator('.account-bar a').textContent()).resolves.toBe('Sign in');
      expect(await seriousViolations(previewTab)).toEqual([]);
      expect(await revisions()).toEqual(before);
    } finally {
      await context.close();
    }
  });
});
