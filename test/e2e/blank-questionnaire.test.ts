import type { Browser, BrowserContext } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPage,
  launchChromium,
  requireWebBuild,
  startPacte,
  type DemoAccount,
  type PacteServer,
} from '../support/browser.js';

// The blank questionnaire from the review's dashboard (issue 15, item 3), in real Chromium: Morocco's
// focal point downloads it in French and in Arabic, and gets the cycle's questionnaire in Word in
// the page's language (right to left in Arabic). No sideways scrolling at 390 px, no serious axe
// violation, screenshots.
let browser: Browser;
let server: PacteServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
  server = await startPacte();
}, 150_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await server?.stop();
  await browser?.close();
});

const focal = (): DemoAccount => {
  const found = server.accounts.find((a) => a.role === 'focal_point');
  if (!found) throw new Error('serve --demo listed no focal_point');
  return found;
};

describe.each(['fr', 'ar'] as const)('the blank questionnaire (%s)', (lang) => {
  it('the focal point downloads it from the dashboard, in the page’s language', { timeout: 240_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000); // two cores shared with other runs: waits, not a threshold
    await page.goto(`${server.url}/app/sign-in?lang=${lang}`);
    await page.fill('#email', focal().email);
    await page.fill('#password', focal().password);
    await page.click('main button[type=submit]');
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    await page.goto(`${server.url}/app/reviews/MAR/arab-2021?lang=${lang}`);
    const link = page.locator('#blank-questionnaire');
    await link.waitFor();
    expect(await link.textContent()).toBe(lang === 'fr' ? 'Questionnaire vierge (Word)' : 'الاستبيان الفارغ (Word)');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`arab-2021.blank.${lang}.docx`);
    const xml = strFromU8(unzipSync(readFileSync((await download.path())!))['word/document.xml']!);
    expect(xml).toContain(lang === 'fr' ? 'I.- ' : 'أولاً');
    expect(xml.includes('<w:bidiVisual/>')).toBe(lang === 'ar');
    await checkPage(page, 'dashboard-blank', lang);
  });
});
