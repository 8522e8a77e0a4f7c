import { readFileSync } from 'node:fs';
import { LANGUAGES, isLanguage, type Language } from '../domain/language.js';

/**
 * Messages for people, in fr/en/ar, from src/i18n/locales/<lang>/<namespace>.json.
 * A test fails when one locale misses a key another has (test/unit/i18n.test.ts).
 */
export const NAMESPACES = ['errors', 'ui'] as const;
export type Namespace = (typeof NAMESPACES)[number];

type Catalogue = Record<Namespace, Record<string, string>>;

function load(language: Language): Catalogue {
  const read = (namespace: Namespace) =>
    JSON.parse(
      readFileSync(new URL(`../../src/i18n/locales/${language}/${namespace}.json`, import.meta.url), 'utf8'),
    ) as Record<string, string>;
  return { errors: read('errors'), ui: read('ui') };
}

export const MESSAGES: Record<Language, Catalogue> = { fr: load('fr'), en: load('en'), ar: load('ar') };

/** The message for `key`, with `{name}` replaced by params (missing ones stay visible). */
export function translate(
  language: Language,
  namespace: Namespace,
  key: string,
  params: Record<string, unknown> = {},
): string {
  const template = MESSAGES[language][namespace][key] ?? MESSAGES.en[namespace][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined || params[name] === null ? whole : String(params[name]),
  );
}

/**
 * The language a request asks for: `?lang=` first, then the best Accept-Language entry we
 * speak, else the fallback.
 */
export function negotiateLanguage(
  queryLang: string | undefined,
  acceptLanguage: string | undefined,
  fallback: Language,
): Language {
  if (isLanguage(queryLang)) return queryLang;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return wanted.map((entry) => entry.tag).find(isLanguage) ?? fallback;
}

export { LANGUAGES };
