import i18next, { type i18n, type Module, type Newable } from 'i18next';
import ICU from 'i18next-icu';
import IntlMessageFormat from 'intl-messageformat';
import { LANGUAGES, isLanguage, type Language } from '../domain/language.js';
import { formatBytes, formatDate, localeTag } from '../domain/locale-format.js';

/**
 * The one way Pacte turns a message key into text, for the server (pages, CLI, errors: index.ts
 * reads the catalogues from disk) and the web app (src/web/lib/i18n.ts imports its catalogue):
 * i18next with ICU MessageFormat (i18next-icu, intl-messageformat). Pure: no file access, so
 * the browser bundle can use it. docs/i18n.md says how to write a message.
 */

/** One namespace of one language: key → ICU message. */
export type Catalogue = Record<string, string>;
export type Resources = Record<Language, Record<string, Catalogue>>;
export type Params = Record<string, unknown>;
export type Translate = (key: string, params?: Params) => string;

/**
 * An i18next instance holding `resources`, ready when this returns (no loading step): every
 * language falls back to English for a missing key. `plugins` adds e.g. react-i18next's.
 */
export function createI18n(resources: Resources, plugins: readonly (Module | Newable<Module>)[] = []): i18n {
  const instance = i18next.createInstance();
  instance.use(
    new ICU({
      // Plurals and `#` use the language's rules, numbers Latin digits, as everywhere in Pacte.
      parseLngForICU: (lng: string) => (isLanguage(lng) ? localeTag(lng) : lng),
      parseErrorHandler: recover,
    }),
  );
  for (const plugin of plugins) instance.use(plugin);
  void instance.init({
    resources,
    initAsync: false,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    // Keys are flat ("import.title"): a dot or colon in them is not a path.
    keySeparator: false,
    nsSeparator: false,
  });
  return instance;
}

/** `t(key, params)` in one language and namespace, params prepared by `messageValues`. */
export function translator(instance: i18n, language: Language, namespace: string): Translate {
  const t = instance.getFixedT(language, namespace);
  return (key, params = {}) => String(t(key, messageValues(params, language)));
}

/**
 * What ICU receives for a message's arguments. Numbers and dates stay what they are (a plural
 * needs the number); a number whose name ends in `Bytes` is a size, written with the reader's
 * units (« 50 Mo », "50 MB"); a text whose name ends in `On` holding a day (YYYY-MM-DD, e.g. an
 * error's `dueOn`) is a date, written as the reader reads dates (« 1 décembre 2026 », not
 * 2026-12-01); anything else is shown as text (a list as "a,b", as before ICU).
 */
export function messageValues(params: Params, language: Language): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'number' && name.endsWith('Bytes')) values[name] = formatBytes(value, language);
    else if (typeof value === 'number' || value instanceof Date) values[name] = value;
    else if (typeof value === 'string' && name.endsWith('On') && isDay(value))
      values[name] = formatDate(value, language);
    else values[name] = String(value);
  }
  return values;
}

/** A real calendar day written YYYY-MM-DD (« 2026-02-30 » is not one: it stays as sent). */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

type Element = ReturnType<IntlMessageFormat['getAst']>[number];
// The parser's element types (@formatjs/icu-messageformat-parser TYPE): argument, number, date,
// time, select, plural carry an argument name; select and plural have options, tags children.
const NAMED = new Set([1, 2, 3, 4, 5, 6]);

/** The names of a message's arguments, e.g. ["count", "entity"]; throws on an ICU syntax error. */
export function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: readonly Element[]): void => {
    for (const element of elements) {
      if (NAMED.has(element.type) && 'value' in element && typeof element.value === 'string') names.add(element.value);
      if ('options' in element && element.options && typeof element.options === 'object')
        for (const option of Object.values(element.options as Record<string, { value: Element[] }>)) walk(option.value);
      if ('children' in element) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

/**
 * When formatting fails because the caller left a value out, the message is still shown, the
 * missing value as its name in braces (« {cycle} »): a sentence with a visible gap says more than
 * the raw ICU text. A message ICU cannot parse (the completeness test forbids it) is shown raw.
 */
function recover(_error: Error, _key: string, message: string, options: object): string {
  const given = options as Params;
  try {
    const filled: Params = { ...given };
    for (const name of argumentsOf(message)) if (filled[name] === undefined) filled[name] = `{${name}}`;
    const locale = isLanguage(given.lng) ? localeTag(given.lng) : 'en';
    return String(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).format(filled));
  } catch {
    return message;
  }
}
