import { createContext, useContext } from 'react';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, direction, isLanguage, type Language } from '../../domain/language.js';
import { formatBytes, formatDate, formatDateTime, formatNumber, formatTime } from '../../domain/locale-format.js';
import { createI18n, translator, type Translate } from '../../i18n/messages.js';
import ar from '../../i18n/locales/ar/web.json' with { type: 'json' };
import en from '../../i18n/locales/en/web.json' with { type: 'json' };
import fr from '../../i18n/locales/fr/web.json' with { type: 'json' };

/**
 * The web app's messages (src/i18n/locales/<lang>/web.json, ICU MessageFormat; unit tests keep
 * the three languages' keys and arguments equal) through the same i18next set-up as the server
 * (src/i18n/messages.ts), registered with react-i18next so that `useTranslation('web')` agrees
 * with `useLocale()`; and the language the reader chose: `?lang=` in the address first, then
 * what this browser chose last time, then the browser's own languages.
 */
export const i18n = createI18n({ fr: { web: fr }, en: { web: en }, ar: { web: ar } }, [initReactI18next]);
export type { Translate };

const STORAGE_KEY = 'pacte.lang';

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
  void i18n.changeLanguage(language);
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
  /** A file size with the reader's units (« 12 ko », "12 KB"). */
  bytes: (value: number) => string;
}

/** Dates, numbers and sizes as src/domain/locale-format.ts decides for the whole of Pacte. */
export function makeLocale(language: Language): Locale {
  return {
    language,
    t: translator(i18n, language, 'web'),
    date: (value) => formatDate(value, language),
    dateTime: (value) => formatDateTime(value, language),
    time: (value) => formatTime(value, language),
    number: (value) => formatNumber(value, language),
    bytes: (value) => formatBytes(value, language),
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
