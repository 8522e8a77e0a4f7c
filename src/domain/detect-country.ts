import { LANGUAGES, type Language, type Multilingual } from './language.js';

/** A country and the names it may go by in a review. */
export interface CountryNames {
  code: string;
  /** The short name (i18n-iso-countries): « Maroc », « Morocco », « المغرب ». */
  name: Multilingual;
  /** Formal and other names per language (catalogue/country-formal-names.json): « Royaume du Maroc ». */
  otherNames?: Partial<Record<Language, readonly string[]>>;
}

/** What the importer reads to recognise the country: the title (all before section I) and the answers. */
export interface ReviewText {
  title: string | null;
  body: string;
}

/** How much of the answers, after the title, is taken as the review's first page. */
const FIRST_PAGE = 2000;
/** What a formal name (« Royaume du Maroc ») counts on the cover, against 1 for a short name. */
const FORMAL_WEIGHT = 2;

/**
 * The country a review is about, or null when it cannot be told, so a guess is never silently
 * wrong. In order: a country the title names more than any other (in any of the three languages:
 * a cover page may be bilingual); else one the first page names at least twice and twice as often
 * as any other; else one the whole review names clearly most often in its language (three times
 * at least, twice as often as the next). Whole names only (« marocain » is not « Maroc »), the
 * longest first (« Soudan du Sud » is not also « Soudan »), whatever the case, accents, Arabic
 * vowel marks, hamza forms and attached prepositions (« بالمملكة المغربية », « للمغرب »).
 */
export function detectCountry(
  review: ReviewText,
  language: Language,
  countries: readonly CountryNames[],
): string | null {
  const everyLanguage = namePatterns(countries, LANGUAGES);
  // A formal name counts double on the cover: « المملكة الأردنية الهاشمية … عمان » is Jordan
  // (عمان is also its capital, Amman), « Royaume du Maroc … avec l'Espagne » Morocco.
  const title = clearWinner(mentions(review.title ?? '', everyLanguage, FORMAL_WEIGHT), 1);
  if (title) return title;
  const firstPage = clearWinner(mentions(review.body.slice(0, FIRST_PAGE), everyLanguage, FORMAL_WEIGHT), 2);
  if (firstPage) return firstPage;
  const text = `${review.title ?? ''}\n${review.body}`;
  return clearWinner(mentions(text, namePatterns(countries, [language]), 1), 3);
}

/** The most named country, if named at least `least` times and twice as often as the next. */
function clearWinner(counts: Map<string, number>, least: number): string | null {
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < least) return null;
  return first[1] >= 2 * (second?.[1] ?? 0) ? first[0] : null;
}

interface NamePattern {
  code: string;
  pattern: RegExp;
  /** A formal or other name of the catalogue's, not the short one. */
  formal: boolean;
}

/**
 * Case, Latin accents, Arabic vowel marks and tatweel, hamza carriers (أ إ آ ؤ ئ decompose to
 * their letter and a mark), alef maqsura, presentation forms (NFKD) and typographic apostrophes
 * set aside, on both the names and the text.
 */
export function normaliseForNames(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\u0640\u200b-\u200f\u2066-\u2069]/gu, '')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/ى/g, 'ي')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ARABIC = /\p{Script=Arabic}/u;

/**
 * Arabic writes « and », « so », « with », « as », « for » onto the next word: و ف ب ك ل. Before
 * the article, ل swallows its alef (ل + المغرب → للمغرب).
 */
function arabicPattern(name: string): string {
  if (name.startsWith('ال')) return `(?:[وف]?[بك]?ال|[وف]?لل)${escape(name.slice(2))}`;
  return `[وف]?[بكل]?${escape(name)}`;
}

function namePatterns(countries: readonly CountryNames[], languages: readonly Language[]): NamePattern[] {
  const patterns: NamePattern[] = [];
  for (const country of countries) {
    const names = new Map<string, boolean>(); // normalised name → formal
    for (const language of languages) {
      const short = country.name[language];
      for (const name of [short, ...(country.otherNames?.[language] ?? [])]) {
        const normal = name ? normaliseForNames(name).trim() : '';
        // One or two letters would be found inside too many texts.
        if (normal.length >= 3 && !names.has(normal)) names.set(normal, name !== short);
      }
    }
    for (const [name, formal] of names) {
      const body = ARABIC.test(name) ? arabicPattern(name) : escape(name);
      // \p{L} boundaries: JavaScript's \b does not know accented or Arabic letters.
      const pattern = new RegExp(`(?<!\\p{L})${body}(?!\\p{L})`, 'gu');
      patterns.push({ code: country.code, pattern, formal });
    }
  }
  return patterns;
}

/**
 * How often each country is named, a formal name counting `formalWeight`; a span named by a longer
 * name is not counted again by a shorter one.
 */
function mentions(text: string, patterns: readonly NamePattern[], formalWeight: number): Map<string, number> {
  const normal = normaliseForNames(text);
  const found: { code: string; start: number; end: number; weight: number }[] = [];
  for (const { code, pattern, formal } of patterns) {
    for (const match of normal.matchAll(pattern)) {
      const weight = formal ? formalWeight : 1;
      found.push({ code, start: match.index, end: match.index + match[0].length, weight });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: { start: number; end: number }[] = [];
  const counts = new Map<string, number>();
  for (const mention of found) {
    if (taken.some((t) => mention.start < t.end && t.start < mention.end)) continue;
    taken.push(mention);
    counts.set(mention.code, (counts.get(mention.code) ?? 0) + mention.weight);
  }
  return counts;
}
