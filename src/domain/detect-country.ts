import type { Language, Multilingual } from './language.js';

/**
 * The country a review is about, guessed from how often each country's name appears in its
 * language ("Maroc", "marocain" do not count separately: whole names only). Returns null unless
 * one country is named clearly more than any other, so a guess is never silently wrong.
 */
export function detectCountry(
  text: string,
  language: Language,
  countries: readonly { code: string; name: Multilingual }[],
): string | null {
  const counts = countries
    .map((country) => {
      const name = country.name[language];
      if (!name || name.length < 4) return { code: country.code, count: 0 };
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // \p{L} boundaries: JavaScript's \b does not know accented or Arabic letters.
      const pattern = new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'gu');
      return { code: country.code, count: text.match(pattern)?.length ?? 0 };
    })
    .sort((a, b) => b.count - a.count);
  const [first, second] = counts;
  if (!first || first.count < 3) return null;
  return first.count >= 2 * (second?.count ?? 0) ? first.code : null;
}
