import { createContext, useContext } from 'react';
import { LANGUAGES, direction, isLanguage, type Language } from '../../domain/language.js';
import ar from '../../i18n/locales/ar/web.json';
import en from '../../i18n/locales/en/web.json';
import fr from '../../i18n/locales/fr/web.json';

/**
 * The web app's messages (src/i18n/locales/<lang>/web.json; a unit test keeps the three
 * languages' keys and placeholders equal) and the language the reader chose: `?lang=` in the
 * address first, then what this browser chose last time, then the browser's own languages.
 */
export const MESSAGES: Record<Language, Record<string, string>> = { fr, en, ar };
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

const STORAGE_KEY = 'pacte.lang';

export function translator(language: Language): Translate {
  return (key, vars = {}) => {
    const template = MESSAGES[language][key] ?? MESSAGES.en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      vars[name] === undefined || vars[name] === null ? whole : String(vars[name]),
    );
  };
}

export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  const stored = safeStorage(() => window.localStorage.getItem(STORAGE_KEY));
  if (isLanguage(stored)) return stored;
  const browser = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLanguage);
  return browser ?? 'fr';
}

export function rememberLanguage(language: Language) {
  safeStorage(() => window.localStorage.setItem(STORAGE_KEY, language));
  document.documentElement.lang = language;
  document.documentElement.dir = direction(language);
}

function safeStorage<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null; // storage disabled: the address still carries the language
  }
}

export interface Locale {
  language: Language;
  t: Translate;
  /** A date (YYYY-MM-DD or an ISO timestamp) as the reader writes dates. */
  date: (value: string) => string;
  /** A date and time. */
  dateTime: (value: string) => string;
  /** A time of day (hours and minutes). */
  time: (value: Date | string) => string;
  number: (value: number) => string;
}

export function makeLocale(language: Language): Locale {
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const timeFormat = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(language);
  const parse = (value: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  const safe = (format: (d: Date) => string) => (value: string) => {
    const d = parse(value);
    return Number.isNaN(d.getTime()) ? value : format(d);
  };
  return {
    language,
    t: translator(language),
    date: safe((d) => dateFormat.format(d)),
    dateTime: safe((d) => dateTimeFormat.format(d)),
    time: (value) => timeFormat.format(typeof value === 'string' ? new Date(value) : value),
    number: (value) => numberFormat.format(value),
  };
}

export const LocaleContext = createContext<Locale>(makeLocale('fr'));
export const useLocale = () => useContext(LocaleContext);
export { LANGUAGES, direction };

/**
 * A text the API gives in several languages ({fr, en, ar}: a question's wording, a country's
 * name) in the reader's language, else in the first language that has it; a plain string as is.
 */
export function localText(value: unknown, language: Language): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const map = value as Partial<Record<Language, string>>;
    return map[language] ?? map.fr ?? map.en ?? map.ar ?? '';
  }
  return '';
}

/** Whether the text shown in `language` is our translation, not the official wording. */
export function isUnofficial(textStatus: unknown, text: unknown, language: Language): boolean {
  const map = (text ?? {}) as Partial<Record<Language, string>>;
  const shown: Language = map[language] ? language : map.fr ? 'fr' : map.en ? 'en' : 'ar';
  if (typeof textStatus === 'string') return textStatus === 'unofficial';
  return (textStatus as Partial<Record<Language, string>> | null)?.[shown] === 'unofficial';
}
