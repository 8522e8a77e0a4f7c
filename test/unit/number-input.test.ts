import { describe, expect, it } from 'vitest';
import { formatNumberInput, parseNumberInput } from '../../src/web/lib/number-input.js';

/** Numbers typed in the answer page's number field, as people write them in each language. */
describe('parseNumberInput', () => {
  it.each([
    ['4 500', 'fr', 4500],
    ['4\u202f500', 'fr', 4500],
    ['4\u00a0500,5', 'fr', 4500.5],
    ['4,5', 'fr', 4.5],
    ['4.5', 'fr', 4.5],
    ['4.500,25', 'fr', 4500.25],
    ['4,500.5', 'en', 4500.5],
    ['4,500', 'en', 4500],
    ['٤٥٠٠', 'ar', 4500],
    ['٤٬٥٠٠٫٥', 'ar', 4500.5],
    ['۱۲', 'ar', 12],
    ['4500', 'ar', 4500],
    ['-12', 'en', -12],
    ['\u221212', 'fr', -12],
  ] as const)('%s in %s is %d', (text, language, expected) => {
    expect(parseNumberInput(text, language)).toBe(expected);
  });

  it('gives null for an empty field and NaN for words', () => {
    expect(parseNumberInput('  ', 'fr')).toBeNull();
    expect(parseNumberInput('beaucoup', 'fr')).toBeNaN();
    expect(parseNumberInput('4 500 personnes', 'fr')).toBeNaN();
    expect(parseNumberInput('1,2,3.4.5', 'en')).toBeNaN();
  });

  it('shows a number back with the language’s decimal mark', () => {
    expect(formatNumberInput(4500.5, 'fr')).toBe('4500,5');
    expect(parseNumberInput(formatNumberInput(4500.5, 'fr'), 'fr')).toBe(4500.5);
    expect(formatNumberInput(4500.5, 'en')).toBe('4500.5');
  });
});
