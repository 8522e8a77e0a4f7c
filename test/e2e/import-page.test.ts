/// <reference lib="dom" />
// Checking a review file in the browser: upload, see what Pacte understood (figures
// highlighted, objectives suggested), nothing stored; errors summarised and linked to the field;
// Arabic interface mirrored; no serious axe violation.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  launchChromium,
  screenshot,
  seriousViolations,
  startPacte,
  type PacteServer,
} from '../support/browser.js';
import { fixtureReview, seedReview, writeDocxFixture } from '../support/fixtures.js';
import { PROSE } from '../support/pacte.js';

let server: PacteServer;
let browser: Browser;
let dir: string;
let seedDocx: string;
let arabicDocx: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pacte-e2e-import-'));
  seedDocx = await writeDocxFixture(seedReview(), 'table', dir);
  arabicDocx = await writeDocxFixture(fixtureReview('ar'), 'table', dir);
  server = await startPacte();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function upload(lang: string, file: string, country = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/imports/new?lang=${lang}`);
  await page.setInputFiles('#file', file);
  if (country) await page.fill('#country', country);
  await page.click('button[type=submit]');
  await page.waitForLoadState('load');
  return page;
}

describe('checking a review file in the browser', () => {
  it('shows what was understood from a Word file: 24 answers, figures highlighted, objectives', async () => {
    const page = await upload('fr', seedDocx);
    await expect(page.locator('h1').textContent()).resolves.toBe('Ce que Pacte a compris');
    await expect(page.locator('article.question').count()).resolves.toBe(24);
    const marks = await page.locator('#q-I\\.f mark.fact').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['133 274', '111', '3.804']));
    await expect(page.locator('#q-I\\.f .objectives').textContent()).resolves.toContain('1.');
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('Rien n’a encore été enregistré');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'import-preview-fr');
    // Nothing was stored: the list of reviews (all of them, for an administrator) holds the demo only.
    const asAdmin = { headers: await apiAs(server, 'admin') };
    const reviews = (await (await fetch(`${server.url}/api/v1/reviews`, asAdmin)).json()) as { reviews: unknown[] };
    expect(reviews.reviews).toHaveLength(1);
    await page.context().close();
  });

  it('reads an Arabic review in the Arabic interface, right to left', async () => {
    const page = await upload('ar', arabicDocx, 'TUN');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe('ما فهمه «باكت»');
    await expect(page.locator('article.question').count()).resolves.toBe(8);
    const direction = await page
      .locator('.answer-text')
      .first()
      .evaluate((el) => getComputedStyle(el).direction);
    expect(direction).toBe('rtl');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'import-preview-ar');
    await page.context().close();
  });

  it('says what is wrong with a file that is not a review, linked from an error summary', async () => {
    const prose = join(dir, 'notes.txt');
    writeFileSync(prose, PROSE);
    const page = await upload('en', prose);
    const summary = page.locator('.error-summary');
    await expect(summary.textContent()).resolves.toContain('does not look like a review');
    await expect(page.locator('.error-summary a').getAttribute('href')).resolves.toBe('#file');
    await expect(page.locator('#file').getAttribute('aria-describedby')).resolves.toContain('file-error');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'import-error-en');
    await page.context().close();
  });
});
