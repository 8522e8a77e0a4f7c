/// <reference lib="dom" />
// Issue 14's « done when » for the synthesis editor, in real Chromium, through the pages, on the
// fictional demo region (`serve --demo`): the secretariat opens its open cycle, « Synthèse
// régionale », creates a synthesis, writes a paragraph, cites two countries' passages found through
// the « Citer » panel (the first on the selected words, the second inserted as a quote), inserts
// I.a's chart and saves. Then the first country resubmits a changed answer (set-up through the API,
// as the country would through its own pages); the secretariat reloads the editor: the citation is
// flagged, opening it still shows the quoted submission with the passage highlighted, and « Garder
// cette citation » clears the flag. The secretariat asks the country's agreement, and the country's
// focal point approves the request on its own page, reached from its dashboard. In French, then in
// Arabic (right to left) with other countries. Every page: no sideways scrolling at 390 px, no
// serious axe-core violation, screenshots at desktop and 390 px. The API only reads state back
// (and does the country's set-up). Last, a flagged citation is updated with « Citer la nouvelle
// réponse ». At the end of each language's story the secretariat publishes the synthesis from the
// editor's « Publication » section (the confirmation counts the withheld citation) and downloads
// the version's PDF and the draft's through the page's links: pdftotext reads their end notes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  screenshot,
  startPacte,
  typeInEditor,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const CYCLE = 'demo-2';
const QUESTION = 'I.a';
const SECRETARIAT = 'secretariat.demo@demo.pacte.local';
const PASSWORD = 'a long demo password 2026';
/** The first country resubmits; XAA has the demo's own focal point, XAB's is invited in set-up. */
const STORY = {
  fr: {
    countries: ['XAA', 'XAD'],
    title: 'Travailler ensemble pour le Pacte',
    text: 'Plusieurs pays ont créé un mécanisme national de coordination.',
  },
  ar: { countries: ['XAB', 'XAE'], title: 'العمل معًا من أجل الاتفاق', text: 'أنشأت عدة بلدان آلية وطنية للتنسيق.' },
} as const;
const WORDS = {
  fr: {
    open: 'Synthèse régionale',
    create: 'Créer la synthèse',
    cite: 'Citer',
    search: 'Chercher',
    chart: 'Insérer un graphique',
    insert: 'Insérer le graphique',
    save: 'Enregistrer',
    saved: 'Enregistré à',
    marker: 'Citation : ',
    changed: 'La réponse a changé dans la soumission n° 2',
    openSubmission: 'Ouvrir la soumission n° 1',
    conflict: 'Quelqu’un a enregistré cette synthèse entre-temps',
    takeTheirs: 'Prendre leur version',
    keep: 'Garder cette citation',
    kept: 'La citation est gardée telle quelle.',
    ask: 'Demander l’accord du pays',
    pending: 'Accord demandé le',
    requests: 'Demandes de citation : 1 en attente',
    approve: 'Approuver',
    yes: 'Oui, approuver',
    approved: 'Citation approuvée dans',
    quotable: 'le pays l’a accepté',
    publish: 'Publier cette synthèse',
    withheld: '1 citation sera retenue',
    confirm: 'Confirmer la publication',
    published: 'La version 1 est publiée.',
    version: 'Version 1',
    again: 'Ce texte de la synthèse est déjà publié (version 1)',
    versionPdf: 'Télécharger la Version 1 en PDF',
    draftPdf: 'Exporter le brouillon en PDF',
  },
  ar: {
    open: 'التوليف الإقليمي',
    create: 'إنشاء التوليف',
    cite: 'استشهاد',
    search: 'بحث',
    chart: 'إدراج رسم بياني',
    insert: 'إدراج الرسم البياني',
    save: 'حفظ',
    saved: 'حُفظ عند',
    marker: 'استشهاد: ',
    changed: 'تغيّرت الإجابة في التقديم رقم 2',
    openSubmission: 'فتح التقديم رقم 1',
    conflict: 'حفظ شخص آخر هذا التوليف في الأثناء',
    takeTheirs: 'اعتماد نسختهم',
    keep: 'الإبقاء على هذا الاستشهاد',
    kept: 'أُبقي على الاستشهاد كما هو.',
    ask: 'طلب موافقة البلد',
    pending: 'طُلبت الموافقة في',
    requests: 'طلبات الاستشهاد: طلب واحد بانتظار القرار',
    approve: 'موافقة',
    yes: 'نعم، موافقة',
    approved: 'تمت الموافقة على الاستشهاد في',
    quotable: 'وافق عليه البلد',
    publish: 'نشر هذا التوليف',
    withheld: 'سيُحجب اقتباس واحد',
    confirm: 'تأكيد النشر',
    published: 'تم نشر النسخة 1.',
    version: 'النسخة 1',
    again: 'هذا النص من الخلاصة منشور بالفعل (الإصدار 1)',
    versionPdf: 'تنزيل النسخة 1 بصيغة PDF',
    draftPdf: 'تصدير المسودة بصيغة PDF',
  },
} as const;

let browser: Browser;
let server: PacteServer;
/** The synthesis each story wrote (the last test updates one of the French one's citations). */
const written: Partial<Record<Lang, number>> = {};
const contexts: BrowserContext[] = [];

interface Compared {
  answers: {
    country: string;
    countryName: Record<string, string>;
    source: { number: number };
    blocks: { type: string; text?: string }[];
  }[];
}
interface Read {
  synthesis: { id: number; revision: number };
  document: { content: unknown[] };
  citations: {
    id: number;
    country: string;
    outdated: boolean;
    submissionNumber: number;
    request: { state: string } | null;
  }[];
}

beforeAll(async () => {
  requireWebBuild();
  browser = await launchChromium();
  server = await startPacte({ region: true });
  // Set-up: a few countries' answers to I.a coded, so that its chart has bars to draw.
  const token = await secretariatToken();
  await callApi(server, token, 'POST', `/cycles/${CYCLE}/codes/${QUESTION}/suggestions`);
  for (const [country, value] of [
    ['XAF', 'new_mechanism'],
    ['XAG', 'existing_mechanism'],
    ['XAH', 'new_mechanism'],
  ] as const)
    await callApi(server, token, 'PUT', `/cycles/${CYCLE}/codes/${QUESTION}/countries/${country}`, {
      state: 'confirmed',
      values: [value],
    });
}, 180_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

const secretariatToken = () => signInToken(server, SECRETARIAT, demoAccount(server, SECRETARIAT).password);

/** A few long words of the first sentence of the country's latest submitted answer to I.a. */
async function wordsOf(country: string): Promise<{ name: Record<string, string>; words: string; number: number }> {
  const compared = await callApi<Compared>(
    server,
    await secretariatToken(),
    'GET',
    `/cycles/${CYCLE}/questions/${QUESTION}/answers`,
  );
  const answer = compared.answers.find((a) => a.country === country)!;
  const text = answer.blocks.find((b) => b.type === 'paragraph')?.text ?? '';
  // The longest sentence: the first of each demo answer says « [Données fictives] Pays fictif … ».
  const sentence = text.split(/(?<=[.!?؟])\s/u).sort((x, y) => y.length - x.length)[0]!;
  const long = [...sentence.matchAll(/[\p{L}]{6,}/gu)].map((m) => m[0]).slice(0, 3);
  return { name: answer.countryName, words: long.join(' '), number: answer.source.number };
}

/** The country's focal point: the demo's own for XAA, else one the secretariat invites. */
async function focalPoint(country: string): Promise<{ email: string; password: string }> {
  const email = `focal.point.${country.toLowerCase()}@demo.pacte.local`;
  if (server.accounts.some((a) => a.email === email)) return demoAccount(server, email);
  const invited = await callApi<{ link: string | null }>(server, await secretariatToken(), 'POST', '/invitations', {
    email,
    role: 'focal_point',
    country,
    name: `Point focal ${country}`,
  });
  const token = new URL(invited.link!).searchParams.get('token');
  await callApi(server, null, 'POST', '/invitations/accept', {
    token,
    password: PASSWORD,
    name: `Point focal ${country}`,
  });
  return { email, password: PASSWORD };
}

/** The country's focal point changes its answer to I.a and submits again; the secretariat returns it first. */
async function resubmitChanged(country: string, number: number, focal: { email: string; password: string }) {
  await callApi(server, await secretariatToken(), 'POST', `/reviews/${country}/${CYCLE}/submissions/${number}/return`, {
    reason: 'Merci de préciser la section I.',
  });
  const token = await signInToken(server, focal.email, focal.password);
  const review = `/reviews/${country}/${CYCLE}`;
  await callApi(server, token, 'POST', `${review}/answers/${QUESTION}/status`, {
    to: 'drafting',
    comment: 'Précision.',
  });
  const { revision } = await callApi<{ revision: number }>(server, token, 'GET', `${review}/answers/${QUESTION}`);
  await callApi(server, token, 'PUT', `${review}/answers/${QUESTION}`, {
    blocks: [{ type: 'paragraph', text: 'Le comité ad hoc devient une commission permanente en 2026.' }],
    baseRevision: revision,
  });
  await callApi(server, token, 'POST', `${review}/answers/${QUESTION}/status`, { to: 'in_review' });
  await callApi(server, token, 'POST', `${review}/answers/${QUESTION}/status`, { to: 'approved' });
  await callApi(server, token, 'POST', `${review}/status`, { to: 'validated' });
  await callApi(server, token, 'POST', `${review}/status`, { to: 'submitted' });
}

/** Cites, through the « Citer » panel, the passage of `country` found with its own words. */
async function citeThrough(page: Page, lang: Lang, country: string) {
  const w = WORDS[lang];
  const { name, words } = await wordsOf(country);
  await page.getByRole('toolbar').getByRole('button', { name: w.cite, exact: true }).click();
  const panel = page.locator('.synthesis-panel');
  await panel.locator('#cite-search').fill(words);
  await panel.getByRole('button', { name: w.search, exact: true }).click();
  const result = panel
    .locator('.passage-results > li', { hasText: name[lang] ?? name.fr! })
    .filter({ hasText: QUESTION })
    .first();
  await result.waitFor();
  // The words searched are highlighted in each sentence found.
  expect(await result.locator('blockquote mark').count()).toBeGreaterThan(0);
  return { result, name: name[lang] ?? name.fr! };
}

async function story(lang: Lang) {
  const w = WORDS[lang];
  const { countries, title, text } = STORY[lang];
  const [first, second] = countries;
  const page = await signedInPage(browser, server, demoAccount(server, SECRETARIAT), lang, { contexts });
  await page.goto(`${server.url}/app/cycles/${CYCLE}?lang=${lang}`);
  await page.getByRole('link', { name: w.open, exact: true }).click();
  await page.locator('#synthesis-title').waitFor();
  await checkPage(page, 'synthesis-list', lang);

  // « Nouvelle synthèse »: in the page's language by default.
  await page.fill('#synthesis-title', title);
  await page.getByRole('button', { name: w.create }).click();
  const editor = page.locator('#synthesis-text[contenteditable=true]');
  await editor.waitFor();
  expect(await editor.getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await editor.getAttribute('lang')).toBe(lang);
  await typeInEditor(page, 'synthesis-text', text);

  // First citation: the paragraph's words selected, then « Citer ».
  await editor.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  const a = await citeThrough(page, lang, first);
  await checkPage(page, 'synthesis-cite', lang);
  await a.result.getByRole('button').click();
  await editor.locator('.synthesis-cited').first().waitFor();
  expect(await editor.locator('.synthesis-cited').first().textContent()).toBe(text);

  // Second citation: nothing selected, the passage goes in as a quote.
  await editor.focus();
  await page.keyboard.press('Control+End');
  const b = await citeThrough(page, lang, second);
  await b.result.getByRole('button').click();
  await expect.poll(() => editor.locator('.citation-marker a').count()).toBe(2);
  const markers = editor.locator('.citation-marker a');
  expect(await markers.nth(0).getAttribute('aria-label')).toBe(
    `${w.marker}${a.name}${lang === 'ar' ? '، ' : ', '}${QUESTION}`,
  );
  expect(await markers.nth(1).textContent()).toBe('2');

  // I.a's chart, live from the figures API.
  await page.getByRole('toolbar').getByRole('button', { name: w.chart }).click();
  await page.selectOption('#figure-code', QUESTION);
  await page.getByRole('button', { name: w.insert }).click();
  await editor.locator(`[data-figure="${QUESTION}"] svg`).waitFor();
  await screenshot(page, `synthesis-figure-${lang}`);

  await page.locator('.editor-actions').getByRole('button', { name: w.save, exact: true }).click();
  await page.locator('.save-state', { hasText: w.saved }).waitFor();
  await checkPage(page, 'synthesis-editor', lang);

  // Read back: two citations of two countries, the figure, one revision.
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  written[lang] = id;
  const path = `/cycles/${CYCLE}/syntheses/${id}`;
  const saved = await callApi<Read>(server, await secretariatToken(), 'GET', path);
  expect(saved.synthesis.revision).toBe(1);
  expect(saved.citations.map((c) => c.country).sort()).toEqual([first, second].sort());
  expect(JSON.stringify(saved.document)).toContain(`"type":"figure","attrs":{"code":"${QUESTION}"`);

  // Someone else saves meanwhile: Save says so, with their text, and the writer takes theirs.
  const theirs = lang === 'fr' ? 'Un paragraphe ajouté par un collègue.' : 'فقرة أضافها زميل.';
  await callApi(server, await secretariatToken(), 'PUT', path, {
    document: {
      type: 'doc',
      content: [...saved.document.content, { type: 'paragraph', content: [{ type: 'text', text: theirs }] }],
    },
    baseRevision: 1,
  });
  await editor.locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' +');
  await page.locator('.editor-actions').getByRole('button', { name: w.save, exact: true }).click();
  const conflict = page.locator('.conflict', { hasText: w.conflict });
  await conflict.waitFor();
  expect(await conflict.textContent()).toContain(theirs);
  await checkPage(page, 'synthesis-conflict', lang);
  await conflict.getByRole('button', { name: w.takeTheirs }).click();
  await editor.getByText(theirs).waitFor();
  expect(await page.locator('.conflict').count()).toBe(0);

  // The first country resubmits a changed answer.
  const cited = saved.citations.find((c) => c.country === first)!;
  const focal = await focalPoint(first);
  await resubmitChanged(first, cited.submissionNumber, focal);

  await page.reload();
  const item = page.locator(`#citation-${cited.id}`);
  await item.waitFor();
  expect(await item.getAttribute('data-outdated')).toBe('true');
  // Flagged ones first.
  expect(await page.locator('.synthesis-citations li').first().getAttribute('id')).toBe(`citation-${cited.id}`);
  await editor.locator(`[data-citation="${cited.id}"]`).click();
  const panel = page.locator('.citation-panel');
  await panel.locator('.citation-outdated', { hasText: w.changed }).waitFor();
  // Still the quoted submission, with the passage highlighted.
  const quoted = await panel.locator('.citation-passage').textContent();
  expect(await panel.locator('.quoted-answer mark').textContent()).toBe(quoted);
  expect(await panel.getByRole('link', { name: w.openSubmission }).count()).toBe(1);
  await checkPage(page, 'synthesis-citation', lang);

  await panel.getByRole('button', { name: w.keep }).click();
  await panel.locator('[role=status]', { hasText: w.kept }).waitFor();
  await expect.poll(() => item.getAttribute('data-outdated')).toBe('false');

  await panel.getByRole('button', { name: w.ask }).click();
  await panel.locator('[data-request-state=pending]', { hasText: w.pending }).waitFor();
  const after = await callApi<Read>(server, await secretariatToken(), 'GET', path);
  expect(after.citations.find((c) => c.id === cited.id)).toMatchObject({
    outdated: false,
    request: { state: 'pending' },
  });

  // The focal point approves on its own page, reached from its dashboard.
  const fp = await signedInPage(browser, server, focal, lang, { contexts });
  await fp.goto(`${server.url}/app/reviews/${first}/${CYCLE}?lang=${lang}`);
  await fp.getByRole('link', { name: w.requests }).click();
  const request = fp.locator('.citation-requests > li').first();
  await request.waitFor();
  expect(await request.locator('blockquote').textContent()).toBe(quoted);
  await checkPage(fp, 'synthesis-requests', lang);
  await request.getByRole('button', { name: w.approve, exact: true }).click();
  await request.getByRole('button', { name: w.yes }).click();
  const status = fp.locator('main .notice[role=status]', { hasText: w.approved });
  await status.waitFor();
  await expect.poll(() => fp.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
  const decided = await callApi<Read>(server, await secretariatToken(), 'GET', path);
  expect(decided.citations.find((c) => c.id === cited.id)?.request?.state).toBe('approved');
  // The secretariat's list now says the public may read it.
  await page.reload();
  await item.locator('.citation-public', { hasText: w.quotable }).waitFor();

  await publishAndExport(page, lang, { quotable: a.name, withheld: b.name });
}

/** The text pdftotext reads in the PDF the page's download link gives, its spaces made single. */
async function downloadedPdf(page: Page, link: string, name: string): Promise<string> {
  // The page's own link, fetched with the page's cookies (the contexts do not accept downloads).
  const href = await page.locator(link).getAttribute('href');
  expect(href).toMatch(/^\/api\/v1\/jobs\/[^/]+\/file$/u);
  const response = await page.request.get(new URL(href!, page.url()).toString());
  expect(response.status()).toBe(200);
  mkdirSync('test-results', { recursive: true });
  const file = join('test-results', `${name}.pdf`);
  writeFileSync(file, await response.body());
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
}

/**
 * « Publier cette synthèse »: the confirmation says the one citation its country has not agreed to
 * is withheld; the result is a focused status and version 1 in the list. Its PDF names the quotable
 * country, the question and a date, and nothing of the withheld one; the draft's PDF names both.
 */
async function publishAndExport(page: Page, lang: Lang, names: { quotable: string; withheld: string }) {
  const w = WORDS[lang];
  const section = page.locator('.synthesis-publication');
  await section.getByRole('button', { name: w.publish }).click();
  await section.locator('.confirm', { hasText: w.withheld }).waitFor();
  await checkPage(page, 'synthesis-publish-confirm', lang);
  await section.getByRole('button', { name: w.confirm }).click();
  const status = section.locator('[role=status]', { hasText: w.published });
  await status.waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
  await section.locator('.synthesis-versions > li', { hasText: w.version }).waitFor();
  await checkPage(page, 'synthesis-publication', lang);
  // Nothing changed since: the server refuses, in the reader's language, and nothing is published.
  await section.getByRole('button', { name: w.publish }).click();
  await section.getByRole('button', { name: w.confirm }).click();
  await section.locator('[role=alert]', { hasText: w.again }).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
  expect(await section.locator('.synthesis-versions > li').count()).toBe(1);

  await section.getByRole('button', { name: w.versionPdf }).click();
  const version = await downloadedPdf(
    page,
    '.synthesis-versions .synthesis-download-pdf',
    `synthesis-story-v1-${lang}`,
  );
  expect(noteOf(version, lang, names.quotable), version).toBe(true);
  expect(noteOf(version, lang, names.withheld), version).toBe(false);

  await section.getByRole('button', { name: w.draftPdf }).click();
  const draft = await downloadedPdf(
    page,
    '.synthesis-publication > .button-group .synthesis-download-pdf',
    `synthesis-story-draft-${lang}`,
  );
  for (const name of [names.quotable, names.withheld]) expect(noteOf(draft, lang, name), draft).toBe(true);
}

/**
 * Whether the PDF's text has the country's note: « <pays>, question I.a, soumission du 6 décembre
 * 2026 ». pdftotext writes Arabic lines in visual order with its own direction marks, the Latin
 * runs (I.a, the digits) moved about: there, the country's name then, within the note, « السؤال »,
 * I.a, « التقديم المؤرخ » and a year.
 */
function noteOf(text: string, lang: Lang, name: string): boolean {
  if (lang === 'fr')
    return new RegExp(`${name}, question ${QUESTION}, soumission du \\d{1,2} \\S+ \\d{4}`, 'u').test(text);
  const plain = text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '');
  return [...plain.matchAll(new RegExp(name, 'gu'))].some((m) => {
    const note = plain.slice(m.index, m.index + name.length + 60);
    return ['السؤال', QUESTION, 'التقديم المؤرخ'].every((part) => note.includes(part)) && /\d{4}/u.test(note);
  });
}

/**
 * The second country of the French story resubmits a changed answer: its citation is flagged, the
 * quoted words are no longer there, so « Citer la nouvelle réponse » searches that country's latest
 * sentences; the one chosen becomes the citation's passage, of the new submission, and the flag goes.
 */
async function updateFlagged() {
  const id = written.fr!;
  const path = `/cycles/${CYCLE}/syntheses/${id}`;
  const country = STORY.fr.countries[1];
  const before = await callApi<Read>(server, await secretariatToken(), 'GET', path);
  const cited = before.citations.find((c) => c.country === country)!;
  await resubmitChanged(country, cited.submissionNumber, await focalPoint(country));

  const page = await signedInPage(browser, server, demoAccount(server, SECRETARIAT), 'fr', { contexts });
  await page.goto(`${server.url}/app${path}?lang=fr`);
  const item = page.locator(`#citation-${cited.id}`);
  await item.waitFor();
  expect(await item.getAttribute('data-outdated')).toBe('true');
  await item.getByRole('button').click();
  const panel = page.locator('.citation-panel');
  await panel.getByRole('button', { name: 'Citer la nouvelle réponse' }).click();
  await panel.locator('#cite-search').fill('commission permanente');
  await panel.getByRole('button', { name: 'Chercher', exact: true }).click();
  const result = panel.locator('.passage-results > li').first();
  await result.waitFor();
  // Only that country's sentences are offered.
  expect(await panel.locator('.passage-results > li').count()).toBe(1);
  await checkPage(page, 'synthesis-update', 'fr');
  await result.getByRole('button').click();
  await panel.locator('[role=status]', { hasText: 'La citation cite maintenant la soumission n° ' }).waitFor();
  await expect.poll(() => item.getAttribute('data-outdated')).toBe('false');
  await panel.locator('.quoted-answer mark', { hasText: 'commission permanente' }).waitFor();
  const after = await callApi<Read>(server, await secretariatToken(), 'GET', path);
  expect(after.citations.find((c) => c.id === cited.id)).toMatchObject({
    outdated: false,
    submissionNumber: cited.submissionNumber + 1,
  });
}

/** The region's translator reads the synthesis and its citations, and changes nothing. */
async function translatorReads() {
  const email = 'translator.synthesis@demo.pacte.local';
  const invited = await callApi<{ link: string | null }>(server, await secretariatToken(), 'POST', '/invitations', {
    email,
    role: 'translator',
    region: 'demo',
  });
  const token = new URL(invited.link!).searchParams.get('token');
  await callApi(server, null, 'POST', '/invitations/accept', { token, password: PASSWORD, name: 'Traductrice' });
  const page = await signedInPage(browser, server, { email, password: PASSWORD }, 'fr', { contexts });
  await page.goto(`${server.url}/app/cycles/${CYCLE}/syntheses?lang=fr`);
  await page.getByRole('link', { name: STORY.fr.title }).click();
  const editor = page.locator('#synthesis-text');
  await editor.waitFor();
  expect(await editor.getAttribute('contenteditable')).toBe('false');
  expect(await editor.getAttribute('aria-readonly')).toBe('true');
  expect(await page.getByRole('toolbar').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Enregistrer', exact: true }).count()).toBe(0);
  await page.locator('.synthesis-citations li button').first().click();
  await page.locator('.citation-panel .quoted-answer').waitFor();
  expect(await page.getByRole('button', { name: 'Demander l’accord du pays' }).count()).toBe(0);
  expect(await page.getByRole('heading', { name: 'Nouvelle synthèse' }).count()).toBe(0);
  // The published versions, read in place; neither publishing nor the draft's exports.
  const publication = page.locator('.synthesis-publication');
  await publication.getByRole('button', { name: 'Lire la version 1' }).click();
  await publication.locator('.synthesis-version .synthesis-text').waitFor();
  expect(await publication.getByRole('button', { name: 'Publier cette synthèse' }).count()).toBe(0);
  expect(await publication.getByRole('button', { name: 'Exporter le brouillon en PDF' }).count()).toBe(0);
  expect(await publication.getByRole('button', { name: 'Télécharger la Version 1 en PDF' }).count()).toBe(1);
}

/** The demo region's own Arabic edition (demo-synthesis.ts) opens in the editor with its figure, matrix and citations. */
async function demoEdition() {
  const page = await signedInPage(browser, server, demoAccount(server, SECRETARIAT), 'ar', { contexts });
  await page.goto(`${server.url}/app/cycles/${CYCLE}/syntheses?lang=ar`);
  await page.getByRole('link', { name: 'الخلاصة الإقليمية (بيانات وهمية)', exact: true }).click();
  const editor = page.locator('#synthesis-text');
  await editor.locator('[data-figure] svg').waitFor();
  await editor.locator('.synthesis-matrix table').waitFor();
  expect(await editor.locator('.citation-marker a').count()).toBeGreaterThan(0);
  expect(await editor.getAttribute('dir')).toBe('rtl');
  await checkPage(page, 'synthesis-demo', 'ar');
}

describe('the regional synthesis in the browser', () => {
  it('writes, cites two countries, inserts a chart, keeps a flagged citation, gets it approved (fr)', async () => {
    await story('fr');
  }, 300_000);

  it('does the same in Arabic, right to left, with other countries (ar)', async () => {
    await story('ar');
  }, 300_000);

  it('updates a flagged citation to a passage of the new answer (fr)', async () => {
    await updateFlagged();
  }, 300_000);

  it('opens the demo region’s own Arabic synthesis with its figure, matrix and citations (ar)', async () => {
    await demoEdition();
  }, 120_000);

  it('lets the region’s translator read the synthesis and change nothing (fr)', async () => {
    await translatorReads();
  }, 120_000);
});
