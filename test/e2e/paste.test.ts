/// <reference lib="dom" />
// Paste keeps the structure (issue 12, item 3), in real Chromium: the focal point pastes clipboard
// HTML from Word (mso-list paragraphs), LibreOffice and Google Docs, and plain text with typed
// bullets, into the answer editor (TipTap), in French and in Arabic, saves, and the answer's blocks read back
// through the API are the samples' answer keys (test/fixtures/paste/*.expected.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import {
  ROOT,
  elementsOutsideViewport,
  launchChromium,
  requireWebBuild,
  screenshot,
  seriousViolations,
  startPacte,
  type DemoAccount,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const REVIEW_API = '/api/v1/reviews/MAR/arab-2021';
const FIXTURES = join(ROOT, 'test/fixtures/paste');
const SAVE = { fr: 'Enregistrer', ar: 'حفظ' } as const;

let server: PacteServer;
let browser: Browser;
let focal: DemoAccount;
let token: string;
/** Questions the focal point may write, handed out one per paste so each answer is fresh. */
let questions: string[] = [];

beforeAll(async () => {
  requireWebBuild();
  server = await startPacte();
  browser = await launchChromium();
  const found = server.accounts.find((a) => a.role === 'focal_point');
  if (!found) throw new Error(`serve --demo listed no focal point: ${JSON.stringify(server.accounts)}`);
  focal = found;
  const session = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: focal.email, password: focal.password }),
  });
  token = ((await session.json()) as { token: string }).token;
  const workspace = (await api(`${REVIEW_API}/workspace`)) as {
    sections: { questions: { id: string; status: string }[] }[];
  };
  questions = workspace.sections
    .flatMap((s) => s.questions)
    .filter((q) => q.status === 'not_started' || q.status === 'drafting')
    .map((q) => q.id);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function api(path: string): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return response.json();
}

const sample = (name: string, ext: string) => readFileSync(join(FIXTURES, `${name}.${ext}`), 'utf8');
const answerKey = (name: string) => (JSON.parse(sample(name, 'expected.json')) as { blocks: Block[] }).blocks;

/** What a browser's clipboard holds after copying in an office suite: HTML and its plain text. */
function clipboardOf(name: string): { html: string; text: string } {
  try {
    return { html: '', text: sample(name, 'txt') };
  } catch {
    const html = sample(name, 'html');
    const text = html
      .replace(/<(style|head)[\s\S]*?<\/\1>/giu, '')
      .replace(/<[^>]+>/gu, ' ')
      .replace(/\s+/gu, ' ');
    return { html, text };
  }
}

async function signIn(lang: Lang): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/app/sign-in?lang=${lang}`);
  await page.fill('#email', focal.email);
  await page.fill('#password', focal.password);
  await page.click('main button[type=submit]');
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  return page;
}

/**
 * Puts the clipboard on the answer's editor as Chromium does on Ctrl+V: a paste event whose
 * DataTransfer holds the HTML and its plain text, on the editable element, cursor at the end.
 */
async function paste(page: Page, clipboard: { html: string; text: string }) {
  await page.locator('#answer-text').evaluate((editable: HTMLElement, data) => {
    editable.focus();
    const range = document.createRange();
    range.selectNodeContents(editable);
    range.collapse(false);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    const transfer = new DataTransfer();
    if (data.html) transfer.setData('text/html', data.html);
    transfer.setData('text/plain', data.text);
    editable.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, clipboard);
}

async function pasteAndSave(page: Page, lang: Lang, name: string, undo = false): Promise<Block[]> {
  const question = questions.shift();
  if (!question) throw new Error('the demo has no more answers to write');
  await page.goto(`${server.url}/app/reviews/MAR/arab-2021/answers/${question}?lang=${lang}`);
  const editor = page.locator('#answer-text[contenteditable=true]');
  await editor.waitFor();
  await editor.fill('');
  const nested = page.locator('#answer-text :is(ul, ol) :is(ul, ol)').first();
  await paste(page, clipboardOf(name));
  if (undo) {
    // The paste is one step of the editor's history: Ctrl+Z takes it back.
    await nested.waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => editor.textContent()).toBe('');
    await paste(page, clipboardOf(name));
  }
  // The editor shows the lists themselves, nested.
  await nested.waitFor();
  await page.getByRole('button', { name: SAVE[lang], exact: true }).click();
  const saved = page.locator('.draft-editor .save-state', { hasText: /\d/u });
  // « Enregistré à 10:42 »; anything else (a refusal, a network error) is shown with the page.
  await saved.waitFor({ timeout: 45_000 }).catch(async (error: Error) => {
    await screenshot(page, `paste-not-saved-${name}`);
    const state = await page.locator('.draft-editor .save-state').textContent();
    throw new Error(`${name} not saved: « ${state} » (${error.message})`);
  });
  const answer = (await api(`${REVIEW_API}/answers/${question}`)) as { blocks: Block[] };
  return answer.blocks;
}

async function checkPage(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  expect(await seriousViolations(page), name).toEqual([]);
  await screenshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(widths[0], `${name}: the page scrolls sideways at 390 px`).toBeLessThanOrEqual(widths[1]!);
  expect(await elementsOutsideViewport(page), name).toEqual([]);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.each([
  { lang: 'fr' as const, word: 'word-fr', libreoffice: 'libreoffice-fr-I.g', docs: 'google-docs-fr', text: 'text-fr' },
  { lang: 'ar' as const, word: 'word-ar', libreoffice: 'libreoffice-ar-II.d', docs: 'google-docs-ar', text: 'text-ar' },
])('pasting into the answer editor in $lang', ({ lang, word, libreoffice, docs, text }) => {
  let page: Page;
  beforeAll(async () => {
    page = await signIn(lang);
  }, 60_000);
  afterAll(async () => {
    await page?.context().close();
  });

  it('keeps the lists of a Word document (mso-list, three levels, bullets and numbers)', async () => {
    expect(await pasteAndSave(page, lang, word)).toEqual(answerKey(word));
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
    await checkPage(page, `paste-word-${lang}`);
  }, 90_000);

  it('keeps the lists of a LibreOffice document (the review document’s own answer)', async () => {
    expect(await pasteAndSave(page, lang, libreoffice)).toEqual(answerKey(libreoffice));
    await checkPage(page, `paste-libreoffice-${lang}`);
  }, 90_000);

  it('keeps the lists of a Google Docs document', async () => {
    expect(await pasteAndSave(page, lang, docs)).toEqual(answerKey(docs));
  }, 90_000);

  it('turns typed bullets and numbers in plain text into lists; Ctrl+Z undoes a paste', async () => {
    expect(await pasteAndSave(page, lang, text, true)).toEqual(answerKey(text));
  }, 90_000);
});
