/// <reference lib="dom" />
// The public portal (the list of published reviews) and the 404 page in real Chromium: content, languages, accessibility
// (axe-core) and a phone viewport.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  elementsOutsideViewport,
  launchChromium,
  publishDemoReview,
  screenshot,
  seriousViolations,
  startPacte,
  type PacteServer,
} from '../support/browser.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let server: PacteServer;
let browser: Browser;

beforeAll(async () => {
  server = await startPacte();
  await publishDemoReview(server); // these pages are the public's
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a page in a context of its own, runs the check, closes the context. */
async function withPage(
  path: string,
  check: (page: Page, status: number | undefined) => Promise<void>,
  viewport = DESKTOP,
): Promise<void> {
  const context: BrowserContext = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}${path}`);
    await page.evaluate(() => document.fonts.ready);
    await check(page, response?.status());
  } finally {
    await context.close();
  }
}

describe('the public portal', () => {
  it('lists the published demo review in French, linking to it in the same language', () =>
    withPage('/?lang=fr', async (page, status) => {
      expect(status).toBe(200);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
      const rows = page.locator('main .publications li');
      await expect(rows.count()).resolves.toBe(1);
      const link = rows.first().locator('a');
      await expect(link.textContent()).resolves.toBe('Maroc');
      await expect(link.getAttribute('href')).resolves.toBe('/reviews/MAR/arab-2021?lang=fr');
      // Anonymous: no table of reviews to work on.
      await expect(page.locator('main table').count()).resolves.toBe(0);
      await screenshot(page, 'home-fr-desktop');
      await link.click();
      await page.waitForURL(/\/reviews\/MAR\/arab-2021\?lang=fr$/);
      await expect(page.locator('main section.section').count()).resolves.toBe(5);
    }));

  it('is mirrored in Arabic, naming the answers’ language in French with its lang', () =>
    withPage('/?lang=ar', async (page, status) => {
      expect(status).toBe(200);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      const link = page.locator('main .publications li a');
      await expect(link.textContent()).resolves.toBe('المغرب');
      const language = page.locator('main .publications li [lang=fr]');
      await expect(language.textContent()).resolves.toBe('Français');
      // The country starts the line: on the right in RTL.
      const country = (await link.boundingBox())!;
      const version = (await page.locator('main .publications li .muted').boundingBox())!;
      expect(country.x).toBeGreaterThan(version.x);
      await screenshot(page, 'home-ar-desktop');
    }));

  for (const lang of ['fr', 'ar']) {
    it(`has no serious or critical axe-core violation in ${lang}`, () =>
      withPage(`/?lang=${lang}`, async (page) => {
        expect(await seriousViolations(page)).toEqual([]);
      }));

    it(`does not scroll sideways on a phone in ${lang}`, () =>
      withPage(
        `/?lang=${lang}`,
        async (page) => {
          const widths = await page.evaluate(() => ({
            scroll: document.scrollingElement!.scrollWidth,
            inner: window.innerWidth,
          }));
          expect(widths.inner).toBe(PHONE.width);
          expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
          expect(await elementsOutsideViewport(page)).toEqual([]);
          await screenshot(page, `home-${lang}-phone`);
        },
        PHONE,
      ));
  }
});

describe('the page for an unknown review', () => {
  for (const lang of ['fr', 'ar']) {
    it(`answers 404 with an HTML page in ${lang}, without serious or critical axe-core violation`, () =>
      withPage(`/reviews/XXX/arab-2021?lang=${lang}`, async (page, status) => {
        expect(status).toBe(404);
        const response = await page.request.get(`${server.url}/reviews/XXX/arab-2021?lang=${lang}`);
        expect(response.status()).toBe(404);
        expect(response.headers()['content-type']).toMatch(/^text\/html/);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
        await expect(page.locator('main h1').count()).resolves.toBe(1);
        await expect(page.locator(`main a[href="/?lang=${lang}"]`).count()).resolves.toBe(1);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `not-found-${lang}`);
      }));
  }
});
