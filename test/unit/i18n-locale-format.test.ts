import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatNumber,
  formatTime,
  localeTag,
} from '../../src/domain/locale-format.js';

const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/u;
const NBSP = '\u00a0';

describe('dates and numbers, decided in one place (src/domain/locale-format.ts)', () => {
  it('asks Intl for the Gregorian calendar and Latin digits in every language', () => {
    expect(localeTag('ar')).toBe('ar-u-ca-gregory-nu-latn');
    // What the tag guards against: a locale alone may pick another calendar and other digits.
    const saudi = new Intl.DateTimeFormat('ar-SA', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date('2021-03-04'),
    );
    const guarded = new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-latn', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date('2021-03-04'));
    expect(saudi).not.toContain('2021');
    expect(guarded).toContain('2021');
  });

  it('writes a 2021 date as 2021 in Arabic, with Latin digits', () => {
    const day = formatDate('2021-03-04', 'ar');
    expect(day).toContain('2021');
    expect(day).toMatch(/^4 /u);
    expect(day).not.toMatch(ARABIC_INDIC_DIGITS);
    expect(formatDate(new Date('2021-12-31T23:30:00Z'), 'ar')).toContain('31');
    expect(formatDateTime('2021-03-04T10:05:00Z', 'ar', 'UTC')).toMatch(/2021.*10:05/u);
    expect(formatDateTime('2021-03-04T10:05:00Z', 'ar', 'UTC')).not.toMatch(ARABIC_INDIC_DIGITS);
    expect(formatTime('2021-03-04T10:05:00Z', 'fr', 'UTC')).toBe('10:05');
  });

  it('writes days in UTC so that a due date does not move with the reader’s time zone', () => {
    expect(formatDate('2026-12-03', 'fr')).toBe('3 décembre 2026');
    expect(formatDate('2026-12-03', 'en')).toBe('December 3, 2026');
    expect(formatDate('2026-12-03T23:59:00Z', 'en')).toBe('December 3, 2026');
  });

  it('shows something that is not a date as it came', () => {
    expect(formatDate('not a date', 'fr')).toBe('not a date');
  });

  it('groups digits as each language does, Latin digits in Arabic', () => {
    expect(formatNumber(1234567, 'fr')).toBe('1\u202f234\u202f567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'ar')).toBe('1,234,567');
    expect(formatNumber(1234567, 'ar')).not.toMatch(ARABIC_INDIC_DIGITS);
  });
});

describe('file sizes, one formatter for every page, message and export', () => {
  it('writes the units each language uses', () => {
    const tenMegabytes = 10 * 1024 * 1024;
    expect(formatBytes(tenMegabytes, 'fr')).toBe(`10${NBSP}Mo`);
    expect(formatBytes(tenMegabytes, 'en')).toBe(`10${NBSP}MB`);
    expect(formatBytes(tenMegabytes, 'ar')).toBe(`10${NBSP}م.ب`);
    expect(formatBytes(512, 'fr')).toBe(`512${NBSP}o`);
    expect(formatBytes(512, 'en')).toBe(`512${NBSP}B`);
    expect(formatBytes(512, 'ar')).toBe(`512${NBSP}بايت`);
    expect(formatBytes(12 * 1024, 'ar')).toBe(`12${NBSP}ك.ب`);
    expect(formatBytes(3 * 1024 ** 3, 'fr')).toBe(`3${NBSP}Go`);
  });

  it('picks the largest binary unit that keeps the number at 1 or more', () => {
    expect(formatBytes(0, 'en')).toBe(`0${NBSP}B`);
    expect(formatBytes(1023, 'en')).toBe(`1,023${NBSP}B`);
    expect(formatBytes(1024, 'en')).toBe(`1${NBSP}KB`);
    expect(formatBytes(1536, 'en')).toBe(`1.5${NBSP}KB`);
    expect(formatBytes(1536, 'fr')).toBe(`1,5${NBSP}ko`);
  });

  it('rounds down, so that a limit is never written larger than it is', () => {
    expect(formatBytes(10.99 * 1024 * 1024, 'en')).toBe(`10.9${NBSP}MB`);
    expect(formatBytes(1024 * 1024 - 1, 'en')).toBe(`1,023.9${NBSP}KB`);
  });
});
