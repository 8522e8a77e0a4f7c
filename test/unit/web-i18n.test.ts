import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/domain/language.js';
import { argumentsOf } from '../../src/i18n/messages.js';
import { i18n, makeLocale } from '../../src/web/lib/i18n.js';

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

  it('uses the same ICU arguments in each language of a message', () => {
    for (const key of Object.keys(web.en!)) {
      for (const lang of LANGUAGES)
        expect(argumentsOf(web[lang]![key]!), `${lang} ${key}`).toEqual(argumentsOf(web.en![key]!));
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

describe('the web app’s locale (useLocale)', () => {
  it('says how many evidence files a contribution has, in each language’s plural', () => {
    const count = (lang: 'fr' | 'en' | 'ar', n: number) =>
      makeLocale(lang).t('contribution.evidence_count', { count: n });
    expect([0, 1, 2].map((n) => count('fr', n))).toEqual([
      '0 pièce justificative',
      '1 pièce justificative',
      '2 pièces justificatives',
    ]);
    expect([1, 2].map((n) => count('en', n))).toEqual(['1 evidence file', '2 evidence files']);
    expect([0, 1, 2, 5, 12, 100].map((n) => count('ar', n))).toEqual([
      'لا ملفات أدلة',
      'ملف أدلة واحد',
      'ملفا أدلة',
      '5 ملفات أدلة',
      '12 ملفاً من ملفات الأدلة',
      '100 ملف أدلة',
    ]);
  });

  it('writes dates in the Gregorian calendar with Latin digits, Arabic included', () => {
    const ar = makeLocale('ar');
    expect(ar.date('2021-03-04')).toMatch(/^4 \S+ 2021$/u);
    expect(ar.number(1234567)).toBe('1,234,567');
    expect(makeLocale('fr').date('2021-03-04')).toBe('4 mars 2021');
    expect(makeLocale('en').date('2021-03-04')).toBe('March 4, 2021');
    // Not a date: shown as it came rather than as « Invalid Date ».
    expect(ar.date('soon')).toBe('soon');
  });

  it('writes file sizes and the evidence limit with the reader’s units', () => {
    expect(makeLocale('fr').bytes(12 * 1024)).toBe('12\u00a0ko');
    expect(makeLocale('en').t('evidence.hint', { limitBytes: 10 * 1024 * 1024 })).toBe(
      'PDF, Word (.docx), OpenDocument (.odt, .ods), Excel (.xlsx) or CSV, 10\u00a0MB at most.',
    );
    expect(makeLocale('ar').t('evidence.hint', { limitBytes: 10 * 1024 * 1024 })).toBe(
      'PDF أو Word (.docx) أو OpenDocument (.odt، .ods) أو Excel (.xlsx) أو CSV، بحد أقصى 10\u00a0م.ب.',
    );
  });

  it('shares its i18next instance with react-i18next, in the language chosen last', async () => {
    const { getI18n } = await import('react-i18next');
    expect(getI18n()).toBe(i18n);
    await i18n.changeLanguage('ar');
    expect(getI18n().t('assign.done', { ns: 'web', count: 2, entity: 'X' })).toBe('أُسند سؤالان إلى X.');
  });
});
