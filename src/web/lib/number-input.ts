import type { Language } from '../../domain/language.js';

/**
 * A number as people type it, in the page's language (issue 15, number questions): « 4 500 » and
 * « 4 500,5 » in French (spaces, no-break spaces and the narrow no-break space group digits, the
 * comma is the decimal mark), « 4,500.5 » in English, and in Arabic Eastern digits
 * (« ٤٥٠٠ », « ٤٬٥٠٠٫٥ ») as well as Western ones. Returns null for an empty field and NaN for
 * what is not a number (the server then says why, in the reader's language).
 */
export function parseNumberInput(text: string, language: Language): number | null {
  let s = text
    .trim()
    .replace(/[\u0660-\u0669]/gu, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/gu, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00a0\u202f\u066c']/gu, '') // group separators: spaces, Arabic thousands mark, apostrophe
    .replace(/\u066b/gu, '.') // the Arabic decimal mark
    .replace(/^\u2212/u, '-');
  if (s === '') return null;
  const comma = s.lastIndexOf(',');
  const point = s.lastIndexOf('.');
  if (comma >= 0 && point >= 0) {
    // Both marks: the last one is the decimal mark (« 4.500,5 », « 4,500.5 »).
    s = comma > point ? s.replace(/\./gu, '').replace(',', '.') : s.replace(/,/gu, '');
  } else if (comma >= 0) {
    // A comma alone is the decimal mark in French (« 4,5 »), a thousands separator otherwise.
    s = language === 'fr' ? s.replace(',', '.') : s.replace(/,/gu, '');
  }
  return /^-?\d+(\.\d+)?$/u.test(s) ? Number(s) : Number.NaN;
}

/** The number as the field shows it back, in the page's language (no grouping: it is retyped). */
export function formatNumberInput(value: number, language: Language): string {
  const text = String(value);
  return language === 'fr' ? text.replace('.', ',') : text;
}
