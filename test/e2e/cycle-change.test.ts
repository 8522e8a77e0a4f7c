/// <reference lib="dom" />
// The change between two cycles, in real Chromium, through the pages: on the fictional demo region
// (`serve --demo`, whose earlier cycle demo-1 differs from the open one in known ways:
// src/services/demo-earlier-cycle.ts), the secretariat opens its open cycle, follows « Voir ce qui
// a changé depuis le cycle précédent », reads the table of countries, sorts it, opens one
// country's change and finds there the known changes: I.b's paragraph changed with its removed
// words marked, I.c's paragraph removed, the figure of I.d dropped, an objective dropped. In
// French, then in Arabic (right to left), another country each; XAA's focal point follows its
// dashboard's « Ce qui a changé depuis … » to its own working texts compared. Every page: no sideways scrolling
// at 390 px, no serious axe-core violation, screenshots.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  demoAccount,
  launchChromium,
  requireWebBuild,
  signedInPage,
  startPacte,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const CYCLE = 'demo-2';
const SECRETARIAT = 'secretariat.demo@demo.pacte.local';
const FOCAL = 'focal.point.xaa@demo.pacte.local';
const WORDS = {
  fr: {
    open: 'Voir ce qui a changé depuis le cycle précédent',
    sortFigures: 'Chiffres modifiés',
    changed: 'Modifié :',
    removed: 'Retiré :',
    dropped: 'Chiffre disparu',
    objective: /Objectif \d+ : abandonné/u,
    working: 'le texte en cours du cycle demo-1',
  },
  ar: {
    open: 'عرض ما تغيّر منذ الدورة السابقة',
    sortFigures: 'الأرقام المعدَّلة',
    changed: 'عُدِّل:',
    removed: 'حُذف:',
    dropped: 'رقم محذوف',
    objective: /الهدف \d+: حُذف/u,
    working: 'النص الجاري العمل عليه في الدورة demo-1',
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

async function story(lang: Lang, country: string) {
  const words = WORDS[lang];
  const page = await signedInPage(browser, server, demoAccount(server, SECRETARIAT), lang, { contexts });
  await page.goto(`${server.url}/app/cycles/${CYCLE}?lang=${lang}`);
  await page.getByRole('link', { name: words.open }).click();
  await page.waitForURL(/\/cycles\/demo-2\/changes/u);
  const rows = page.locator('.changes-table tbody tr');
  await rows.first().waitFor();
  // The 18 countries that submitted in both cycles.
  expect(await rows.count()).toBe(18);
  await page.getByRole('button', { name: words.sortFigures }).click();
  expect(await page.locator('th[aria-sort=descending]').count()).toBe(1);
  await checkPage(page, 'cycle-change-region', lang);

  await page.locator(`tr[data-country=${country}] th a`).click();
  await page.waitForURL(new RegExp(`/reviews/${country}/changes`, 'u'));
  const ib = page.locator('section[data-question="I.b"]');
  await ib.waitFor();
  await expect(ib.locator('li[data-op=changed] .diff-op').textContent()).resolves.toBe(words.changed);
  expect(await ib.locator('del').count()).toBeGreaterThan(0);
  const ic = page.locator('section[data-question="I.c"]');
  await expect(ic.locator('li[data-op=removed] .diff-op').textContent()).resolves.toBe(words.removed);
  await expect(page.locator('tr[data-change=dropped] td').nth(1).textContent()).resolves.toBe(words.dropped);
  expect(await page.getByText(words.objective).count()).toBe(1);
  await checkPage(page, 'cycle-change-country', lang);
}

/** The focal point of XAA follows its dashboard's link and compares its own working texts. */
async function focalStory(lang: Lang) {
  const page = await signedInPage(browser, server, demoAccount(server, FOCAL), lang, { contexts });
  await page.goto(`${server.url}/app/reviews/XAA/${CYCLE}?lang=${lang}`);
  await page.locator('#changes-since').click();
  await page.waitForURL(/\/reviews\/XAA\/changes/u);
  await page.locator('section[data-question="I.b"]').waitFor();
  await expect(page.locator('body').textContent()).resolves.toContain(WORDS[lang].working);
  await checkPage(page, 'cycle-change-focal', lang);
}

describe('the change between two cycles, through the pages', () => {
  it('shows the region’s table and one country’s change in French', () => story('fr', 'XAB'), 180_000);
  it('shows them in Arabic, right to left', () => story('ar', 'XAC'), 180_000);
  it('leads a focal point from its dashboard to its own working texts compared', () => focalStory('fr'), 120_000);
});
