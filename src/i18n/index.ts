import { readFileSync } from 'node:fs';
import { isLanguage, type Language } from '../domain/language.js';
import { createI18n, translator, type Catalogue, type Params, type Translate } from './messages.js';

/**
 * Messages for people, in fr/en/ar, from src/i18n/locales/<lang>/<namespace>.json: ICU
 * MessageFormat through one i18next instance for the process (messages.ts, docs/i18n.md):
 * `errors`, `ui` (server pages, exports) and `cli` (the pacte command's own texts). The web app's
 * namespace (`web`) is bundled by the app itself. test/unit/i18n.test.ts checks every key exists
 * in each language with the same arguments, parses, and is used.
 */
export const NAMESPACES = ['errors', 'ui', 'cli'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** A catalogue as it is on disk: src/ is read from both src/i18n and dist/i18n. */
export function readCatalogue(language: Language, namespace: string): Catalogue {
  const file = new URL(`../../src/i18n/locales/${language}/${namespace}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
}

function load(language: Language): Record<Namespace, Catalogue> {
  return {
    errors: readCatalogue(language, 'errors'),
    ui: readCatalogue(language, 'ui'),
    cli: readCatalogue(language, 'cli'),
  };
}

export const MESSAGES: Record<Language, Record<Namespace, Catalogue>> = {
  fr: load('fr'),
  en: load('en'),
  ar: load('ar'),
};

const i18n = createI18n(MESSAGES);
const translators = new Map<string, Translate>();

/**
 * The message for `key` in `language` (English when that language lacks it), its ICU arguments
 * filled from params: numbers for plurals, `…Bytes` as sizes; a missing value stays visible as
 * `{name}`.
 */
export function translate(language: Language, namespace: Namespace, key: string, params: Params = {}): string {
  const id = `${language}:${namespace}`;
  let t = translators.get(id);
  if (!t) translators.set(id, (t = translator(i18n, language, namespace)));
  return t(key, params);
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
