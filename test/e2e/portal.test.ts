/// <reference lib="dom" />
// The public portal in real Chromium: the published reviews by region and cycle, search from the
// portal's box in French and in the Arabic interface (other word forms found, matches marked),
// accessibility (axe-core), a 375-px phone, and screenshots to look at.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  elementsOutsideViewport,
  launchChromium,
  publishDemoReview,
  resultPath,
  screenshot,
  seriousViolations,
  startPacte,
  type PacteServer,
} from '../support/browser.js';
import { fixtureReview, writeDocxFixture } from '../support/fixtures.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

let server: PacteServer;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'pacte-portal-'));

/** Imports the Arabic fixture (Tunisia) as the demo administrator, and publishes it. */
async function publishArabicReview(): Promise<void> {
  const admin = await apiAs(server, 'admin');
  const review = fixtureReview('ar');
  const docx = await writeDocxFixture(review, 'table', dir);
  const form = new FormData();
  form.append('country', review.country);
  form.append('cycle', review.cycle);
  form.append('store', 'true');
  form.append('file', new Blob([new Uint8Array(readFileSync(docx))]), 'tunisia.docx');
  const imported = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: admin, body: form });
  if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
  const moved = await fetch(`${server.url}/api/v1/reviews/${review.country}/${review.cycle}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...admin },
    body: JSON.stringify({ to: 'published' }),
  });
  if (!moved.ok) throw new Error(`publishing failed: ${moved.status} ${await moved.text()}`);
}

beforeAll(async () => {
  server = await startPacte();
  await publishDemoReview(server);
  await publishArabicReview();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function open(path: string, viewport = DESKTOP, status = 200): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status()).toBe(status);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** The results of the page: question id, country and the text of each <mark>. */
async function results(page: Page) {
  return page.locator('li.result').evaluateAll((items) =>
    items.map((item) => ({
      question: item.getAttribute('data-question'),
      country: item.getAttribute('data-country'),
      marks: Array.from(item.querySelectorAll('.snippet mark')).map((m) => m.textContent ?? ''),
      href: item.querySelector('h3 a')?.getAttribute('href'),
    })),
  );
}

describe('the portal in French', () => {
  it('lists Morocco under its region and cycle, with its version, and leads to the review', async () => {
    const page = await open('/?lang=fr');
    try {
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
      const region = page.locator('main .region h3');
      await expect(region.first().textContent()).resolves.toMatch(/\S/);
      const cycle = page.locator('main .region h4').first();
      await expect(cycle.textContent()).resolves.toContain('Premier Examen Régional');
      const morocco = page.locator('main .publications a', { hasText: 'Maroc' });
      await expect(morocco.getAttribute('href')).resolves.toBe('/reviews/MAR/arab-2021?lang=fr');
      await expect(page.locator('main .publications li', { hasText: 'Maroc' }).textContent()).resolves.toContain(
        'Version 2, publiée le',
      );
      await screenshot(page, 'portal-fr-desktop', true);
      await morocco.click();
      await page.waitForURL(/\/reviews\/MAR\/arab-2021\?lang=fr$/);
      await expect(page.locator('main .version-line').textContent()).resolves.toMatch(/^Version 2, publiée le/);
      await expect(page.locator('main .versions li a[aria-current=page]').count()).resolves.toBe(1);
      const docx = page.locator('main .downloads a', { hasText: 'DOCX' });
      await expect(docx.getAttribute('href')).resolves.toBe(
        '/api/v1/reviews/MAR/arab-2021/export?format=docx&lang=fr&version=2',
      );
      await expect(page.locator('main .downloads form[method=post] button').count()).resolves.toBe(1);
    } finally {
      await page.context().close();
    }
  });

  it('searches « régularisation » from the portal’s box: II.d is found, the word marked', async () => {
    const page = await open('/?lang=fr');
    try {
      await page.getByLabel('Chercher dans les examens publiés').fill('régularisation');
      await page.locator('form.search-box button[type=submit]').click();
      await page.waitForURL(/\/search\?/);
      expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
      const found = await results(page);
      const hit = found.find((r) => r.question === 'II.d' && r.country === 'MAR');
      expect(hit, JSON.stringify(found)).toBeDefined();
      expect(hit?.marks.some((m) => m.toLowerCase().includes('régularisation'))).toBe(true);
      expect(hit?.href).toBe('/reviews/MAR/arab-2021?lang=fr#q-II.d');
      await expect(page.locator('main .result-count').textContent()).resolves.toMatch(/^Réponses 1 à \d+ sur \d+$/);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'search-fr-desktop', true);
    } finally {
      await page.context().close();
    }
  });
});

describe('the PDF of a review, without script', () => {
  it('is asked with a form, made by a job, and downloaded from the job’s page', async () => {
    const page = await open('/reviews/TUN/arab-2021?lang=ar');
    try {
      await page.locator('main .downloads').screenshot({ path: resultPath('review-ar-downloads') });
      await page.locator('main .versions').screenshot({ path: resultPath('review-ar-versions') });
      await page.locator('main .downloads form[method=post] button').click();
      await page.waitForURL(/\/exports\/[0-9a-f-]{36}\?lang=ar$/);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      expect(await seriousViolations(page)).toEqual([]);
      // Not ready yet: the page offers to look again, or to reload itself (a PDF takes seconds).
      const download = page.locator('main a.button[href$="/file"]');
      if ((await download.count()) === 0) {
        await expect(page.locator('meta[http-equiv=refresh]').count()).resolves.toBe(0);
        await page.locator('main a[href*="follow=1"]').click();
        await expect(page.locator('meta[http-equiv=refresh]').count()).resolves.toBe(1);
      }
      const deadline = Date.now() + 90_000;
      while ((await download.count().catch(() => 0)) === 0) {
        if (Date.now() > deadline) throw new Error(`the PDF job did not finish: ${await page.content()}`);
        await page.waitForTimeout(500);
      }
      await expect(page.locator('meta[http-equiv=refresh]').count()).resolves.toBe(0);
      await screenshot(page, 'export-job-ar-done');
      const href = await download.getAttribute('href');
      const file = await page.request.get(`${server.url}${href}`);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toBe('application/pdf');
      expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.context().close();
    }
  });
});

describe('the portal in Arabic', () => {
  it('finds the Arabic answers by another form of the word, marked, right to left', async () => {
    const page = await open('/?lang=ar');
    try {
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.locator('main .publications a', { hasText: 'تونس' }).count()).resolves.toBe(1);
      // The answers have « المهاجرين » and « مهاجراً »: « مهاجرون » is in neither.
      await page.locator('#portal-q').fill('مهاجرون');
      await page.locator('form.search-box button[type=submit]').click();
      await page.waitForURL(/\/search\?/);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      const found = await results(page);
      const arabic = found.filter((r) => r.country === 'TUN');
      expect(arabic.length, JSON.stringify(found)).toBeGreaterThan(0);
      for (const hit of arabic) expect(hit.marks.some((m) => m.includes('مهاجر'))).toBe(true);
      await expect(page.locator('li.result[data-country=TUN] .snippet').first().getAttribute('lang')).resolves.toBe(
        'ar',
      );
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'search-ar-desktop', true);
    } finally {
      await page.context().close();
    }
  });

  it('shows an empty query’s error in Arabic, linked to the field, without serious axe-core violation', async () => {
    const page = await open('/search?q=&lang=ar', DESKTOP, 400);
    try {
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      const summary = page.locator('main .error-summary a');
      await expect(summary.getAttribute('href')).resolves.toBe('#search-q');
      await expect(summary.textContent()).resolves.toMatch(/[\u0600-\u06FF]{3,}/);
      await expect(page.locator('#search-q').getAttribute('aria-invalid')).resolves.toBe('true');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'search-ar-error');
    } finally {
      await page.context().close();
    }
  });

  it('has no serious axe-core violation on the portal, the review and open data', async () => {
    for (const path of ['/?lang=ar', '/reviews/TUN/arab-2021?lang=ar', '/open-data?lang=ar', '/search?lang=ar']) {
      const page = await open(path);
      try {
        await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
        expect(await seriousViolations(page), path).toEqual([]);
        if (path === '/?lang=ar') await screenshot(page, 'portal-ar-desktop', true);
        if (path === '/open-data?lang=ar') await screenshot(page, 'open-data-ar-desktop', true);
      } finally {
        await page.context().close();
      }
    }
  });
});

describe('on a 375-px phone', () => {
  const pages = [
    ['portal', '/'],
    ['search', `/search?q=${encodeURIComponent('régularisation')}`],
    ['search-ar', `/search?q=${encodeURIComponent('مهاجرون')}`],
    ['open-data', '/open-data'],
    ['review', '/reviews/MAR/arab-2021'],
  ] as const;
  for (const lang of ['fr', 'ar'] as const) {
    it(`nothing sticks out sideways in ${lang}`, async () => {
      for (const [name, path] of pages) {
        const page = await open(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, PHONE);
        try {
          const widths = await page.evaluate(() => ({
            scroll: document.scrollingElement!.scrollWidth,
            inner: window.innerWidth,
          }));
          expect(widths.scroll, `${name} ${lang}`).toBeLessThanOrEqual(widths.inner);
          expect(await elementsOutsideViewport(page), `${name} ${lang}`).toEqual([]);
          if (name === 'portal' || name === 'search' || name === 'search-ar') {
            await screenshot(page, `${name}-${lang}-phone`, true);
          }
        } finally {
          await page.context().close();
        }
      }
    });
  }
});
