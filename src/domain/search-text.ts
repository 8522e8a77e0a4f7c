import { escapeHtml } from './html.js';
import type { Language } from './language.js';

/**
 * Text as full-text search compares it, the same for stored answers and for queries, on both
 * engines: done here rather than with the server's `unaccent` extension, so PGlite and
 * PostgreSQL index the very same words whatever contrib packages the server has. The
 * PostgreSQL text search configuration of the answer's language (french, english, arabic)
 * then stems the result.
 */

/** A word as the search index cuts text: letters, combining marks (harakat) and digits. */
export const SEARCH_WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Lower case, œ/æ spelt out, Latin accents dropped (é → e, ç → c). Arabic letters are left as they are. */
export function foldLatin(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae')
    .normalize('NFD')
    .replace(/(?<=[\p{Script=Latin}])\p{M}+/gu, '')
    .normalize('NFC');
}

/**
 * Arabic letter variants folded: harakat (U+064B–U+065F), the superscript alef (U+0670) and
 * tatweel dropped; alef forms أ إ آ ٱ → ا; taa marbuta ة → ه; alef maqsura ى → ي.
 */
export function foldArabic(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u0640]/gu, '')
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/ة/gu, 'ه')
    .replace(/ى/gu, 'ي');
}

/** The conjunction و and the article ال with the prepositions that join them, longest first. */
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'];
/** A prefix goes only from a word of at least 4 letters, and leaves at least 3: « وزير », « والد » keep theirs. */
const MIN_WORD = 4;
const MIN_STEM = 3;

/** One folded word without its و / ال prefix (at most one, the longest that fits). */
function stripArabicPrefix(word: string): string {
  const length = [...word].length;
  if (length < MIN_WORD) return word;
  for (const prefix of ARABIC_PREFIXES) {
    if (word.startsWith(prefix) && length - prefix.length >= MIN_STEM) return word.slice(prefix.length);
  }
  return word;
}

/** One word as the index keeps it: folded (Latin and Arabic), then without its Arabic prefix. */
export function searchWord(word: string): string {
  return stripArabicPrefix(foldArabic(foldLatin(word)));
}

/**
 * A text as the index keeps it: every word through `searchWord`, everything between words
 * (spaces, punctuation) unchanged, so the text search parser cuts it as it would the original.
 */
export function normalizeSearchText(text: string): string {
  return text.replace(SEARCH_WORD, (word) => searchWord(word));
}

/** The PostgreSQL text search configuration of each answer language. */
export const SEARCH_CONFIG: Record<Language, 'french' | 'english' | 'arabic'> = {
  fr: 'french',
  en: 'english',
  ar: 'arabic',
};

/** Bumped when normalizeSearchText changes: documents indexed by an older one are indexed again at start. */
export const SEARCH_NORMALIZATION_VERSION = 1;

/** Words of context around the best match, and the longest snippet in words. */
const BEFORE = 10;
const LENGTH = 32;

/**
 * A highlighted excerpt of `text`: HTML-escaped, the words `matches(word)` accepts wrapped in
 * <mark>…</mark>, and no other markup; "…" where the text was cut. The excerpt is LENGTH words
 * starting BEFORE words ahead of a match, the window holding the most matches (the first such).
 */
export function buildSnippet(text: string, matches: (word: string) => boolean): string {
  const words = [...text.matchAll(SEARCH_WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    hit: matches(m[0]),
  }));
  if (words.length === 0) return escapeHtml(text.slice(0, 200));
  // Each match proposes a window starting BEFORE words ahead of it; the one holding the most matches wins.
  const hits = words.flatMap((w, i) => (w.hit ? [i] : []));
  let from = 0;
  let most = 0;
  for (const at of hits) {
    const start = Math.max(0, Math.min(at - BEFORE, words.length - LENGTH));
    const count = hits.filter((i) => i >= start && i < start + LENGTH).length;
    if (count > most) [from, most] = [start, count];
  }
  const to = Math.min(words.length, from + LENGTH);
  const window = words.slice(from, to);
  let out = from > 0 ? '… ' : '';
  let cursor = window[0]?.start ?? 0;
  for (const w of window) {
    out += escapeHtml(text.slice(cursor, w.start));
    const word = escapeHtml(text.slice(w.start, w.end));
    out += w.hit ? `<mark>${word}</mark>` : word;
    cursor = w.end;
  }
  const last = words[to - 1];
  if (to < words.length) out += ' …';
  else if (last) out += escapeHtml(text.slice(last.end));
  return out.trim();
}
