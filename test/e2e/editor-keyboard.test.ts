/// <reference lib="dom" />
// The answer editor with the keyboard alone (issue 12, items 2 and 11), in real Chromium, in
// French and in Arabic: Tab into the editor, a paragraph, Ctrl+Shift+8 for bullets, Tab and
// Shift+Tab to nest three levels and come back, Enter twice to leave the list, the toolbar
// reached with Shift+Tab and worked with the arrows and Enter, « - » starting a list, Escape then
// Tab out of the editor to Save. The blocks read back through the API are the expected ones; in
// Arabic the lists indent on the right; on a 390 px phone Save is on the first screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import {
  launchChromium,
  requireWebBuild,
  screenshot,
  seriousViolations,
  signInToken,
  startPacte,
  type DemoAccount,
  type PacteServer,
} from '../support/browser.js';

type Lang = 'fr' | 'ar';
const REVIEW = '/reviews/MAR/arab-2021';
const SAVE = { fr: 'Enregistrer', ar: 'حفظ' } as const;
const NUMBERS = { fr: 'Numéros', ar: 'أرقام' } as const;
const WORDS = {
  fr: ['Introduction du comité', 'Ministères', 'Intérieur', 'Direction des migrations', 'Travail', 'Société civile'],
  ar: ['مقدمة اللجنة', 'الوزارات', 'الداخلية', 'مديرية الهجرة', 'الشغل', 'المجتمع المدني'],
} as const;
const LAST = { fr: ['Conclusion', 'Annexe'], ar: ['خاتمة', 'ملحق'] } as const;

let server: PacteServer;
let browser: Browser;
let focal: DemoAccount;
let token: string;
/** Answers the focal point may write, one per story so each starts fresh. */
let questions: string[] = [];

beforeAll(async () => {
  requireWebBuild();
  server = await startPacte();
  browser = await launchChromium();
  const found = server.accounts.find((a) => a.role === 'focal_point');
  if (!found) throw new Error(`serve --demo listed no focal point: ${JSON.stringify(server.accounts)}`);
  focal = found;
  token = await signInToken(server, focal.email, focal.password);
  const workspace = (await api(`${REVIEW}/workspace`)) as {
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
  const response = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return response.json();
}

async function signIn(lang: Lang, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server.url}/app/sign-in?lang=${lang}`);
  await page.fill('#email', focal.email);
  await page.fill('#password', focal.password);
  await page.click('main button[type=submit]');
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  return page;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

const item = (text: string, blocks: Block[] = []) => ({ text, blocks });
const list = (ordered: boolean, ...items: ReturnType<typeof item>[]): Block => ({ type: 'list', ordered, items });

describe.each(['fr', 'ar'] as const)('the answer editor with the keyboard alone in %s', (lang) => {
  let page: Page;
  let question: string;
  beforeAll(async () => {
    page = await signIn(lang);
    question = questions.shift()!;
    expect(question, 'the demo has no more answers to write').toBeTruthy();
  }, 60_000);
  afterAll(async () => {
    await page?.context().close();
  });

  it('writes nested lists, works the toolbar, leaves with Escape then Tab and saves', async () => {
    const [intro, one, two, three, four, five] = WORDS[lang];
    const [end, last] = LAST[lang];
    const key = (k: string) => page.keyboard.press(k);
    const type = (text: string) => page.keyboard.type(text);
    await page.goto(`${server.url}/app${REVIEW}/answers/${question}?lang=${lang}`);
    await page.locator('#answer-text[contenteditable=true]').waitFor();
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');

    // Tab from the top of the page until the editor has the focus (the toolbar is one stop).
    await page.locator('h1').focus();
    for (let i = 0; i < 60 && (await focusedId(page)) !== 'answer-text'; i++) await key('Tab');
    expect(await focusedId(page)).toBe('answer-text');
    await key('Control+a');
    await key('Delete');

    await type(intro!);
    await key('Enter');
    await key('Control+Shift+8');
    await type(one!);
    await key('Enter');
    await key('Tab');
    await type(two!);
    await key('Enter');
    await key('Tab');
    await type(three!);
    await page.locator('#answer-text ul ul ul li').waitFor();
    // In a list, Tab nests: the focus never leaves the editor there.
    expect(await focusedId(page)).toBe('answer-text');
    await key('Enter');
    await key('Shift+Tab');
    await type(four!);
    await key('Enter');
    await key('Shift+Tab');
    await type(five!);
    await key('Enter');
    await key('Enter');
    await type(end!);

    // Outside a list Shift+Tab goes back to the toolbar; the arrows move in it (mirrored in
    // Arabic), Enter acts and gives the text back its cursor.
    await key('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role=toolbar]') !== null)).toBe(true);
    await key(lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
    expect(await focusedText(page)).toContain(NUMBERS[lang]);
    await key('Enter');
    // The editor takes the focus back in the next frame.
    await expect.poll(() => focusedId(page)).toBe('answer-text');
    await expect(page.getByRole('button', { name: NUMBERS[lang] }).getAttribute('aria-pressed')).resolves.toBe('true');
    await key('End');
    await key('Enter');
    await key('Enter');
    await type(`- ${last}`);

    // Inside a list Tab stays in the editor; Escape then Tab leaves it, for Save.
    await key('Tab');
    expect(await focusedId(page)).toBe('answer-text');
    await key('Escape');
    await key('Tab');
    expect(await focusedText(page)).toBe(SAVE[lang]);
    await key('Enter');
    await page.locator('.draft-editor .save-state', { hasText: /\d/u }).waitFor({ timeout: 45_000 });

    const answer = (await api(`${REVIEW}/answers/${question}`)) as { blocks: Block[] };
    expect(answer.blocks).toEqual([
      { type: 'paragraph', text: intro },
      list(false, item(one!, [list(false, item(two!, [list(false, item(three!))]), item(four!))]), item(five!)),
      list(true, item(end!)),
      list(false, item(last!)),
    ]);

    // The lists take the direction of their text: in Arabic they indent, and carry their
    // bullets, on the right.
    const sides = await page
      .locator('#answer-text > ul')
      .first()
      .evaluate((ul) => {
        const outer = ul.getBoundingClientRect();
        const inner = ul.querySelector('li')!.getBoundingClientRect();
        return { dir: getComputedStyle(ul).direction, left: inner.left - outer.left, right: outer.right - inner.right };
      });
    expect(sides.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    if (lang === 'ar') expect(sides.right).toBeGreaterThan(sides.left + 10);
    else expect(sides.left).toBeGreaterThan(sides.right + 10);

    await page.evaluate(() => document.fonts.ready);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#answer-text').scrollIntoViewIfNeeded();
    await screenshot(page, `editor-keyboard-${lang}`);
  }, 120_000);

  it('on a 390 px phone: no sideways scrolling, and Save on the first screen once the editor has the focus', async () => {
    const phone = await signIn(lang, { width: 390, height: 844 });
    try {
      await phone.goto(`${server.url}/app${REVIEW}/answers/${question}?lang=${lang}`);
      const editor = phone.locator('#answer-text[contenteditable=true]');
      await editor.waitFor();
      await editor.focus();
      const widths = await phone.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      const save = await phone.getByRole('button', { name: SAVE[lang], exact: true }).boundingBox();
      expect(save, 'Save is shown').not.toBeNull();
      expect(save!.y).toBeGreaterThanOrEqual(0);
      expect(save!.y + save!.height).toBeLessThanOrEqual(844);
      await phone.evaluate(() => document.fonts.ready);
      await screenshot(phone, `editor-keyboard-${lang}-phone`);
    } finally {
      await phone.context().close();
    }
  }, 90_000);
});
