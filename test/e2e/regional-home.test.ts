/// <reference lib="dom" />
// The regional secretariat's story in real Chromium, through the pages only, in French then in
// Arabic, on the fictional demo region (22 countries, 18 submitted, demo-2 open and past due):
// the secretariat signs in and lands on its home, whose attention counts are the ones this test
// computes from the tracking API; it creates a cycle of three countries (after an error the API
// refuses, shown in an error summary linking to the field), opens and closes it (choosing what
// happens to late submissions), reads demo-2's tracking table narrowed to the returned and to the
// late countries, sorts and filters it, and reminds the late countries (and, in French, one ticked
// country); their focal points find the reminder in their notifications.
// The API is used only to read state back, and to give two late countries a focal point.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n, translator, type Translate } from '../../src/i18n/messages.js';
import ar from '../../src/i18n/locales/ar/web.json' with { type: 'json' };
import en from '../../src/i18n/locales/en/web.json' with { type: 'json' };
import fr from '../../src/i18n/locales/fr/web.json' with { type: 'json' };
import {
  callApi,
  demoAccount,
  signInToken,
  launchChromium,
  requireWebBuild,
  screenshot,
  seriousViolations,
  startPacte,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const CYCLE = 'demo-2';
const PASSWORD = 'a long password for the story';
const i18n = createI18n({ fr: { web: fr }, en: { web: en }, ar: { web: ar } });
/** What each language's story does differently (its own cycle, its own late country). */
const STORY = {
  fr: { id: 'demo-fr-2027', title: 'Examen fictif 2027', late: 'XAT', countries: ['XAA', 'XAB', 'XAC'] },
  ar: { id: 'demo-ar-2027', title: 'استعراض افتراضي 2027', late: 'XAU', countries: ['XAD', 'XAE', 'XAF'] },
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

// ── the API, to read state back ────────────────────────────────────────────────────────────

const demoToken = (email: string) => {
  const account = demoAccount(server, email);
  return signInToken(server, account.email, account.password);
};
const token = (email: string, password: string) => signInToken(server, email, password);
const call = <T>(bearer: string, method: string, path: string, body?: unknown) =>
  callApi<T>(server, bearer, method, path, body);

interface Row {
  country: string;
  state: string;
  overdue: boolean;
  submissions: { count: number; acknowledged: boolean; returned: boolean };
}
const tracking = async (bearer: string, query = '') =>
  (await call<{ countries: Row[] }>(bearer, 'GET', `/cycles/${CYCLE}/tracking${query}`)).countries;

/** The attention counts of the home page, computed here from the tracking rows. */
const attention = (rows: Row[]) => ({
  unacknowledged: rows.filter((r) => r.submissions.count > 0 && !r.submissions.acknowledged && !r.submissions.returned)
    .length,
  overdue: rows.filter((r) => r.overdue).length,
  returned: rows.filter((r) => r.submissions.count > 0 && r.submissions.returned).length,
});

// ── the browser ────────────────────────────────────────────────────────────────────────────

async function expectDirection(page: Page, lang: Lang) {
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
}

/**
 * Every page of the story: axe finds nothing serious, the page never scrolls sideways on a
 * 390 px phone, and screenshots on the desktop and the phone (test-results/regional-*.png).
 */
async function checkPage(page: Page, lang: Lang, name: string) {
  await expectDirection(page, lang);
  await page.evaluate(() => document.fonts.ready);
  expect(await seriousViolations(page), `${name} (${lang})`).toEqual([]);
  await screenshot(page, `regional-${lang}-${name}`, true);
  await page.setViewportSize(PHONE);
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(
    width[0],
    `${name} (${lang}) at 390 px: scrollWidth ${width[0]} > clientWidth ${width[1]}`,
  ).toBeLessThanOrEqual(width[1]!);
  await screenshot(page, `regional-${lang}-${name}-phone`, true);
  await page.setViewportSize(DESKTOP);
}

/** The countries of the tracking table, in the order shown. */
const shownCountries = (page: Page) =>
  page.locator('.tracking-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-country')));

/** Waits until the table shows these countries, in this order. */
async function expectTable(page: Page, countries: string[]) {
  await expect.poll(() => shownCountries(page), { timeout: 15_000 }).toEqual(countries);
}

async function story(lang: Lang) {
  const t: Translate = translator(i18n, lang, 'web');
  const mine = STORY[lang];
  const admin = await demoToken('admin@demo.pacte.local');
  const secretariat = await demoToken('secretariat.demo@demo.pacte.local');

  // Set-up: the late country of this language gets a focal point (the demo gives one to XAA only).
  const lateFocal = `focal.point.${mine.late.toLowerCase()}@story.pacte.local`;
  await call(admin, 'POST', '/users', {
    email: lateFocal,
    password: PASSWORD,
    role: 'focal_point',
    country: mine.late,
  });
  const before = await tracking(secretariat);
  const lateCountries = before.filter((r) => r.overdue).map((r) => r.country);
  expect(lateCountries).toContain(mine.late);
  // The late countries with a focal point: this language's, and the French one's in Arabic.
  const lateFocals = Object.values(STORY)
    .slice(0, lang === 'fr' ? 1 : 2)
    .filter((s) => lateCountries.includes(s.late)).length;

  // 1. The secretariat signs in and lands on its home: the demo region's cycles, open first.
  const context = await browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.url}/app/sign-in?lang=${lang}`);
  await page.fill('#email', 'secretariat.demo@demo.pacte.local');
  await page.fill('#password', server.accounts.find((a) => a.email === 'secretariat.demo@demo.pacte.local')!.password);
  await page.click('main button[type=submit]');
  await page.locator('h1', { hasText: t('regional.home.title') }).waitFor();
  const summaries = page.locator('.cycle-summary');
  // Open cycles first, then closed ones, the latest opening first (the French story's cycle, closed, opens in 2027).
  await expect
    .poll(() => summaries.evaluateAll((s) => s.map((x) => x.getAttribute('aria-labelledby'))))
    .toEqual(['cycle-demo-2', ...(lang === 'ar' ? [`cycle-${STORY.fr.id}`] : []), 'cycle-demo-1']);
  const demo2 = page.locator('[aria-labelledby="cycle-demo-2"]');
  await demo2.locator('.synthetic-tag').waitFor();
  // Only a secretariat: one menu link to its home (« Ma région »), none to a second copy of it.
  await expect(page.locator('.app-nav a[href^="/app/tasks"]').count()).resolves.toBe(0);
  await expect(page.locator('.app-nav a[href^="/app/region"]').getAttribute('aria-current')).resolves.toBe('page');
  // Its attention counts are the ones computed from the tracking API.
  const counts = attention(before);
  expect(counts.overdue).toBeGreaterThan(0);
  await demo2.locator('[data-attention="overdue"]').waitFor();
  for (const [show, count] of Object.entries(counts)) {
    const item = demo2.locator(`[data-attention="${show}"]`);
    if (count === 0) await expect(item.count()).resolves.toBe(0);
    else await expect(item.textContent()).resolves.toBe(t(`regional.home.${show}`, { count }));
  }
  await checkPage(page, lang, 'home');

  // 2. It creates a cycle of three countries; a due date before the opening is refused first.
  await page.click('main a[href^="/app/cycles/new"]');
  await page.locator('#cycle-id').waitFor();
  await page.fill('#cycle-id', mine.id);
  await page.fill(`#cycle-title-${lang}`, mine.title);
  await page.fill('#cycle-opens', '2027-03-01');
  await page.fill('#cycle-due', '2027-01-31');
  for (const country of mine.countries) await page.check(`#cycle-country-${country}`);
  await page.click('.cycle-form button[type=submit]');
  await page.locator('.error-summary a[href="#cycle-due"]').waitFor();
  await page.locator('.field-error #cycle-due').waitFor();
  await checkPage(page, lang, 'cycle-form-error');
  await page.fill('#cycle-due', '2027-05-31');
  await page.click('.cycle-form button[type=submit]');
  await page.locator('h1', { hasText: mine.title }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/app/cycles/${mine.id}`);
  const created = await call<{
    state: string;
    title: Record<string, string>;
    dueOn: string;
    settings: { countries: string[] };
  }>(secretariat, 'GET', `/cycles/${mine.id}`);
  expect(created).toMatchObject({ state: 'planned', dueOn: '2027-05-31', title: { [lang]: mine.title } });
  expect([...created.settings.countries].sort()).toEqual([...mine.countries]);
  await expectTable(page, [...mine.countries]);
  await checkPage(page, lang, 'new-cycle');

  // 3. It opens the cycle, then closes it.
  await page.click(`main a[href^="/app/cycles/${mine.id}/edit"]`);
  await page.locator('#cycle-move').waitFor();
  await checkPage(page, lang, 'cycle-edit');
  await page.click('#cycle-move');
  await expect
    .poll(async () => (await call<{ state: string }>(secretariat, 'GET', `/cycles/${mine.id}`)).state)
    .toBe('open');
  // Closing asks what happens to reviews submitted afterwards, with no answer chosen for it.
  await page.locator('#cycle-late-accept').waitFor();
  await page.click('#cycle-move');
  await page.locator('.error-summary a[href="#cycle-late-accept"]').waitFor();
  await checkPage(page, lang, 'cycle-close-unanswered');
  await page.check('#cycle-late-refuse');
  await page.click('#cycle-move');
  await expect
    .poll(
      async () =>
        (await call<{ settings: { lateSubmissions: string | null } }>(secretariat, 'GET', `/cycles/${mine.id}`))
          .settings.lateSubmissions,
    )
    .toBe('refuse');
  await page.locator('#cycle-move', { hasText: t('regional.cycle_form.reopen') }).waitFor();

  // 4. Back home, the returned reviews of demo-2 open its tracking table narrowed to them, and so
  // do its late countries.
  await page.click('.app-nav a[href^="/app/region"]');
  await demo2.locator('[data-attention="returned"] a').click();
  await expectTable(
    page,
    before.filter((r) => r.submissions.count > 0 && r.submissions.returned).map((r) => r.country),
  );
  await page.locator('#tracking-view', { hasText: t('regional.tracking.view_returned') }).waitFor();
  await page.click('.app-nav a[href^="/app/region"]');
  await demo2.locator('[data-attention="overdue"] a').click();
  await expectTable(page, lateCountries);
  // Every row of the fictional region carries the label, as the API flags it.
  await expect(page.locator('.tracking-table tbody tr th .synthetic-tag').count()).resolves.toBe(lateCountries.length);
  await checkPage(page, lang, 'tracking-late');
  // Sorted by last activity (the longest silent first), as the API sorts them.
  await page.selectOption('#tracking-sort', 'lastActivity');
  await page.click('.tracking-filters button[type=submit]');
  await expectTable(
    page,
    (await tracking(secretariat, '?sort=lastActivity&overdue=true')).map((r) => r.country),
  );
  // Filtered to the drafts, late or not; the CSV link carries the same filters.
  await page.selectOption('#tracking-state', 'draft');
  await page.selectOption('#tracking-overdue', '');
  await page.click('.tracking-filters button[type=submit]');
  const drafts = (await tracking(secretariat, '?sort=lastActivity&state=draft')).map((r) => r.country);
  expect(drafts.length).toBeGreaterThan(0);
  await expectTable(page, drafts);
  const csv = new URL((await page.getAttribute('#tracking-csv', 'href'))!, server.url);
  expect(Object.fromEntries(csv.searchParams)).toMatchObject({ sort: 'lastActivity', state: 'draft', lang });
  await checkPage(page, lang, 'tracking-drafts');

  // 5. It reminds every late country, after a confirmation saying how many.
  await page.click('#remind-late');
  await page
    .locator('#reminders-confirm', { hasText: t('regional.tracking.confirm_late', { count: lateCountries.length }) })
    .waitFor();
  await checkPage(page, lang, 'reminder-confirm');
  await page.click('#remind-send');
  const done = page.locator('#reminders-done');
  await done.waitFor();
  await expect(done.textContent()).resolves.toBe(
    t('regional.tracking.reminded', { people: lateFocals, countries: lateCountries.length }) +
      t('regional.tracking.mailed', { mailed: 0 }),
  );
  await checkPage(page, lang, 'reminded');

  // The late country's focal point finds the reminder among its notifications.
  const notes = await call<{ notifications: { kind: string; cycle: string | null }[] }>(
    await token(lateFocal, PASSWORD),
    'GET',
    '/notifications',
  );
  expect(notes.notifications.filter((n) => n.kind === 'reminder' && n.cycle === CYCLE)).toHaveLength(1);

  // 6. In French, a reminder to one ticked country: XAA, whose focal point the demo made.
  if (lang === 'fr') {
    await page.selectOption('#tracking-state', '');
    await page.click('.tracking-filters button[type=submit]');
    await page.check('#pick-XAA');
    await page.click('#remind-selected');
    await page
      .locator('#reminders-confirm', { hasText: t('regional.tracking.confirm_selected', { count: 1 }) })
      .waitFor();
    await page.click('#remind-send');
    await expect
      .poll(() => done.textContent())
      .toBe(
        t('regional.tracking.reminded', { people: 1, countries: 1 }) + t('regional.tracking.mailed', { mailed: 0 }),
      );
    const xaa = await call<{ notifications: { kind: string; cycle: string | null }[] }>(
      await demoToken('focal.point.xaa@demo.pacte.local'),
      'GET',
      '/notifications',
    );
    expect(xaa.notifications.filter((n) => n.kind === 'reminder' && n.cycle === CYCLE)).toHaveLength(1);
  }
  expect(problems).toEqual([]);

  // 7. XAA's focal point signs in to « Mes tâches »: its fictional country's reviews carry the label.
  const focal = await context.newPage();
  await context.clearCookies();
  await focal.goto(`${server.url}/app/sign-in?lang=${lang}`);
  await focal.fill('#email', 'focal.point.xaa@demo.pacte.local');
  await focal.fill('#password', server.accounts.find((a) => a.email === 'focal.point.xaa@demo.pacte.local')!.password);
  await focal.click('main button[type=submit]');
  await focal.locator('h1', { hasText: t('tasks.title') }).waitFor();
  const reviews = focal.locator('.task-list').first().locator('li');
  await reviews.first().waitFor();
  expect(await reviews.count()).toBeGreaterThan(0);
  await expect(reviews.locator('.synthetic-tag').count()).resolves.toBe(await reviews.count());
  await checkPage(focal, lang, 'focal-tasks');
}

describe('the regional secretariat’s home, cycles and tracking (demo region)', () => {
  it(
    'in French: home and its counts, a new cycle opened and closed, the tracking table, reminders',
    () => story('fr'),
    300_000,
  );
  it('in Arabic, right to left: the same story', () => story('ar'), 300_000);
});
