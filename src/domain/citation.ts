import { sameBlocks, type Block } from './blocks.js';
import { diffBlocks, type DiffLine } from './diff.js';
import { findPhrase, locate, passageHolds, type Passage } from './passage.js';
import { SEARCH_WORD, searchWord } from './search-text.js';

/**
 * Citations of a synthesis (issue 14, items 2–3): pure rules. A citation quotes a passage of one
 * submission of a country (src/domain/passage.ts); the database keeps it (migration 033).
 */

/** A passage of a submission: the only kind a citation quotes (a working revision is never cited). */
export type SubmittedPassage = Passage & { source: { kind: 'submission' } };

/**
 * The rule of the flag. A citation of submission n is outdated when the country has a later
 * submission m > n whose answer to the question differs from submission n's in any way (blocks
 * compared as sameBlocks does), unless the secretariat kept the citation through m or later.
 * Any change counts, not only one at the quoted place: a sentence kept word for word may say
 * something else once the answer around it changed, and the secretariat decides. `holds` tells
 * whether the quoted words are still at the same place in the later answer (the editor shows it).
 */
export interface CitationState {
  outdated: boolean;
  /** The latest submission's number, against which `outdated` was decided. */
  latest: number;
  /** The quoted words are at the same place in the latest submission's answer. */
  holds: boolean;
  /** The change from the cited answer to the latest one, line by line (empty when not outdated). */
  change: DiffLine[];
}

export function citationState(input: {
  cited: { number: number; blocks: readonly Block[] };
  latest: { number: number; blocks: readonly Block[] };
  passage: Pick<Passage, 'position' | 'text'>;
  keptThrough: number | null;
}): CitationState {
  const { cited, latest, passage, keptThrough } = input;
  const changed = latest.number > cited.number && !sameBlocks(cited.blocks, latest.blocks);
  const outdated = changed && (keptThrough === null || keptThrough < latest.number);
  return {
    outdated,
    latest: latest.number,
    holds: passageHolds(latest.blocks, passage),
    change: outdated ? diffBlocks(cited.blocks, latest.blocks) : [],
  };
}

/**
 * Whether a published text holds the passage's words: anywhere in that answer, since what the
 * public reads is the words, not their offsets (a published version may have moved a sentence).
 */
export function publishedHolds(blocks: readonly Block[], passage: Pick<Passage, 'text'>): boolean {
  return findPhrase(blocks, passage.text).length > 0;
}

/** A sentence ends after . ! ? … ؟ or ۔ followed by a space, or at the end of its text. */
const SENTENCE_END = /[.!?…؟۔](?=\s)/gu;

/** The sentences of one text, with their offsets (trimmed of the spaces between them). */
export function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  const push = (to: number) => {
    let start = from;
    while (start < to && /\s/u.test(text[start]!)) start++;
    if (to > start) out.push({ start, end: to });
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    push(match.index + match[0].length);
    from = match.index + match[0].length;
  }
  push(text.length);
  return out;
}

/** The words of a search, folded as the search index folds them (src/domain/search-text.ts). */
export function searchTerms(query: string): string[] {
  return [...new Set([...query.matchAll(SEARCH_WORD)].map((m) => searchWord(m[0])))];
}

/**
 * The sentences of `blocks` holding every term (a term matches a word it begins: « coordin »
 * finds « coordination »), as quotes ready to cite: block path, offsets and the sentence.
 */
export function sentencesWith(
  blocks: readonly Block[],
  terms: readonly string[],
): { block: number[]; start: number; end: number; text: string }[] {
  if (terms.length === 0) return [];
  const found = [];
  for (const { block, text } of locate(blocks)) {
    for (const { start, end } of sentences(text)) {
      const sentence = text.slice(start, end);
      const words = [...sentence.matchAll(SEARCH_WORD)].map((m) => searchWord(m[0]));
      if (terms.every((term) => words.some((word) => word.startsWith(term)))) {
        found.push({ block, start, end, text: sentence });
      }
    }
  }
  return found;
}
