/// <reference lib="dom" />
// The secretariat writes codes in the app (issue 13, item 4), in real Chromium, through the pages,
// on the fictional demo region (`serve --demo`). In French it creates a multiple-choice code on
// IV.b (which has none) with three values labelled in the three languages, one of them cued by
// words the test read first in a generated answer; moves a value by keyboard; saves; sees the code
// listed; asks for suggestions again and sees a country suggested that value; accepts it; then
// tries to remove that value (the API's code.values_in_use lands on it) and renames a label. In
// Arabic (right to left) it edits I.a's Arabic label, after a missing one is refused in Arabic.
// A new cycle lists the default codes it would install, then installs them. A translator of the
// region reads codes without a button to change them; a focal point is told
// the form is not for them. Every page: no sideways scrolling at 390 px, no
// serious axe-core violation, screenshots. The API only reads state back.
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

const CYCLE = 'demo-2';
const QUESTION = 'IV.b';
const SECRETARIAT = 'secretariat.demo@demo.pacte.local';
const FOCAL = 'focal.point.xaa@demo.pacte.local';

let browser: Browser;
let server: PacteServer;
const contexts: BrowserContext[] = [];

interface Code {
  kind: string;
  values: { key: string; labels: Record<string, string>; cues: Record<string, string[]> }[];
}
interface Coded {
  country: string;
  countryName: Record<string, string>;
  coding: { values: string[]; state: string } | null;
}

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

const token = () => signInToken(server, SECRETARIAT, demoAccount(server, SECRETARIAT).password);
const readCode = async (question: string) =>
  callApi<{ code: Code; countries: Coded[] }>(server, await token(), 'GET', `/cycles/${CYCLE}/codes/${question}`);
const signIn = (lang: string, who = SECRETARIAT) =>
  signedInPage(browser, server, demoAccount(server, who), lang, { contexts });
const check = (page: Page, name: string, lang: string) => checkPage(page, `code-form-${name}`, lang);

/**
 * Two words of a French answer to IV.b as the generator wrote it, read through the API: the start
 * of a sentence that negates nothing (the fictional ministry's), skipping the label in brackets.
 */
async function cueFromAnswers(): Promise<string> {
  const view = await callApi<{ answers: { language: string; state: string; blocks: { text?: string }[] }[] }>(
    server,
    await token(),
    'GET',
    `/cycles/${CYCLE}/questions/${QUESTION}/answers?lang=fr`,
  );
  const sentences = view.answers
    .filter((a) => a.language === 'fr' && a.state === 'submitted')
    .flatMap((a) => a.blocks.flatMap((b) => (b.text ?? '').replace(/\[[^\]]*\]/gu, '').split(/(?<=\.)\s+/u)))
    .filter((s) => !/\b(?:pas|sans|aucun|ne|n')\b/iu.test(s) && s.split(' ').length > 4);
  expect(sentences.length).toBeGreaterThan(0);
  return sentences[0]!.split(' ').slice(1, 3).join(' ');
}

async function fill(page: Page, id: string, text: string) {
  await page.locator(`#${id}`).fill(text);
}

describe('the secretariat writes codes', () => {
  it('in French: creates a code, suggests with it, and cannot drop a value in use', async () => {
    const cue = await cueFromAnswers();
    const page = await signIn('fr');
    await page.goto(`${server.url}/app/cycles/${CYCLE}/codes?lang=fr`);
    await page.getByRole('heading', { name: 'Codage des réponses' }).waitFor();
    await check(page, 'list', 'fr');
    await page.getByRole('link', { name: 'Créer un code' }).click();
    await page.waitForURL(/\/codes\/new/u);
    await page.locator('#code-question').waitFor();
    // Only questions without a code are offered: I.a, II.a and V.a have theirs.
    const offered = await page
      .locator('#code-question option')
      .evaluateAll((o) => o.map((x) => x.getAttribute('value')));
    expect(offered).toContain(QUESTION);
    expect(offered).not.toContain('I.a');
    await page.locator('#code-question').selectOption(QUESTION);
    await page.locator('#code-kind-multiple').check();
    await fill(page, 'code-name-fr', 'Acteurs de la mise en œuvre');
    await fill(page, 'code-name-en', 'Implementing actors');
    await fill(page, 'code-name-ar', 'الجهات المنفذة');
    const labels = [
      ['Ministère chef de file', 'Lead ministry', 'الوزارة الرائدة'],
      ['Collectivités locales', 'Local authorities', 'السلطات المحلية'],
      ['Organisations internationales', 'International organisations', 'المنظمات الدولية'],
    ];
    // A third value, added by keyboard.
    await page.getByRole('button', { name: 'Ajouter une valeur' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('code-value-3-label-fr');
    for (const [i, [fr, en, ar]] of labels.entries()) {
      await fill(page, `code-value-${i + 1}-label-fr`, fr!);
      await fill(page, `code-value-${i + 1}-label-en`, en!);
      await fill(page, `code-value-${i + 1}-label-ar`, ar!);
    }
    await fill(page, 'code-value-1-cues-fr', `${cue}\nchef de file`);
    await fill(page, 'code-value-1-cues-en', 'lead ministry');
    await fill(page, 'code-value-2-cues-fr', 'commune\nmunicipalité');
    await fill(page, 'code-value-3-cues-fr', 'OIM\nHCR');
    // The third value goes up one place, by keyboard; the focus stays on it.
    await page.getByRole('button', { name: 'Monter la valeur 3' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('code-value-3-up');
    await check(page, 'new', 'fr');
    await page.getByRole('button', { name: 'Créer le code' }).click();
    await page.waitForURL(new RegExp(`/codes/${QUESTION.replace('.', '\\.')}(?:\\?|$)`, 'u'));
    const saved = page.locator('.notice[role=status]', { hasText: 'Code créé.' });
    await saved.waitFor();
    await expect.poll(() => saved.evaluate((n) => n === document.activeElement)).toBe(true);
    expect(await saved.textContent()).toContain('ne sont pas refaites');

    const created = (await readCode(QUESTION)).code;
    expect(created.kind).toBe('multiple');
    // Keys made from the French labels, in the order the values were left in.
    expect(created.values.map((v) => v.key)).toEqual([
      'ministere_chef_de_file',
      'organisations_internationales',
      'collectivites_locales',
    ]);
    expect(created.values[0]!.labels).toEqual({ fr: labels[0]![0], en: labels[0]![1], ar: labels[0]![2] });
    expect(created.values[0]!.cues.fr).toEqual([cue, 'chef de file']);

    await page.getByRole('button', { name: 'Suggérer à nouveau' }).click();
    await page.locator('.notice[role=status]', { hasText: 'ont une suggestion' }).waitFor();
    const suggested = (await readCode(QUESTION)).countries.filter((c) =>
      c.coding?.values.includes('ministere_chef_de_file'),
    );
    expect(suggested.length).toBeGreaterThan(0);
    const country = suggested[0]!;
    const section = page.locator('.coding-country', {
      has: page.getByRole('heading', { name: country.countryName.fr! }),
    });
    expect(await section.locator('mark', { hasText: new RegExp(cue, 'iu') }).count()).toBeGreaterThan(0);
    await check(page, 'suggested', 'fr');
    await page.getByRole('button', { name: `Accepter la suggestion pour ${country.countryName.fr}` }).click();
    await page.locator('.notice[role=status]', { hasText: country.countryName.fr! }).waitFor();

    // Listed among the cycle's codes.
    await page.getByRole('link', { name: 'Retour aux codes du cycle' }).click();
    await page.getByRole('link', { name: `${QUESTION} — Acteurs de la mise en œuvre` }).waitFor();

    // The value now confirmed cannot go: said beforehand, then refused on the value itself.
    await page.getByRole('link', { name: `Modifier le code de ${QUESTION}` }).click();
    await page.waitForURL(/\/edit/u);
    await page.locator('.code-value', { hasText: 'Déjà confirmée' }).first().waitFor();
    await page.getByRole('button', { name: 'Retirer la valeur 1' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('code-removed-1');
    await page.getByRole('button', { name: 'Enregistrer le code' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const link = summary.getByRole('link', { name: /Ministère chef de file/u });
    expect(await link.getAttribute('href')).toBe('#code-removed-1');
    expect(await page.locator('#code-removed-1-error').textContent()).toContain(
      `« Ministère chef de file » est retenue pour la réponse de ${country.countryName.fr}`,
    );
    await check(page, 'in-use', 'fr');
    await link.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('code-removed-1');
    await page.keyboard.press('Enter'); // « Remettre » puts it back
    expect((await readCode(QUESTION)).code.values).toHaveLength(3);

    await fill(page, 'code-value-2-label-fr', 'Organisations internationales (OIM, HCR…)');
    await page.getByRole('button', { name: 'Enregistrer le code' }).click();
    await page.locator('.notice[role=status]', { hasText: 'Code enregistré.' }).waitFor();
    const edited = (await readCode(QUESTION)).code;
    expect(edited.values.map((v) => v.labels.fr)).toEqual([
      'Ministère chef de file',
      'Organisations internationales (OIM, HCR…)',
      'Collectivités locales',
    ]);
  }, 300_000);

  it('in Arabic, right to left: a missing Arabic label is refused in Arabic, then the label is changed', async () => {
    const page = await signIn('ar');
    await page.goto(`${server.url}/app/cycles/${CYCLE}/codes?lang=ar`);
    await page.getByRole('link', { name: 'تعديل ترميز I.a' }).click();
    await page.waitForURL(/\/codes\/I\.a\/edit/u);
    await fill(page, 'code-value-1-label-ar', '');
    await page.getByRole('button', { name: 'حفظ الترميز' }).click();
    const link = page.locator('.error-summary').getByRole('link', { name: 'أدخل تسمية القيمة 1 بالعربية.' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('#code-value-1-label-ar');
    await check(page, 'missing', 'ar');
    await link.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('code-value-1-label-ar');
    await page.keyboard.type('آلية تنسيق جديدة أُنشئت');
    await page.getByRole('button', { name: 'حفظ الترميز' }).click();
    await page.locator('.notice[role=status]', { hasText: 'حُفظ الترميز.' }).waitFor();
    await check(page, 'saved', 'ar');
    expect((await readCode('I.a')).code.values[0]!.labels.ar).toBe('آلية تنسيق جديدة أُنشئت');
  }, 240_000);

  it('says which default codes a cycle without any would install, then installs them', async () => {
    // A cycle of its own, planned, with no code yet (the demo's cycles have theirs).
    const bare = 'demo-codes';
    const questionnaire = (
      await callApi<{ questionnaire: { id: string } }>(server, await token(), 'GET', `/cycles/${CYCLE}`)
    ).questionnaire.id;
    await callApi(server, await token(), 'POST', '/cycles', { id: bare, region: 'demo', questionnaire });
    const before = await callApi<{ codes: unknown[]; defaults: { questionId: string }[] }>(
      server,
      await token(),
      'GET',
      `/cycles/${bare}/codes`,
    );
    expect(before.codes).toEqual([]);
    const page = await signIn('fr');
    await page.goto(`${server.url}/app/cycles/${bare}/codes?lang=fr`);
    const proposed = page.locator('.coding-defaults li');
    await proposed.first().waitFor();
    expect(await proposed.allTextContents()).toEqual(
      before.defaults.map((d) => expect.stringContaining(`${d.questionId} — `) as unknown as string),
    );
    expect(await proposed.first().textContent()).toMatch(/un choix, 3 valeurs/u);
    await check(page, 'defaults', 'fr');
    await page.getByRole('button', { name: 'Installer les codes proposés' }).click();
    await page.locator('.notice[role=status]', { hasText: `${before.defaults.length} codes installés.` }).waitFor();
    await page.getByRole('link', { name: /^I\.a —/u }).waitFor();
    expect(await page.locator('.coding-defaults').count()).toBe(0);
  }, 120_000);

  it('lets the region’s translator read codes and change none', async () => {
    const email = 'translator.codes@demo.pacte.local';
    const password = 'a long demo password 2026';
    const invited = await callApi<{ link: string | null }>(server, await token(), 'POST', '/invitations', {
      email,
      role: 'translator',
      region: 'demo',
    });
    const invitation = new URL(invited.link!).searchParams.get('token');
    await callApi(server, null, 'POST', '/invitations/accept', { token: invitation, password, name: 'Traducteur' });
    const page = await signedInPage(browser, server, { email, password }, 'fr', { contexts });
    await page.goto(`${server.url}/app/cycles/${CYCLE}/codes?lang=fr`);
    await page.getByRole('link', { name: /^I\.a —/u }).waitFor();
    expect(await page.getByRole('link', { name: 'Créer un code' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Modifier le code/u }).count()).toBe(0);
    await page.getByRole('link', { name: /^I\.a —/u }).click();
    await page.locator('.coding-country').first().waitFor();
    expect(
      await page
        .getByRole('button')
        .filter({ hasText: /Suggérer|Accepter|Enregistrer|Rejeter/u })
        .count(),
    ).toBe(0);
    expect(await page.getByRole('link', { name: 'Modifier le code' }).count()).toBe(0);
    await page.goto(`${server.url}/app/cycles/${CYCLE}/codes/I.a/edit?lang=fr`);
    await page.getByRole('heading', { name: 'Vous n’avez pas accès à cette page' }).waitFor();
  }, 120_000);

  it('tells a country’s focal point the form is not theirs', async () => {
    const page = await signIn('fr', FOCAL);
    await page.goto(`${server.url}/app/cycles/${CYCLE}/codes/new?lang=fr`);
    await page.getByRole('heading', { name: 'Vous n’avez pas accès à cette page' }).waitFor();
  }, 120_000);
});
