import type { Language } from './language.js';

/**
 * How Pacte writes dates, numbers and sizes for a reader, decided here once for the server pages,
 * the CLI, the exports, the messages (ICU `plural` and `number` arguments) and the web app.
 *
 * - The Gregorian calendar always: the reviews are dated in it, and a locale alone (e.g. `ar-SA`)
 *   may otherwise pick another one.
 * - Western (Latin) digits in every language, Arabic included, as the Maghreb administrations
 *   that write these reviews do; `ar` alone would give Arabic-Indic digits with some ICU data.
 * - Days (a `YYYY-MM-DD` due date, a publication) are shown in UTC, so a date does not move by a
 *   day with the reader's time zone; moments (a save, a comment) in the reader's time zone.
 */
export function localeTag(language: Language): string {
  return `${language}-u-ca-gregory-nu-latn`;
}

/** A number with the reader's separators (1 234 in French, 1,234 in English and Arabic). */
export function formatNumber(value: number, language: Language, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(localeTag(language), options).format(value);
}

/** `YYYY-MM-DD` is a day (midnight UTC); anything else is read as a timestamp. */
function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(/^\d{4}-\d{2}-\d{2}$/u.test(value) ? `${value}T00:00:00Z` : value);
}

/** Formats a valid date; an unreadable string is shown as it is rather than as « Invalid Date ». */
function format(value: Date | string, language: Language, options: Intl.DateTimeFormatOptions): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(localeTag(language), options).format(date);
}

/** A day as people write it: « 3 décembre 2026 », "December 3, 2026", « 3 ديسمبر 2026 ». */
export function formatDate(value: Date | string, language: Language): string {
  return format(value, language, { dateStyle: 'long', timeZone: 'UTC' });
}

/** A moment: a day and a time of day, in `timeZone` (the reader's when not given). */
export function formatDateTime(value: Date | string, language: Language, timeZone?: string): string {
  return format(value, language, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
}

/** A time of day, hours and minutes, in `timeZone` (the reader's when not given). */
export function formatTime(value: Date | string, language: Language, timeZone?: string): string {
  return format(value, language, { timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
}

/**
 * Unit symbols as each language writes them. Intl's `unit` style is not used: it writes "byte"
 * and "kB" in English and « كيلوبايت » in Arabic, and browsers ship different ICU data than Node.
 */
const BYTE_UNITS: Record<Language, readonly [string, string, string, string]> = {
  fr: ['o', 'ko', 'Mo', 'Go'],
  en: ['B', 'KB', 'MB', 'GB'],
  ar: ['بايت', 'ك.ب', 'م.ب', 'ج.ب'],
};

/**
 * A size in the largest binary unit (1 KB = 1,024 bytes) that keeps it at 1 or more, with at most
 * one decimal, rounded down so that a limit is never overstated: « 10 Mo », "1.5 KB", « 512 بايت ».
 * The number and its unit are joined by a no-break space.
 */
export function formatBytes(bytes: number, language: Language): string {
  const units = BYTE_UNITS[language];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? Math.floor(value) : Math.floor(value * 10) / 10;
  return `${formatNumber(shown, language, { maximumFractionDigits: 1 })}\u00a0${units[unit]}`;
}
