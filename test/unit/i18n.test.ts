import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { ERRORS, WARNINGS } from '../../src/domain/errors.js';
import { LANGUAGES, type Language } from '../../src/domain/language.js';
import { NAMESPACES, negotiateLanguage, readCatalogue, translate } from '../../src/i18n/index.js';
import { argumentsOf, createI18n, translator, type Catalogue } from '../../src/i18n/messages.js';

/** Every catalogue: the server's namespaces and the web app's. */
const ALL_NAMESPACES = [...NAMESPACES, 'web'] as const;
const catalogues = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, Object.fromEntries(ALL_NAMESPACES.map((ns) => [ns, readCatalogue(lang, ns)]))]),
) as Record<Language, Record<(typeof ALL_NAMESPACES)[number], Catalogue>>;
const i18n = createI18n(catalogues);

type Element = ReturnType<IntlMessageFormat['getAst']>[number];
const PLURAL = 6; // @formatjs/icu-messageformat-parser TYPE.plural
const NUMBERED = new Set([2, PLURAL]); // number, plural: arguments that take a number

/** The plural arguments of a message with their categories, and the arguments that take numbers. */
function shape(message: string): { plurals: Map<string, string[]>; numeric: Set<string> } {
  const plurals = new Map<string, string[]>();
  const numeric = new Set<string>();
  const walk = (elements: readonly Element[]): void => {
    for (const element of elements) {
      if (NUMBERED.has(element.type) && 'value' in element) numeric.add(String(element.value));
      if (element.type === PLURAL && 'options' in element)
        plurals.set(String(element.value), Object.keys(element.options).sort());
      if ('options' in element && element.options && typeof element.options === 'object')
        for (const option of Object.values(element.options as Record<string, { value: Element[] }>)) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst());
  return { plurals, numeric };
}

/** A value for each argument of a message: a number where ICU wants one, else a word. */
function sample(message: string, count: number): Record<string, unknown> {
  const { numeric } = shape(message);
  return Object.fromEntries(argumentsOf(message).map((name) => [name, numeric.has(name) ? count : `«${name}»`]));
}

describe('messages in French, English and Arabic', () => {
  it('has every key of every namespace in every language, none empty', () => {
    for (const namespace of ALL_NAMESPACES) {
      const keys = new Set(LANGUAGES.flatMap((lang) => Object.keys(catalogues[lang][namespace])));
      for (const lang of LANGUAGES) {
        const catalogue = catalogues[lang][namespace];
        expect(
          [...keys].filter((key) => !(key in catalogue)),
          `${lang}/${namespace}.json`,
        ).toEqual([]);
        expect(
          Object.keys(catalogue).filter((key) => catalogue[key]!.trim() === ''),
          `${lang}/${namespace}.json`,
        ).toEqual([]);
      }
    }
  });

  it('has a message for every error code, and no message for a code that does not exist', () => {
    for (const lang of LANGUAGES) {
      expect(Object.keys(catalogues[lang].errors).sort()).toEqual([...Object.keys(ERRORS), ...WARNINGS].sort());
    }
  });

  it('uses the same ICU arguments in each language of a message', () => {
    for (const namespace of ALL_NAMESPACES) {
      for (const key of Object.keys(catalogues.en[namespace])) {
        const english = catalogues.en[namespace][key]!;
        for (const lang of LANGUAGES) {
          const message = catalogues[lang][namespace][key]!;
          expect(argumentsOf(message), `${lang} ${namespace} ${key}`).toEqual(argumentsOf(english));
          expect([...shape(message).plurals.keys()].sort(), `${lang} ${namespace} ${key}: plurals`).toEqual(
            [...shape(english).plurals.keys()].sort(),
          );
        }
      }
    }
  });

  it('writes every plural with the categories of its language: six in Arabic, one and other in French and English', () => {
    const wanted: Record<Language, string[]> = {
      fr: ['one', 'other'],
      en: ['one', 'other'],
      ar: ['few', 'many', 'one', 'other', 'two', 'zero'],
    };
    let plurals = 0;
    for (const lang of LANGUAGES)
      for (const namespace of ALL_NAMESPACES)
        for (const [key, message] of Object.entries(catalogues[lang][namespace]))
          for (const [argument, categories] of shape(message).plurals) {
            plurals += 1;
            expect(categories, `${lang} ${namespace} ${key} {${argument}}`).toEqual(wanted[lang]);
          }
    expect(plurals).toBeGreaterThan(20);
  });

  it('renders every message of every catalogue: valid ICU, nothing left in braces', () => {
    for (const lang of LANGUAGES)
      for (const namespace of ALL_NAMESPACES) {
        const t = translator(i18n, lang, namespace);
        for (const [key, message] of Object.entries(catalogues[lang][namespace])) {
          // A syntax error throws here (a stray ' before a brace, a brace not closed…).
          expect(() => new IntlMessageFormat(message, lang), `${lang} ${namespace} ${key}`).not.toThrow();
          for (const count of [0, 1, 2, 3, 11, 100]) {
            const text = t(key, sample(message, count));
            expect(text, `${lang} ${namespace} ${key} (${count})`).not.toMatch(/[{}]/u);
            expect(text, `${lang} ${namespace} ${key} (${count})`).not.toContain('NaN');
          }
        }
      }
  });

  it('names no argument like an option of i18next’s t(), which would take it for itself', () => {
    const reserved = ['lng', 'lngs', 'ns', 'context', 'defaultValue', 'replace', 'ordinal', 'returnObjects'];
    const found = ALL_NAMESPACES.flatMap((ns) =>
      Object.entries(catalogues.en[ns]).flatMap(([key, message]) =>
        argumentsOf(message)
          .filter((name) => reserved.includes(name))
          .map((name) => `${ns} ${key} {${name}}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('fills arguments and leaves a missing one visible', () => {
    expect(translate('fr', 'errors', 'review.not_found', { country: 'MAR', cycle: 'arab-2021' })).toBe(
      "Il n'existe pas d'examen de MAR pour le cycle arab-2021.",
    );
    expect(translate('en', 'errors', 'cycle.not_found', {})).toContain('{cycle}');
    // A list is shown as text, as before ICU.
    expect(translate('en', 'errors', 'import.unanswered_questions', { questions: ['1a', '2b'] })).toBe(
      'The file does not answer these questions: 1a,2b.',
    );
  });

  it('writes sizes in bytes with the reader’s units', () => {
    const limit = { file: 'x.pdf', limitBytes: 50 * 1024 * 1024 };
    expect(translate('fr', 'errors', 'import.file_too_large', limit)).toBe(
      'Le fichier x.pdf dépasse la limite de 50\u00a0Mo.',
    );
    expect(translate('en', 'errors', 'import.file_too_large', limit)).toBe(
      'The file x.pdf is larger than the limit of 50\u00a0MB.',
    );
    expect(translate('ar', 'errors', 'import.file_too_large', limit)).toBe(
      'حجم الملف x.pdf يتجاوز الحد المسموح به وهو 50\u00a0م.ب.',
    );
  });

  it('falls back to English for a key a language lacks, and to the key when none has it', () => {
    const partial = createI18n({ fr: { ui: {} }, en: { ui: { hello: 'Hello {name}' } }, ar: { ui: {} } });
    expect(translator(partial, 'fr', 'ui')('hello', { name: 'Amal' })).toBe('Hello Amal');
    expect(translator(partial, 'ar', 'ui')('nothing.here')).toBe('nothing.here');
  });

  it('prefers ?lang=, then the best Accept-Language we speak, then the fallback', () => {
    expect(negotiateLanguage('ar', 'fr-FR,fr;q=0.9', 'en')).toBe('ar');
    expect(negotiateLanguage(undefined, 'de-DE,de;q=0.9,ar;q=0.8,fr;q=0.5', 'en')).toBe('ar');
    expect(negotiateLanguage('xx', 'de', 'fr')).toBe('fr');
    expect(negotiateLanguage(undefined, 'fr;q=0,en;q=0.1', 'ar')).toBe('en');
  });
});

describe('plurals through ICU (Intl.PluralRules)', () => {
  // « {count} questions assigned »: what the dashboard says after assigning questions to an entity.
  const assigned = (lang: Language, count: number) =>
    translator(i18n, lang, 'web')('assign.done', { count, entity: 'وزارة الداخلية' });

  it('writes the six Arabic forms: zero, one, two, few (3–10), many (11–99), other (100…)', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => assigned('ar', n))).toEqual([
      'لم يُسند أي سؤال إلى وزارة الداخلية.',
      'أُسند سؤال واحد إلى وزارة الداخلية.',
      'أُسند سؤالان إلى وزارة الداخلية.',
      'أُسندت 3 أسئلة إلى وزارة الداخلية.',
      'أُسند 11 سؤالاً إلى وزارة الداخلية.',
      'أُسند 100 سؤال إلى وزارة الداخلية.',
    ]);
  });

  it('writes French with 0 and 1 singular, English with 1 alone singular', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => assigned('fr', n))).toEqual([
      '0 question attribuée à وزارة الداخلية.',
      '1 question attribuée à وزارة الداخلية.',
      '2 questions attribuées à وزارة الداخلية.',
      '3 questions attribuées à وزارة الداخلية.',
      '11 questions attribuées à وزارة الداخلية.',
      '100 questions attribuées à وزارة الداخلية.',
    ]);
    expect([0, 1, 2, 3, 11, 100].map((n) => assigned('en', n))).toEqual([
      '0 questions assigned to وزارة الداخلية.',
      '1 question assigned to وزارة الداخلية.',
      '2 questions assigned to وزارة الداخلية.',
      '3 questions assigned to وزارة الداخلية.',
      '11 questions assigned to وزارة الداخلية.',
      '100 questions assigned to وزارة الداخلية.',
    ]);
  });

  it('writes the count with the language’s separators and Latin digits, Arabic included', () => {
    expect(assigned('fr', 1234)).toBe('1\u202f234 questions attribuées à وزارة الداخلية.');
    expect(assigned('en', 1234)).toBe('1,234 questions assigned to وزارة الداخلية.');
    expect(assigned('ar', 1234)).toBe('أُسند 1,234 سؤالاً إلى وزارة الداخلية.');
  });

  it('applies the same rules to server messages: an error with a count of minutes', () => {
    expect(translate('ar', 'errors', 'auth.rate_limited', { minutes: 2 })).toContain('انتظر دقيقتين ثم');
    expect(translate('ar', 'errors', 'auth.rate_limited', { minutes: 15 })).toContain('انتظر 15 دقيقةً ثم');
    expect(translate('fr', 'errors', 'auth.rate_limited', { minutes: 1 })).toContain('Attendez 1 minute, puis');
    expect(translate('en', 'errors', 'auth.rate_limited', { minutes: 15 })).toContain('Wait 15 minutes, then');
  });
});

describe('docs/errors.md', () => {
  it('documents every error code', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    for (const code of Object.keys(ERRORS)) expect(doc, code).toContain(`\`${code}\``);
  });
});
