/// <reference lib="dom" />
// Choice questions count without coding, in real Chromium (issue 15, item 2): on a cycle of
// Pacte's example questionnaire (arab-example-2), Morocco's focal point answers the choice
// question I.a over the API (« En préparation ») and the review is submitted and published; the region's
// secretariat opens the answers side by side, whose table counts one country for that option and
// whose column shows the choice, then the cycle's figures, which count I.a from the values. In
// French, then in Arabic (right to left). Every page: no sideways scrolling at 390 px, no serious
// axe-core violation, screenshots.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  checkPage,
  demoAccount,
  launchChromium,
  requireWebBuild,
  signedInPage,
  startPacte,
  type PacteServer,
} from '../support/browser.js';

const CYCLE = 'arab-2032';
const SECRETARIAT = 'secretariat@demo.pacte.local';
const WORDS = {
  fr: { option: 'En préparation', chosen: 'Choix : En préparation', counted: '1 pays a choisi sur' },
  ar: { option: 'قيد الإعداد', chosen: 'الاختيار: قيد الإعداد', counted: 'اختار بلد واحد من أصل' },
} as const;

let browser: Browser;
let server: PacteServer;
const contexts: BrowserContext[] = [];

async function api(role: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(await apiAs(server, role)) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return response.json() as Promise<Record<string, unknown>>;
}

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
  server = await startPacte();
  const dates = { opensOn: '2032-01-15', dueOn: '2032-09-30' };
  await api('secretariat', 'POST', '/cycles', {
    id: CYCLE,
    region: 'arab',
    questionnaire: 'arab-example-2',
    countries: ['MAR', 'TUN'],
    ...dates,
  });
  await api('secretariat', 'POST', `/cycles/${CYCLE}/state`, { to: 'open' });
  await api('focal_point', 'POST', '/reviews', { country: 'MAR', cycle: CYCLE, language: 'fr' });
  const blocks = [{ type: 'paragraph', text: 'Le comité interministériel sera installé en 2032.' }];
  const answer = { blocks, value: { choices: ['in_preparation'] }, baseRevision: 0 };
  await api('focal_point', 'PUT', `/reviews/MAR/${CYCLE}/answers/I.a`, answer);
  // Approved by someone else than its writer, validated, submitted (what the secretariat's figures
  // count), then published.
  for (const to of ['in_review', 'approved'])
    await api('admin', 'POST', `/reviews/MAR/${CYCLE}/answers/I.a/status`, { to });
  for (const to of ['validated', 'submitted', 'published'])
    await api('admin', 'POST', `/reviews/MAR/${CYCLE}/status`, { to });
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

describe.each(['fr', 'ar'] as const)('the counts of a choice question (%s)', (lang) => {
  it('side by side counts the option, the column shows the choice, and the figures count it', async () => {
    const page = await signedInPage(browser, server, demoAccount(server, SECRETARIAT), lang, { contexts });
    await page.goto(`${server.url}/app/cycles/${CYCLE}/questions/I.a?lang=${lang}`);
    const table = page.locator('.sbs-options table');
    await table.waitFor();
    const row = table.locator('tr', { has: page.locator('th', { hasText: WORDS[lang].option }) });
    expect(await row.locator('td').innerText()).toMatch(/^(1|١)$/u);
    // Nobody chose « Oui » / « Non »: counted as zero, still listed.
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await page.locator('.sbs-answer .sbs-value').innerText()).toBe(WORDS[lang].chosen);
    await checkPage(page, 'choice-counts-side-by-side', lang);

    await page.goto(`${server.url}/app/cycles/${CYCLE}/figures?lang=${lang}`);
    const section = page.locator('section[aria-labelledby="figures-I-a"]');
    await section.locator('tr[data-value="in_preparation"] td[data-count="1"]').waitFor();
    expect(await section.locator('tr[data-value="yes"] td[data-count="0"]').count()).toBe(1);
    // Counted from the choices made, not coded: it says so, and the bars lead to the answers side by side.
    expect(await section.innerText()).toContain(WORDS[lang].counted);
    await section.locator('svg a').first().waitFor({ state: 'attached' });
    const bars = await section
      .locator('svg a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? ''));
    expect(bars.length).toBeGreaterThan(0);
    for (const href of bars) expect(href).toContain(`/app/cycles/${CYCLE}/questions/I.a`);
    await checkPage(page, 'choice-counts-figures', lang);
  });
});
