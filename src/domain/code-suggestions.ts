import type { Block } from './blocks.js';
import type { Language, Multilingual } from './language.js';
import { locate, type Quote } from './passage.js';
import { SEARCH_WORD, searchWord } from './search-text.js';

/**
 * Suggests the values of a question's code (a cycle's closed list of answers to compare across
 * countries: « new mechanism / existing mechanism / none ») from the words an answer uses: each
 * value has cue phrases per language, matched word by word after folding (case, accents, Arabic
 * letter variants and prefixes: domain/search-text.ts) and light plural stripping, a few other
 * words allowed in between, within one sentence. A cue said under a negation (« aucun », « sans »,
 * « not », « لم ») does not count. No model: deterministic and explained by the passages quoted.
 * A secretariat confirms, corrects or rejects every suggestion.
 */

export type CodeKind = 'single' | 'multiple';

export interface CodeValue {
  key: string;
  labels: Multilingual;
  cues: Partial<Record<Language, string[]>>;
}

export interface CodeDefinition {
  kind: CodeKind;
  values: readonly CodeValue[];
}

export interface ValueSuggestion {
  key: string;
  /** Sum of the words of the cues found (a negative cue, « aucun mécanisme », counts half). */
  score: number;
  /** The words of the answer that suggest the value, in reading order. */
  evidence: Quote[];
}

/** Other words allowed between two words of a cue: « mécanisme national de coordination ». */
const GAP = 2;
/** Words looked at before a cue (and after it, for « n'a pas été », « was not ») for a negation. */
const NEGATION_WINDOW = 4;
/** A value of a multiple-choice code needs this much: one phrase, or one word said twice. */
const MIN_MULTIPLE = 2;
/**
 * A list item this short (« ✓ Mobilité et emploi. ») names one or two things, so each of its
 * words counts double: one word alone there says as much as a phrase in running text.
 */
const SHORT_TEXT = 12;
const MAX_EVIDENCE = 5;

/** Dropped before matching, so « associations de migrants » meets « associations des migrants ». */
const STOP = new Set(
  (
    'le la les l un une des de du d et à au aux en pour par avec sur ce cette ces se sa son ses leur leurs y ' +
    'the a an of and to in for with on by its their ' +
    'في من على الى عن مع'
  )
    .split(' ')
    .map((w) => searchWord(w)),
);
/**
 * Words that turn what follows (or, for pas/not, what precedes) into its opposite. Not « non »,
 * « غير »: they make a word (« non gouvernementales », « غير الحكومية »), not a denial.
 */
const NEGATIONS = new Set(
  'aucun aucune pas ni sans jamais no not without never neither nor none لا لم لن ليس ليست دون بدون عدم'
    .split(' ')
    .map((w) => searchWord(w)),
);
/** Negations that come after what they negate: « un comité n'a pas été créé », « was not set up ». */
const AFTER = new Set(['pas', 'jamais', 'not', 'never', 'aucun', 'aucune'].map((w) => searchWord(w)));
const BREAK = /[.;:!?()«»"،؛؟\n]/u;

/** One word's key: folded as search folds it, then without a plural or a feminine ending. */
function key(word: string, language: Language): string {
  const w = searchWord(word);
  if (language === 'ar') return w.replace(/(?<=.{3})(?:ات|ين|ون|ه|ي)$/u, '');
  return w.replace(/(?<=.{3})(?:es|s|x)$/u, '').replace(/(?<=.{4})e$/u, '');
}

/** A word's key, its folded form (negations are told by it: « sans » is not stemmed), where it is. */
type Token = { key: string; word: string; text: number; start: number; end: number; segment: number };

function tokenize(texts: readonly string[], language: Language): Token[] {
  const tokens: Token[] = [];
  let segment = 0;
  texts.forEach((text, index) => {
    segment++;
    let previous = 0;
    // Words in square brackets are an editor's (« [Données fictives] », « [sic] »), not the answer's.
    const bracketed = [...text.matchAll(/\[[^\]]*\]/gu)].map((b) => [b.index, b.index + b[0].length] as const);
    for (const m of text.matchAll(SEARCH_WORD)) {
      if (bracketed.some(([from, to]) => m.index >= from && m.index < to)) continue;
      if (BREAK.test(text.slice(previous, m.index))) segment++;
      previous = m.index + m[0].length;
      const word = searchWord(m[0]);
      if (!STOP.has(word))
        tokens.push({ key: key(m[0], language), word, text: index, start: m.index, end: previous, segment });
    }
  });
  return tokens;
}

/** The positions of the cue's words from token `at`, others allowed in between; null if absent. */
function matchAt(tokens: Token[], at: number, cue: string[]): number[] | null {
  if (tokens[at]?.key !== cue[0]) return null;
  const found = [at];
  for (const word of cue.slice(1)) {
    const last = found[found.length - 1]!;
    let next = -1;
    for (let k = last + 1; k <= last + 1 + GAP && k < tokens.length; k++) {
      if (tokens[k]!.segment !== tokens[at]!.segment) break;
      if (tokens[k]!.key === word) {
        next = k;
        break;
      }
    }
    if (next < 0) return null;
    found.push(next);
  }
  return found;
}

function negated(tokens: Token[], first: number, last: number): boolean {
  const segment = tokens[first]!.segment;
  for (let k = Math.max(0, first - NEGATION_WINDOW); k < first; k++)
    if (tokens[k]!.segment === segment && NEGATIONS.has(tokens[k]!.word)) return true;
  for (let k = last + 1; k <= last + NEGATION_WINDOW && k < tokens.length; k++)
    if (tokens[k]!.segment === segment && AFTER.has(tokens[k]!.word)) return true;
  return false;
}

/**
 * The values `blocks` suggest, best first: for a single-choice code the best one only (a cue
 * that says what is not, « aucun mécanisme », yields to one that says what is); for a
 * multiple-choice code every value scoring at least MIN_MULTIPLE.
 */
export function suggestCodeValues(
  blocks: readonly Block[],
  language: Language,
  code: CodeDefinition,
): ValueSuggestion[] {
  const located = locate(blocks);
  const texts = located.map((l) => l.text);
  const tokens = tokenize(texts, language);
  // List items: their path has an even length ([list, item], [list, item, list, item]…).
  const short = located.map((l) => l.block.length % 2 === 0 && (l.text.match(SEARCH_WORD)?.length ?? 0) <= SHORT_TEXT);
  const cues = cuesOf(code, language);
  const hits = new Map<string, { score: number; evidence: Quote[] }>();
  // Longest match first, across all values: « recherche et sauvetage » is a rescue at sea, not
  // also research; the words a match takes are not the start of another one.
  const taken = new Set<number>();
  for (let at = 0; at < tokens.length; at++) {
    if (taken.has(at)) continue;
    let best: { found: number[]; cue: Token[]; values: string[] } | null = null;
    for (const { value, cue } of cues) {
      if (best && cue.length < best.cue.length) break;
      if (best?.values.includes(value)) continue;
      const found = matchAt(
        tokens,
        at,
        cue.map((t) => t.key),
      );
      if (!found) continue;
      if (best) best.values.push(value);
      else best = { found, cue, values: [value] };
    }
    if (!best) continue;
    const { found, cue } = best;
    const [first, last] = [found[0]!, found[found.length - 1]!];
    for (const k of found) taken.add(k);
    // A cue that is itself a denial (« aucun mécanisme », « لم يتم إنشاء ») is not negated
    // again; of a single-choice code, it weighs half: what is done outweighs what is not.
    const negative = NEGATIONS.has(cue[0]!.word);
    if (!negative && negated(tokens, first, last)) continue;
    const { text, start } = tokens[first]!;
    const quote = {
      position: { block: located[text]!.block, start, end: tokens[last]!.end },
      text: texts[text]!.slice(start, tokens[last]!.end),
    };
    for (const value of best.values) {
      const hit = hits.get(value) ?? { score: 0, evidence: [] };
      const weight = short[text] ? 2 : 1;
      hit.score += (negative && code.kind === 'single' ? cue.length / 2 : cue.length) * weight;
      hit.evidence.push(quote);
      hits.set(value, hit);
    }
  }
  const scored: ValueSuggestion[] = code.values.flatMap(({ key: value }) => {
    const hit = hits.get(value);
    return hit ? [{ key: value, score: hit.score, evidence: dropOverlaps(hit.evidence).slice(0, MAX_EVIDENCE) }] : [];
  });
  scored.sort((a, b) => b.score - a.score); // stable: ties keep the code's order
  return code.kind === 'single' ? scored.slice(0, 1) : scored.filter((s) => s.score >= MIN_MULTIPLE);
}

/** Every cue of the code in `language` as tokens, with its value, longest first. Cached per code. */
const cueCache = new WeakMap<CodeDefinition, Map<Language, { value: string; cue: Token[] }[]>>();
function cuesOf(code: CodeDefinition, language: Language) {
  const perLanguage = cueCache.get(code) ?? new Map<Language, { value: string; cue: Token[] }[]>();
  cueCache.set(code, perLanguage);
  let list = perLanguage.get(language);
  if (!list) {
    list = code.values
      .flatMap((v) => (v.cues[language] ?? []).map((cue) => ({ value: v.key, cue: tokenize([cue], language) })))
      .filter((c) => c.cue.length > 0)
      .sort((a, b) => b.cue.length - a.cue.length);
    perLanguage.set(language, list);
  }
  return list;
}

function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return a.length - b.length;
}

/** Quotes in reading order without those inside an earlier one (two cues on the same words). */
function dropOverlaps(quotes: Quote[]): Quote[] {
  const kept: Quote[] = [];
  for (const q of quotes) {
    const previous = kept[kept.length - 1];
    if (
      previous &&
      comparePaths(previous.position.block, q.position.block) === 0 &&
      q.position.start < previous.position.end
    )
      continue;
    kept.push(q);
  }
  return kept;
}
