/// <reference lib="dom" />
// The web app (/app/) in real Chromium: signing in (and failing to) in French and Arabic, the
// tasks page, the language kept in the address and in the browser, the strict CSP.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  requireWebBuild,
  screenshot,
  seriousViolations,
  startPacte,
  type DemoAccount,
  type PacteServer,
} from '../support/browser.js';

const DESKTOP = { width: 1280, height: 900 };
let server: PacteServer;
let browser: Browser;
let focalPoint: DemoAccount;

beforeAll(async () => {
  requireWebBuild();
  server = await startPacte();
  browser = await launchChromium();
  const account = server.accounts.find((a) => a.role === 'focal_point');
  if (!account) throw new Error(`serve --demo listed no focal point: ${JSON.stringify(server.accounts)}`);
  focalPoint = account;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  (page as Page & { problems?: string[] }).problems = problems;
  return { context, page };
}
const problemsOf = (page: Page) => (page as Page & { problems?: string[] }).problems ?? [];

async function heading(page: Page, text: string) {
  await page.locator('h1', { hasText: text }).waitFor();
}

describe('the web app', () => {
  it('signs out everywhere: the other browser’s session ends too', async () => {
    const signIn = async () => {
      const opened = await newPage();
      await opened.page.goto(`${server.url}/app/?lang=en`);
      await heading(opened.page, 'Sign in');
      await opened.page.fill('#email', focalPoint.email);
      await opened.page.fill('#password', focalPoint.password);
      await opened.page.click('main button[type=submit]');
      await heading(opened.page, 'My tasks');
      return opened;
    };
    const laptop = await signIn();
    const office = await signIn();
    try {
      await laptop.page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await heading(laptop.page, 'Sign in');
      // The office browser still holds its cookie, but the server no longer knows the session.
      await office.page.reload();
      await heading(office.page, 'Sign in');
      const cookie = (await office.context.cookies()).find((c) => c.name === 'pacte_session');
      const who = await fetch(`${server.url}/api/v1/session`, {
        headers: { cookie: `pacte_session=${cookie?.value}` },
      });
      expect(who.status).toBe(401);
    } finally {
      await laptop.context.close();
      await office.context.close();
    }
  });

  it('is served under /app/ with a strict CSP and immutable hashed assets', async () => {
    const response = await fetch(`${server.url}/app/tasks?lang=fr`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const html = await response.text();
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const asset = await fetch(`${server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/app/assets/nothing-here.js`)).status).toBe(404);
  });

  it('in French: sends a signed-out reader to sign in, summarises a refused password, then shows the tasks', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${server.url}/app/?lang=fr`);
      await heading(page, 'Se connecter');
      expect(new URL(page.url()).pathname).toBe('/app/sign-in');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
      expect(await seriousViolations(page)).toEqual([]);

      // Nothing typed: the summary links to each field.
      await page.click('main button[type=submit]');
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      await expect(summary.locator('a').first().getAttribute('href')).resolves.toBe('#email');
      await expect(summary.locator('a').first().textContent()).resolves.toBe('Saisissez votre adresse électronique');

      await page.fill('#email', focalPoint.email);
      await page.fill('#password', `${focalPoint.password}-wrong`);
      await page.click('main button[type=submit]');
      // The API's own message, in French.
      await summary.locator('a', { hasText: 'n’est pas correct' }).waitFor();
      await expect(page.locator('#email').getAttribute('aria-describedby')).resolves.toBe('email-error');
      await expect(page.locator('#password').inputValue()).resolves.toBe('');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'app-sign-in-error-fr');

      await page.fill('#password', focalPoint.password);
      await page.click('main button[type=submit]');
      await heading(page, 'Mes tâches');
      expect(new URL(page.url()).pathname).toBe('/app/tasks');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
      await expect(page.locator('.account-bar').textContent()).resolves.toContain(focalPoint.email);
      expect(await seriousViolations(page)).toEqual([]);
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, 'app-tasks-fr', true);
      expect(problemsOf(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in Arabic: right to left, Arabic labels, the tasks; the language stays chosen', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${server.url}/app/sign-in?lang=ar`);
      await heading(page, 'تسجيل الدخول');
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
      await expect(page.locator('label[for=email]').textContent()).resolves.toBe('البريد الإلكتروني');
      const directions = await page.evaluate(() =>
        ['main h1', '#email', '#password'].map((s) => getComputedStyle(document.querySelector(s)!).direction),
      );
      expect(directions).toEqual(['rtl', 'ltr', 'ltr']);
      expect(await seriousViolations(page)).toEqual([]);
      await page.fill('#email', focalPoint.email);
      await page.fill('#password', focalPoint.password);
      await page.keyboard.press('Enter');
      await heading(page, 'مهامي');
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.locator('.account-bar').textContent()).resolves.toContain(
        `مسجّل الدخول باسم ${focalPoint.email}`,
      );
      expect(await seriousViolations(page)).toEqual([]);
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, 'app-tasks-ar', true);

      // Without ?lang=, the browser's last choice; the address says it again.
      await page.goto(`${server.url}/app/tasks`);
      await heading(page, 'مهامي');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
      // The switch goes to English on the same page, and keeps it.
      await page.click('.language-switch a[lang=en]');
      await heading(page, 'My tasks');
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
      await page.goto(`${server.url}/app/tasks`);
      await heading(page, 'My tasks');
      expect(problemsOf(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const lang of ['fr', 'ar'] as const) {
    it(`(${lang}) shows the focal point the review dashboard and an answer page with no serious axe violation`, async () => {
      const { context, page } = await newPage();
      try {
        await page.goto(`${server.url}/app/sign-in?lang=${lang}`);
        await page.fill('#email', focalPoint.email);
        await page.fill('#password', focalPoint.password);
        await page.keyboard.press('Enter');
        await page.locator('.account-bar').waitFor();
        await page.goto(`${server.url}/app/reviews/MAR/arab-2021?lang=${lang}`);
        await page.locator('#dashboard-sections').waitFor();
        await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
        await expect(page.locator('#assign-title').count()).resolves.toBe(1);
        expect(await seriousViolations(page)).toEqual([]);
        await page.evaluate(() => document.fonts.ready);
        await screenshot(page, `app-dashboard-${lang}`, true);

        await page.goto(`${server.url}/app/reviews/MAR/arab-2021/answers/I.a?lang=${lang}`);
        await page.locator('#answer-text').waitFor();
        expect((await page.locator('#answer-text').textContent())!.length).toBeGreaterThan(50);
        expect(await seriousViolations(page)).toEqual([]);
        await page.evaluate(() => document.fonts.ready);
        await screenshot(page, `app-answer-${lang}`, true);
        expect(problemsOf(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('(ar) lets the focal point download the review: Word at once, the PDF as a job with its progress', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${server.url}/app/sign-in?lang=ar`);
      await page.fill('#email', focalPoint.email);
      await page.fill('#password', focalPoint.password);
      await page.keyboard.press('Enter');
      await page.locator('.account-bar').waitFor();
      await page.goto(`${server.url}/app/reviews/MAR/arab-2021?lang=ar`);
      await page.locator('#dashboard-exports').waitFor();
      await expect(page.locator('#export-lang').inputValue()).resolves.toBe('ar');

      const [word] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Word (DOCX)' }).click(),
      ]);
      expect(word.suggestedFilename()).toBe('mar-arab-2021.ar.docx');
      const wordBytes = readFileSync((await word.path()) ?? '');
      expect(wordBytes.subarray(0, 2).toString()).toBe('PK');

      await page.getByRole('button', { name: 'PDF', exact: true }).click();
      const ready = page.getByRole('link', { name: 'ملف PDF جاهز: نزّله' });
      await ready.waitFor({ timeout: 60_000 });
      const [pdf] = await Promise.all([page.waitForEvent('download'), ready.click()]);
      const pdfPath = (await pdf.path()) ?? '';
      expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
      // Written around the answers in Arabic (the country's name), the French answers as they are.
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
      expect(text).toContain('المغرب');
      expect(text).toMatch(/régularisation/u);
      expect(problemsOf(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
