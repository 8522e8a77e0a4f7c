/// <reference lib="dom" />
// Issue 15's secretariat in real Chromium, through the pages only, on the fictional demo region
// (`serve --demo`): the demo secretariat opens « Questionnaires » from its navigation, copies
// arab-2021 to a new version, adds a single-choice question to section I with three options worded
// in fr/en/ar, marks the Arabic wording official after the confirmation, then creates a cycle that
// uses the new version (chosen in the cycle form's questionnaire select) and opens it. In French,
// then in Arabic (right to left), each with its own new version and cycle. Every page: no sideways
// scrolling at 390 px, no serious axe-core violation, screenshots at desktop and 390 px. The API
// only reads state back.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { CHOICES, CHOICE_QUESTION_TEXT, DEMO_SECRETARIAT, makeChoiceCycle } from '../support/questionnaire-story.js';

type Lang = 'fr' | 'ar';
const WORDS = {
  fr: {
    nav: 'Questionnaires',
    copy: 'Copier dans une nouvelle version',
    add: 'Ajouter une question à la section I',
    save: 'Enregistrer',
    mark: 'Marquer le texte arabe comme officiel',
    official: 'officiel',
    region: 'Ma région',
    create: 'Créer un cycle',
    createSubmit: 'Créer le cycle',
    open: 'Ouvrir le cycle',
    kind: 'Un seul choix',
    mapping: 'Correspondance des questions',
  },
  ar: {
    nav: 'الاستبيانات',
    copy: 'نسخ إلى نسخة جديدة',
    add: 'إضافة سؤال إلى القسم I',
    save: 'حفظ',
    mark: 'تحديد النص العربي كنص رسمي',
    official: 'رسمي',
    region: 'منطقتي',
    create: 'إنشاء دورة',
    createSubmit: 'إنشاء الدورة',
    open: 'فتح الدورة',
    kind: 'اختيار واحد',
    mapping: 'مطابقة الأسئلة',
  },
} as const;
/** Each language's cycle and the countries taking part (different ones). */
const CYCLES = { fr: { id: 'demo-q-fr', countries: ['XAT'] }, ar: { id: 'demo-q-ar', countries: ['XAU'] } } as const;

interface Version {
  id: string;
  version: number;
  region: string | null;
  basedOn: number | null;
  frozen: boolean;
  cycles: { id: string; state: string }[];
}
interface Stored {
  wordingStatus: Record<string, string>;
  sections: {
    id: string;
    questions: {
      id: string;
      kind?: string;
      text: Record<string, string>;
      textStatus: Record<string, string>;
      choices?: { id: string; label: Record<string, string> }[];
    }[];
  }[];
}

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

const token = async () => signInToken(server, DEMO_SECRETARIAT, demoAccount(server, DEMO_SECRETARIAT).password);
const versions = async () =>
  (await callApi<{ versions: Version[] }>(server, await token(), 'GET', '/questionnaires')).versions;
const check = (page: Page, name: string, lang: Lang) => checkPage(page, `questionnaires-${name}`, lang);

async function story(lang: Lang) {
  const words = WORDS[lang];
  const before = (await versions()).filter((v) => v.id === 'arab-2021').map((v) => v.version);
  const page = await signedInPage(browser, server, demoAccount(server, DEMO_SECRETARIAT), lang, { contexts });

  // The navigation leads to the list; arab-2021's shipped version.
  await page.getByRole('navigation', { name: /.*/u }).getByRole('link', { name: words.nav, exact: true }).click();
  await page.locator('.questionnaire-list').waitFor();
  await check(page, 'list', lang);
  await page.locator(`a[href*="/questionnaires/arab-2021/1"]`).first().click();
  await page.getByRole('button', { name: words.copy, exact: true }).waitFor();
  await check(page, 'shipped', lang);

  // Copy: the new version's page, a draft of the region based on version 1.
  await page.getByRole('button', { name: words.copy, exact: true }).click();
  await page.waitForURL((url) => !/\/questionnaires\/arab-2021\/1(\?|$)/u.test(url.pathname));
  await page.getByRole('link', { name: words.add, exact: true }).waitFor();
  const copied = (await versions()).find((v) => v.id === 'arab-2021' && !before.includes(v.version))!;
  expect(copied).toMatchObject({ region: 'demo', basedOn: 1, frozen: false });
  expect(page.url()).toContain(`/questionnaires/arab-2021/${copied.version}`);
  await check(page, 'copy', lang);

  // One question: its wording in three languages (Arabic right to left), single choice, three options.
  await page.getByRole('link', { name: words.add, exact: true }).click();
  await page.locator('#question-text-fr').waitFor();
  expect(await page.locator('#question-text-ar').getAttribute('dir')).toBe('rtl');
  for (const l of ['fr', 'en', 'ar'] as const) await page.fill(`#question-text-${l}`, CHOICE_QUESTION_TEXT[l]);
  await page.selectOption('#question-kind', 'single_choice');
  // Saving with no option says what is missing, linked to the button that adds one.
  await page.getByRole('button', { name: words.save, exact: true }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  await expect(summary.locator('a[href="#choice-add"]').count()).resolves.toBe(1);
  await check(page, 'question-errors', lang);
  for (const [i, choice] of CHOICES.entries()) {
    await page.locator('#choice-add').click();
    for (const l of ['fr', 'en', 'ar'] as const) await page.fill(`#choice-${i}-${l}`, choice.label[l]);
  }
  await check(page, 'question-form', lang);
  await page.getByRole('button', { name: words.save, exact: true }).click();
  await page.getByRole('link', { name: words.add, exact: true }).waitFor();
  await page.getByText(CHOICE_QUESTION_TEXT[lang]).waitFor();

  // The Arabic wording official, after the confirmation.
  await page.getByRole('button', { name: words.mark, exact: true }).click();
  await page.locator('.questionnaire-wording .confirm').waitFor();
  await check(page, 'wording-confirm', lang);
  await page.locator('.questionnaire-wording .confirm').getByRole('button', { name: words.mark, exact: true }).click();
  await page.locator('.questionnaire-wording [role=status]').waitFor();
  await check(page, 'version', lang);

  const stored = await callApi<Stored>(
    server,
    await token(),
    'GET',
    `/questionnaires/arab-2021?version=${copied.version}`,
  );
  expect(stored.wordingStatus.ar).toBe('official');
  const added = stored.sections[0]!.questions.at(-1)!;
  expect(added).toMatchObject({ kind: 'single_choice', text: CHOICE_QUESTION_TEXT, textStatus: { ar: 'official' } });
  expect(added.choices!.map((c) => c.label)).toEqual(CHOICES.map((c) => c.label));

  // The mapping from version 1: by id, the new question starting empty.
  await page.getByRole('link', { name: words.mapping, exact: true }).click();
  await page.locator('.mapping-list').waitFor();
  expect(await page.locator('#map-I\\.a').inputValue()).toBe('I.a');
  await page.locator('.mapping-form > p', { hasText: added.id }).waitFor();
  // Splitting I.a: its answer goes to I.a and to the new question as well.
  await page.locator('#map-I\\.a-split').click();
  await page.selectOption('#map-I\\.a-1', added.id);
  await check(page, 'mapping', lang);
  await page.locator('#mapping-save').click();
  await page.locator('p[role=status]').waitFor();
  await page.locator('.mapping-list > li', { hasText: added.id }).first().waitFor();
  expect(await page.locator('#map-I\\.a-1').inputValue()).toBe(added.id);
  const mapping = await callApi<{
    rows: { from: string; to: string | null }[];
    questions: { question: string; follows: string }[];
  }>(server, await token(), 'GET', `/questionnaires/arab-2021/versions/${copied.version}/mapping`);
  expect(mapping.rows).toEqual(
    expect.arrayContaining([
      { from: 'I.a', to: 'I.a' },
      { from: 'I.a', to: added.id },
    ]),
  );
  expect(mapping.questions.find((q) => q.question === 'I.a')?.follows).toBe('split');
  await check(page, 'mapping-split', lang);

  // Removing a question asks first, then takes it out of the version.
  await page.goBack();
  await page.locator('#question-I\\.b-remove').click();
  await page.locator('#question-I\\.b-remove-confirm').waitFor();
  await check(page, 'remove-confirm', lang);
  await page.locator('#question-I\\.b-remove').click();
  await page.locator('#question-I\\.b-remove').waitFor({ state: 'detached' });
  const kept = await callApi<Stored>(
    server,
    await token(),
    'GET',
    `/questionnaires/arab-2021?version=${copied.version}`,
  );
  expect(kept.sections[0]!.questions.map((q) => q.id)).not.toContain('I.b');
  expect(kept.sections[0]!.questions.map((q) => q.id)).toContain(added.id);

  // A cycle with the new version, created from the region's home and opened.
  const cycle = CYCLES[lang];
  await page.getByRole('link', { name: words.region, exact: true }).click();
  await page.getByRole('link', { name: words.create, exact: true }).click();
  await page.locator('#cycle-id').waitFor();
  await page.fill('#cycle-id', cycle.id);
  await page.selectOption('#cycle-questionnaire', `arab-2021@${copied.version}`);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.fill('#cycle-opens', day(-1));
  await page.fill('#cycle-due', day(30));
  for (const country of cycle.countries) await page.locator(`#cycle-country-${country}`).check();
  await check(page, 'cycle-form', lang);
  await page.getByRole('button', { name: words.createSubmit, exact: true }).click();
  await page.waitForURL((url) => url.pathname.endsWith(`/cycles/${cycle.id}`));
  await page.click(`main a[href^="/app/cycles/${cycle.id}/edit"]`);
  await page.locator('#cycle-move').waitFor();
  await expect(page.locator('#cycle-move').textContent()).resolves.toBe(words.open);
  await page.click('#cycle-move');
  await page.locator('.tag-cycle-open').first().waitFor();
  await check(page, 'cycle-open', lang);

  const after = (await versions()).find((v) => v.id === 'arab-2021' && v.version === copied.version)!;
  expect(after.cycles).toEqual([expect.objectContaining({ id: cycle.id, state: 'open' })]);
  const read = await callApi<{ questionnaire: { id: string; version: number }; state: string }>(
    server,
    await token(),
    'GET',
    `/cycles/${cycle.id}`,
  );
  expect(read).toMatchObject({ questionnaire: { id: 'arab-2021', version: copied.version }, state: 'open' });
}

describe('a secretariat shapes a questionnaire and opens a cycle with it', () => {
  it('in French', async () => story('fr'), 300_000);
  it('in Arabic, right to left', async () => story('ar'), 300_000);
});

describe('the story’s outcome through the API (test/support/questionnaire-story.ts, for other browser tests)', () => {
  it('makes the same kind of version and an open cycle using it', async () => {
    const made = await makeChoiceCycle(server, { cycle: 'demo-q-api', countries: ['XAV'] });
    const stored = await callApi<Stored>(
      server,
      await token(),
      'GET',
      `/questionnaires/arab-2021?version=${made.questionnaire.version}`,
    );
    const question = stored.sections.flatMap((s) => s.questions).find((q) => q.id === made.question)!;
    expect(question).toMatchObject({ kind: 'single_choice', textStatus: { ar: 'official' } });
    expect(question.choices!.map((c) => c.id)).toEqual(CHOICES.map((c) => c.id));
    const cycle = await callApi<{ state: string; questionnaire: object }>(
      server,
      await token(),
      'GET',
      '/cycles/demo-q-api',
    );
    expect(cycle).toMatchObject({ state: 'open', questionnaire: made.questionnaire });
  });
});
