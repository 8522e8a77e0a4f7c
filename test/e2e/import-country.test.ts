/// <reference lib="dom" />
// Importing a review whose title names no country (issue 16, item 5), in real Chromium, through
// the pages only: an administrator opens « Importer un fichier », chooses a review file (English
// in French, Arabic in Arabic) whose title names no country; the page says Pacte could not tell
// the country and asks for it and for the cycle (the one open cycle already chosen); without a
// country it says what is missing; with one the file is checked, then stored, and the review
// opens. The API only reads the stored review back. Each page: axe, 390 px, screenshots.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index.js';
import { createI18n, translator } from '../../src/i18n/messages.js';
import ar from '../../src/i18n/locales/ar/web.json' with { type: 'json' };
import en from '../../src/i18n/locales/en/web.json' with { type: 'json' };
import fr from '../../src/i18n/locales/fr/web.json' with { type: 'json' };
import {
  callApi,
  checkPage,
  demoAccount,
  launchChromium,
  requireWebBuild,
  signedInPage,
  signInToken,
  startPacte,
  type PacteServer,
} from '../support/browser.js';
import { fixtureReview, writeDocxFixture } from '../support/fixtures.js';

type Lang = 'fr' | 'ar';
const CYCLE = 'demo-2'; // the demo region's open cycle
// Fictional countries of the demo region whose review is still a draft (or not started).
const COUNTRY: Record<Lang, string> = { fr: 'XAU', ar: 'XAT' };
// The fixtures' titles without the country they named (« Jordan: National Review… », « تونس: … »).
const TITLE = {
  en: 'National Review of the Global Compact for Safe, Orderly and Regular Migration',
  ar: 'الاستعراض الوطني للاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية',
};
const ADMIN = 'admin@demo.pacte.local';

let browser: Browser;
let server: PacteServer;
const contexts: BrowserContext[] = [];
const files: Record<Lang, string> = { fr: '', ar: '' };
let dir = '';

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
  server = await startPacte({ region: true });
  // Named as a ministry would, after nothing that gives the country away (the fixtures' are).
  dir = mkdtempSync(join(tmpdir(), 'pacte-import-country-'));
  files.fr = join(dir, 'national-review.docx');
  files.ar = join(dir, 'الاستعراض-الوطني.docx');
  copyFileSync(await writeDocxFixture({ ...fixtureReview('en'), title: TITLE.en }, 'table', dir), files.fr);
  copyFileSync(await writeDocxFixture({ ...fixtureReview('ar'), title: TITLE.ar }, 'table', dir), files.ar);
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await server?.stop();
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The web app's own messages (web.json), as the pages show them.
const i18n = createI18n({ fr: { web: fr }, en: { web: en }, ar: { web: ar } });
const t = (lang: Lang, key: string, params: Record<string, unknown> = {}) => translator(i18n, lang, 'web')(key, params);

async function summary(page: Page): Promise<string> {
  const box = page.locator('.error-summary');
  await box.waitFor();
  return (await box.innerText()).replace(/\s+/g, ' ');
}

describe.each(['fr', 'ar'] as const)('a review that does not name its country (%s)', (lang) => {
  it('asks for the country and the cycle, then imports the same file', async () => {
    const admin = demoAccount(server, ADMIN);
    const page = await signedInPage(browser, server, admin, lang, { contexts });
    await page.getByRole('link', { name: t(lang, 'import.nav') }).click();
    await page.getByRole('heading', { level: 1, name: t(lang, 'import.title') }).waitFor();
    await checkPage(page, 'import-form', lang);

    // Nothing given but the file: the country cannot be recognised, and the page asks.
    await page.setInputFiles('#import-file', files[lang]);
    await page.getByRole('button', { name: t(lang, 'import.check') }).click();
    const unknown = translate(lang, 'errors', 'import.country_unknown', { file: basename(files[lang]) });
    expect(await summary(page)).toContain(unknown.replace(/\s+/g, ' '));
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await expect.poll(() => page.locator('label[for=import-country]').innerText()).toBe(t(lang, 'import.country'));
    expect(await page.locator('#import-country').getAttribute('aria-invalid')).toBe('true');
    // The one open cycle is chosen already; the country is for the person to choose.
    expect(await page.locator('#import-cycle').inputValue()).toBe(CYCLE);
    expect(await page.locator('#import-country').inputValue()).toBe('');
    await checkPage(page, 'import-asks', lang);

    // Checked again without a country: said plainly, nothing sent.
    await page.getByRole('button', { name: t(lang, 'import.check') }).click();
    await expect.poll(() => summary(page)).toContain(t(lang, 'import.country_required'));

    // The country chosen: the same file (not chosen again) is read and understood.
    await page.locator('#import-country').selectOption(COUNTRY[lang]);
    await page.getByRole('button', { name: t(lang, 'import.check') }).click();
    const understood = page.locator('section.import-understood');
    await understood.getByRole('heading', { name: t(lang, 'import.understood') }).waitFor();
    const countries = await callApi<{ countries: { code: string; name: Record<Lang, string> }[] }>(
      server,
      null,
      'GET',
      '/countries',
    );
    const name = countries.countries.find((c) => c.code === COUNTRY[lang])!.name[lang];
    const shown = await understood.locator('dl').innerText();
    expect(shown).toContain(name);
    expect(shown).toContain(t(lang, 'synthetic.label')); // a fictional country of the demo region
    expect(await page.locator('.error-summary').count()).toBe(0);
    await checkPage(page, 'import-checked', lang);

    await understood.getByRole('button', { name: t(lang, 'import.store') }).click();
    const stored = page.locator('.notice[role=status]');
    await stored.getByRole('link', { name: t(lang, 'import.open_review') }).waitFor();
    expect(await stored.innerText()).toContain(name);
    await checkPage(page, 'import-stored', lang);

    // Read back: the review of that country for that cycle holds the file's 8 answers.
    const token = await signInToken(server, admin.email, admin.password);
    const review = await callApi<{ sections: { questions: { id: string; answer: { blocks: unknown[] } }[] }[] }>(
      server,
      token,
      'GET',
      `/reviews/${COUNTRY[lang]}/${CYCLE}`,
    );
    const answered = review.sections.flatMap((s) => s.questions).filter((q) => q.answer.blocks.length > 0);
    expect(answered.length).toBeGreaterThanOrEqual(8);

    await stored.getByRole('link', { name: t(lang, 'import.open_review') }).click();
    await page.waitForURL(new RegExp(`/app/reviews/${COUNTRY[lang]}/${CYCLE}`));
  }, 240_000);
});

describe.each(['fr', 'ar'] as const)('the check-a-file page without a script (%s)', (lang) => {
  it('leads to the country field and keeps the cycle chosen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/imports/new?lang=${lang}`);
    await page.setInputFiles('#file', files[lang]);
    await page.locator('#cycle').selectOption(CYCLE);
    await page.locator('main button[type=submit]').click();
    const unknown = translate(lang, 'errors', 'import.country_unknown', { file: basename(files[lang]) });
    await page.locator('.error-summary a[href="#country"]', { hasText: unknown }).waitFor();
    expect(await page.locator('#cycle').inputValue()).toBe(CYCLE);
    expect(await page.locator('#country').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'import-page-asks', lang);
  }, 60_000);
});
