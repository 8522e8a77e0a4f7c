/// <reference lib="dom" />
// The review page in real Chromium: structure of the answers, Arabic interface (RTL, mirrored
// layout, real Arabic font), keyboard use, accessibility (axe-core) and a phone viewport.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  elementsOutsideViewport,
  launchChromium,
  publishDemoReview,
  resultPath,
  screenshot,
  seriousViolations,
  startPacte,
  type PacteServer,
} from '../support/browser.js';

const REVIEW = '/reviews/MAR/arab-2021';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let server: PacteServer;
let browser: Browser;

beforeAll(async () => {
  server = await startPacte();
  await publishDemoReview(server); // these pages are the public's
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a page in a context of its own (close it with page.context().close()). */
async function open(path: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status()).toBe(200);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

describe('the review page in French (the review’s own language)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(REVIEW);
  });
  afterAll(() => page.context().close());

  it('speaks French, left to right, with the review’s title', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await expect(page.locator('h1').textContent()).resolves.toContain('Premier Examen Régional du Pacte mondial');
    await screenshot(page, 'review-fr-desktop');
  });

  it('has 5 sections (h2) and 24 questions (h3 with the question id)', async () => {
    await expect(page.locator('main section.section > h2').count()).resolves.toBe(5);
    await expect(page.locator('main section.section article.question').count()).resolves.toBe(24);
    const ids = await page.locator('article.question h3 .question-id').allTextContents();
    expect(ids).toHaveLength(24);
    expect(ids.slice(0, 3)).toEqual(['I.a', 'I.b', 'I.c']);
    // The French wording is the official one: no "unofficial translation" tag.
    await expect(page.locator('article.question h3 .tag').count()).resolves.toBe(0);
    await expect(page.locator('#q-I\\.g h3').textContent()).resolves.toContain('Avez-vous pu présenter');
  });

  it('keeps the nesting of I.g’s answer: ul > li > ul > li > ol of 6 items', async () => {
    const answer = page.locator('#q-I\\.g div.answer-text');
    await expect(answer.getAttribute('lang')).resolves.toBe('fr');
    const nested = answer.locator(':scope > ul > li > ul > li > ol');
    await expect(nested.count()).resolves.toBe(1);
    // The ordered list hangs from the second item of the nested list.
    const second = answer.locator(':scope > ul > li > ul > li').nth(1);
    await expect(second.locator(':scope > ol > li').count()).resolves.toBe(6);
    const items = await nested.locator(':scope > li').allTextContents();
    expect(items).toHaveLength(6);
    expect(items[0]).toContain('mineurs non-accompagnés');
    expect(items[5]).toContain('Migration et communication');
    await answer.screenshot({ path: resultPath('review-fr-Ig') });
  });

  it('opens IV.c’s answer with its paragraph, followed by a list', async () => {
    const first = page.locator('#q-IV\\.c div.answer-text > :first-child');
    await expect(first.evaluate((el) => el.tagName)).resolves.toBe('P');
    await expect(first.textContent()).resolves.toBe('Des ressources supplémentaires sont nécessaires pour :');
    const next = page.locator('#q-IV\\.c div.answer-text > :first-child + *');
    await expect(next.evaluate((el) => el.tagName)).resolves.toMatch(/^[UO]L$/);
    await expect(next.locator('li').count()).resolves.toBeGreaterThan(1);
  });

  it('puts "54.000 demandes" inside a list item and shows no parser leftovers', async () => {
    const item = page.locator('div.answer li', { hasText: '54.000 demandes' });
    await expect(item.count()).resolves.toBeGreaterThan(0);
    const visible = await page.evaluate(() => document.body.innerText);
    expect(visible).toContain('54.000 demandes');
    expect(visible).not.toMatch(/Questions\s+Réponses/);
  });

  it('draws the answer’s border on the left (inline start) in LTR', async () => {
    const answer = page.locator('#q-I\\.a div.answer');
    const style = await answer.evaluate((el) => {
      const s = getComputedStyle(el);
      return { direction: s.direction, left: s.borderLeftWidth, right: s.borderRightWidth };
    });
    expect(style.direction).toBe('ltr');
    expect(parseFloat(style.left)).toBeGreaterThan(0);
    expect(parseFloat(style.right)).toBe(0);
  });
});

describe('the review page in the Arabic interface', () => {
  let page: Page;
  const fontResponses: { url: string; status: number }[] = [];
  beforeAll(async () => {
    page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    page.on('response', (response) => {
      if (response.url().includes('/assets/fonts/'))
        fontResponses.push({ url: response.url(), status: response.status() });
    });
    const response = await page.goto(`${server.url}${REVIEW}?lang=ar`);
    expect(response?.status()).toBe(200);
    await page.evaluate(() => document.fonts.ready);
  });
  afterAll(() => page.context().close());

  it('is html[lang=ar][dir=rtl]', async () => {
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await screenshot(page, 'review-ar-desktop');
  });

  it('shows Arabic section and question headings, tagged as unofficial translations', async () => {
    const arabic = /[\u0600-\u06FF]{3,}/;
    const sections = await page.locator('section.section > h2').allTextContents();
    expect(sections).toHaveLength(5);
    for (const heading of sections) expect(heading).toMatch(arabic);
    const questions = await page.locator('article.question h3').allTextContents();
    expect(questions).toHaveLength(24);
    for (const heading of questions) expect(heading).toMatch(arabic);
    await expect(page.locator('article.question h3 .tag').count()).resolves.toBe(24);
    await expect(page.locator('#q-I\\.a h3 .tag').textContent()).resolves.toBe('ترجمة غير رسمية');
  });

  it('keeps the answers in French, left to right', async () => {
    const answers = page.locator('div.answer-text');
    await expect(answers.count()).resolves.toBe(24);
    const langs = await answers.evaluateAll((els) => els.map((el) => el.getAttribute('lang')));
    expect(new Set(langs)).toEqual(new Set(['fr']));
    const directions = await answers.evaluateAll((els) => els.map((el) => getComputedStyle(el).direction));
    expect(new Set(directions)).toEqual(new Set(['ltr']));
    // The summary names the answers' language in French, marked as such for screen readers.
    await expect(page.locator('dl.summary dd [lang=fr]').textContent()).resolves.toBe('Français');
    const item = page.locator('#q-I\\.g div.answer li').first();
    await expect(item.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('ltr');
  });

  it('mirrors the layout: brand at the right edge, language switch to its left', async () => {
    const brand = (await page.locator('.masthead .brand').boundingBox())!;
    const languages = (await page.locator('.masthead .language-switch').boundingBox())!;
    const inner = await page.locator('.masthead-inner').evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { right: box.right - parseFloat(getComputedStyle(el).paddingRight) };
    });
    expect(brand.x).toBeGreaterThan(languages.x + languages.width);
    expect(Math.abs(brand.x + brand.width - inner.right)).toBeLessThanOrEqual(1);
  });

  it('draws the answer’s border on the right (the page’s inline start) in RTL', async () => {
    const style = await page.locator('#q-I\\.a div.answer').evaluate((el) => {
      const s = getComputedStyle(el);
      return { left: s.borderLeftWidth, right: s.borderRightWidth };
    });
    expect(parseFloat(style.right)).toBeGreaterThan(0);
    expect(parseFloat(style.left)).toBe(0);
    await page.locator('#q-I\\.a').screenshot({ path: resultPath('review-ar-Ia') });
  });

  it('shapes Arabic with the self-hosted Noto Naskh Arabic font', async () => {
    const loaded = await page.evaluate(() =>
      Array.from(document.fonts)
        .filter((face) => face.status === 'loaded')
        .map((face) => `${face.family.replace(/["']/g, '')} ${face.weight}`),
    );
    expect(loaded).toContain('Noto Naskh Arabic 400');
    expect(loaded).toContain('Noto Naskh Arabic 700');
    await expect(
      page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'ترجمة غير رسمية')),
    ).resolves.toBe(true);
    const naskh = fontResponses.filter((r) => r.url.includes('noto-naskh-arabic'));
    expect(naskh.length).toBeGreaterThan(0);
    for (const response of naskh) expect(response.status).toBe(200);
  });
});

describe('the review page with the keyboard', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(REVIEW);
  });
  afterAll(() => page.context().close());

  it('focuses the skip link first, and the skip link moves focus to main', async () => {
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    // The focused skip link is visible, inside the viewport.
    const box = (await page.locator('.skip-link').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(DESKTOP.width);
    await screenshot(page, 'review-fr-skip-link');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
  });

  it('reaches the three language links with Tab, and follows one with Enter', async () => {
    await page.goto(`${server.url}${REVIEW}`);
    const reached: string[] = [];
    for (let i = 0; i < 8 && reached.length < 3; i++) {
      await page.keyboard.press('Tab');
      const hreflang = await page.evaluate(() => document.activeElement?.getAttribute('hreflang') ?? null);
      if (hreflang) reached.push(hreflang);
    }
    expect(reached).toEqual(['fr', 'en', 'ar']);
    // Focus is on the Arabic link now.
    await page.keyboard.press('Enter');
    await page.waitForURL(/lang=ar$/);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  });
});

describe('accessibility of the review page (axe-core)', () => {
  for (const lang of ['fr', 'ar']) {
    it(`has no serious or critical violation in ${lang}`, async () => {
      const page = await open(`${REVIEW}?lang=${lang}`);
      try {
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }
});

describe('the review page on a phone (390×844)', () => {
  for (const lang of ['fr', 'ar']) {
    it(`does not scroll sideways in ${lang}`, async () => {
      const page = await open(`${REVIEW}?lang=${lang}`, PHONE);
      try {
        const widths = await page.evaluate(() => ({
          scroll: document.scrollingElement!.scrollWidth,
          inner: window.innerWidth,
        }));
        expect(widths.inner).toBe(PHONE.width);
        expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
        expect(await elementsOutsideViewport(page)).toEqual([]);
        await screenshot(page, `review-${lang}-phone`);
        await page.locator('#q-I\\.g').scrollIntoViewIfNeeded();
        await screenshot(page, `review-${lang}-phone-Ig`);
      } finally {
        await page.context().close();
      }
    });
  }
});
