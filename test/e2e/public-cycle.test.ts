import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  apiAs,
  callApi,
  checkPage,
  launchChromium,
  signInToken,
  startPacte,
  type PacteServer,
} from '../support/browser.js';

/**
 * The public page of a cycle (issue 14, item 5), `/regions/demo/cycles/demo-2`, in French and
 * Arabic: participation, the published synthesis with its numbered notes (the quoted words, their
 * source, a link to the published review — never to a submission), the figures, the objectives
 * matrix and the published reviews. Set-up through the API: the administrator publishes the
 * reviews the demo synthesis cites, the secretariat publishes both editions of the synthesis.
 * Every page: 390 px without sideways scrolling, axe without serious violations; screenshots in
 * test-results/ to look at.
 */
const CYCLE = 'demo-2';
let server: PacteServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const cited: string[] = [];

interface Synthesis {
  id: number;
  language: string;
}

beforeAll(async () => {
  server = await startPacte({ region: true });
  browser = await launchChromium();
  const secretariat = server.accounts.find((a) => a.email === 'secretariat.demo@demo.pacte.local')!;
  const bearer = (headers: Record<string, string>) => headers.authorization!.replace(/^Bearer /u, '');
  const token = bearer(await apiAs(server, 'admin'));
  const own = await signInToken(server, secretariat.email, secretariat.password);
  const { syntheses } = await callApi<{ syntheses: Synthesis[] }>(server, own, 'GET', `/cycles/${CYCLE}/syntheses`);
  expect(syntheses.length, 'the demo synthesis and its Arabic edition').toBe(2);
  for (const s of syntheses) {
    const read = await callApi<{ citations: { country: string }[] }>(
      server,
      own,
      'GET',
      `/cycles/${CYCLE}/syntheses/${s.id}`,
    );
    for (const c of read.citations) if (!cited.includes(c.country)) cited.push(c.country);
  }
  // The cited countries publish their reviews: the versions hold the quoted words, so the public may read them.
  for (const country of cited)
    await callApi(server, token, 'POST', `/reviews/${country}/${CYCLE}/status`, { to: 'published' });
  for (const s of syntheses) await callApi(server, own, 'POST', `/cycles/${CYCLE}/syntheses/${s.id}/publish`);
}, 300_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe('the public page of a cycle', () => {
  for (const lang of ['fr', 'ar'] as const) {
    it(`shows participation, the synthesis with its notes, figures and published reviews (${lang})`, async () => {
      const context = await browser.newContext({ viewport: DESKTOP, locale: lang });
      contexts.push(context);
      const page = await context.newPage();
      // From the portal's home: the cycle's title links to its page.
      await page.goto(`${server.url}/?lang=${lang}`);
      await page.locator(`a[href^="/regions/demo/cycles/${CYCLE}"]`).first().click();
      await page.waitForURL(/\/regions\/demo\/cycles\/demo-2/u);
      const article = page.locator('article.synthesis');
      await expect.poll(() => article.getAttribute('lang')).toBe(lang);
      expect(cited.length).toBeGreaterThan(0);
      const notes = page.locator('.synthesis-notes li');
      expect(await notes.count()).toBe(cited.length);
      // Each note: the quoted words' source, a link to the published review, never to a submission.
      const links = await page.locator('.synthesis-notes a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links.length).toBe(cited.length);
      for (const href of links) expect(href).toMatch(/^\/reviews\/X[A-Z]{2}\/demo-2\/versions\/1\?lang=/u);
      expect(await page.locator('a[href*="submissions"]').count()).toBe(0);
      // The text's number leads to its note.
      await page.locator('sup.note-ref a').first().click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#s-note-1');
      expect(await page.locator('.synthetic-tag').count()).toBeGreaterThan(0);
      // The frozen figure of I.a and the objectives matrix, each with its date (the demo confirms no coding: no chart).
      expect(await page.locator('article .synthesis-figure .figure-date').count()).toBe(2);
      expect(await page.locator('.cycle-downloads button').count()).toBe(2);
      await checkPage(page, 'public-cycle', lang);
    }, 120_000);
  }
});
