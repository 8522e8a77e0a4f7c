import { describe, expect, it } from 'vitest';
import { ERRORS, WARNINGS } from '../../src/domain/errors.js';
import { LANGUAGES } from '../../src/domain/language.js';
import { MESSAGES, NAMESPACES, negotiateLanguage, translate } from '../../src/i18n/index.js';

describe('messages in French, English and Arabic', () => {
  it('has every key of every namespace in every language', () => {
    for (const namespace of NAMESPACES) {
      const keys = new Set(LANGUAGES.flatMap((lang) => Object.keys(MESSAGES[lang][namespace])));
      for (const lang of LANGUAGES) {
        const missing = [...keys].filter((key) => !(key in MESSAGES[lang][namespace]));
        expect(missing, `${lang}/${namespace}.json`).toEqual([]);
      }
    }
  });

  it('has a message for every error code, and no message for a code that does not exist', () => {
    for (const lang of LANGUAGES) {
      expect(Object.keys(MESSAGES[lang].errors).sort()).toEqual([...Object.keys(ERRORS), ...WARNINGS].sort());
    }
  });

  it('uses the same placeholders in each language of a message', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const namespace of NAMESPACES) {
      for (const key of Object.keys(MESSAGES.en[namespace])) {
        const english = placeholders(MESSAGES.en[namespace][key]!);
        for (const lang of LANGUAGES)
          expect(placeholders(MESSAGES[lang][namespace][key]!), `${lang} ${key}`).toEqual(english);
      }
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'errors', 'review.not_found', { country: 'MAR', cycle: 'arab-2021' })).toBe(
      "Il n'existe pas d'examen de MAR pour le cycle arab-2021.",
    );
    expect(translate('en', 'errors', 'cycle.not_found', {})).toContain('{cycle}');
  });

  it('prefers ?lang=, then the best Accept-Language we speak, then the fallback', () => {
    expect(negotiateLanguage('ar', 'fr-FR,fr;q=0.9', 'en')).toBe('ar');
    expect(negotiateLanguage(undefined, 'de-DE,de;q=0.9,ar;q=0.8,fr;q=0.5', 'en')).toBe('ar');
    expect(negotiateLanguage('xx', 'de', 'fr')).toBe('fr');
    expect(negotiateLanguage(undefined, 'fr;q=0,en;q=0.1', 'ar')).toBe('en');
  });
});

describe('docs/errors.md', () => {
  it('documents every error code', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    for (const code of Object.keys(ERRORS)) expect(doc, code).toContain(`\`${code}\``);
  });
});
