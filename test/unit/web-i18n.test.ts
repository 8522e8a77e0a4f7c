import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/domain/language.js';

/** The web app's messages (src/i18n/locales/<lang>/web.json): the same keys in each language. */
const web = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${lang}/web.json`, import.meta.url), 'utf8')) as Record<
      string,
      string
    >,
  ]),
);

describe('the web app’s messages in French, English and Arabic', () => {
  it('has every key in every language, none empty', () => {
    const keys = new Set(LANGUAGES.flatMap((lang) => Object.keys(web[lang]!)));
    for (const lang of LANGUAGES) {
      expect(
        [...keys].filter((key) => !(key in web[lang]!)),
        `${lang}/web.json`,
      ).toEqual([]);
      expect(
        Object.entries(web[lang]!).filter(([, text]) => text.trim() === ''),
        `${lang}/web.json`,
      ).toEqual([]);
    }
  });

  it('uses the same placeholders in each language of a message', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(web.en!)) {
      for (const lang of LANGUAGES)
        expect(placeholders(web[lang]![key]!), `${lang} ${key}`).toEqual(placeholders(web.en![key]!));
    }
  });

  it('names every status of the workflows and every move', async () => {
    const { ANSWER_STATUSES, REVIEW_STATUSES, ANSWER_MOVES, REVIEW_MOVES } =
      await import('../../src/domain/workflow.js');
    const wanted = [
      ...ANSWER_STATUSES.map((s) => `answer.status.${s}`),
      ...REVIEW_STATUSES.map((s) => `review.status.${s}`),
      ...ANSWER_MOVES.map((m) => `answer.move.${m.to}`),
      ...REVIEW_MOVES.map((m) => `review.move.${m.to}`),
    ];
    for (const lang of LANGUAGES)
      expect(
        wanted.filter((key) => !(key in web[lang]!)),
        lang,
      ).toEqual([]);
  });
});
