import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Block } from './blocks.js';
import { extractFacts, type Fact, type FactKind } from './facts.js';
import type { Language } from './language.js';
import { locate } from './passage.js';

/**
 * What changed in one country's review from one cycle to a later one (issue 14, item 6), read
 * question by question through the question mapping (the same id by default, as when a review
 * is started from an earlier cycle's: services/copy-from-cycle.ts). Pure; the rules, exactly:
 *
 * - **Blocks.** Each paragraph and each list item (at any depth) is a block with its path
 *   (passage.ts `locate`: [i] a paragraph, [i, j] item j of list i, deeper inside). Blocks are
 *   compared by their normalised text (NFC, blanks collapsed, lower case): the two answers are
 *   aligned on their equal blocks (the `diff` package's shortest edit script, i.e. a longest
 *   common subsequence), which are `unchanged` even if their path moved. Between two aligned
 *   blocks, the blocks left on each side are paired in order when they share at least half their
 *   words (Dice: 2 × shared words ÷ (words of one + words of the other) ≥ 0.5, words normalised
 *   as above): such a pair is one block `changed`, with its words marked; the others are
 *   `removed` (earlier only) or `added` (later only).
 * - **Questions.** A question answered in one cycle only is `only_earlier` or `only_later`; one
 *   answered in both is `changed` when any of its blocks is not `unchanged`, else `unchanged`.
 * - **Figures** (facts.ts). A figure of the earlier answer matches one of the later answer to the
 *   same question (through the mapping) when their kind is the same and so is their context: the
 *   three words before the number and the three words after it in its text, normalised as above,
 *   with every digit written `#` (so « réuni 9 fois en 2019 » and « réuni 12 fois en 2020 » are
 *   one figure). The n-th earlier figure with a given question, kind and context matches the n-th
 *   later one. A matched pair whose value differs is `changed`; an earlier figure left unmatched
 *   is `dropped`, a later one `new`.
 * - **Objectives.** The GCM objectives confirmed for any answer of the review, earlier and later:
 *   those only in the later review are `added`, those only in the earlier one `dropped`.
 */

export const QUESTION_CHANGES = ['changed', 'unchanged', 'only_earlier', 'only_later'] as const;
export type QuestionChangeKind = (typeof QUESTION_CHANGES)[number];
export const BLOCK_CHANGES = ['unchanged', 'changed', 'added', 'removed'] as const;
export type BlockChangeKind = (typeof BLOCK_CHANGES)[number];
export const FIGURE_CHANGES = ['changed', 'new', 'dropped'] as const;
export type FigureChangeKind = (typeof FIGURE_CHANGES)[number];

/** The review as compared: a submission's or a published version's document, or the working copy's. */
export interface ComparedReview {
  language: Language;
  sections: { questions: { id: string; answer: { blocks: Block[] } }[] }[];
  facts?: Fact[] | undefined;
  objectives?: Record<string, { number: number; status: string }[]> | undefined;
}

export interface BlockText {
  path: number[];
  text: string;
}

/** A piece of a changed block's text: kept, or only in the earlier (`removed`) or later (`added`) text. */
export interface WordPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface BlockChange {
  op: BlockChangeKind;
  earlier: BlockText | null;
  later: BlockText | null;
  /** For a changed block, its words: what stayed, what went, what came. */
  words?: WordPart[];
}

export interface QuestionChange {
  /** The question in the earlier cycle, and in the later one (null when the mapping has none). */
  earlier: string | null;
  later: string | null;
  change: QuestionChangeKind;
  blocks: BlockChange[];
}

export interface FigureSide {
  value: number;
  unit: string | null;
  period: string | null;
  quote: string;
}

export interface FigureChange {
  change: FigureChangeKind;
  question: string;
  kind: FactKind;
  earlier: FigureSide | null;
  later: FigureSide | null;
}

export interface CycleChange {
  questions: QuestionChange[];
  figures: FigureChange[];
  objectives: { added: number[]; dropped: number[] };
}

/** The counts a region's table shows for one country. */
export interface ChangeCounts {
  questionsChanged: number;
  questionsOnlyEarlier: number;
  questionsOnlyLater: number;
  blocksAdded: number;
  blocksRemoved: number;
  blocksChanged: number;
  figuresChanged: number;
  figuresNew: number;
  figuresDropped: number;
  objectivesAdded: number;
  objectivesDropped: number;
}

/** Two blocks between the same unchanged ones are one block changed at this similarity or above. */
export const CHANGED_THRESHOLD = 0.5;
/** Words on each side of a number that make a figure's context. */
export const CONTEXT_WORDS = 3;

export const normalise = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
const wordsOf = (text: string) => normalise(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/** Dice's coefficient over the two texts' words (as multisets). */
export function similarity(a: string, b: string): number {
  const x = wordsOf(a);
  const y = wordsOf(b);
  if (x.length + y.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of x) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of y) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

type Unit = BlockText & { key: string };
const units = (blocks: readonly Block[]): Unit[] =>
  locate(blocks).map((l) => ({ path: l.block, text: l.text, key: normalise(l.text) }));
const side = (u: Unit): BlockText => ({ path: u.path, text: u.text });

function wordParts(earlier: string, later: string): WordPart[] {
  return diffWordsWithSpace(earlier, later).map((part) => ({
    op: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

/** The blocks between two unchanged ones: pairs alike enough are changed, in order; the rest added or removed. */
function pairRun(removed: Unit[], added: Unit[]): BlockChange[] {
  const out: BlockChange[] = [];
  let next = 0; // later blocks before `next` are placed: pairs keep both answers' order
  for (const r of removed) {
    const found = added.findIndex((a, i) => i >= next && similarity(r.text, a.text) >= CHANGED_THRESHOLD);
    if (found < 0) {
      out.push({ op: 'removed', earlier: side(r), later: null });
      continue;
    }
    for (const a of added.slice(next, found)) out.push({ op: 'added', earlier: null, later: side(a) });
    const a = added[found]!;
    out.push({ op: 'changed', earlier: side(r), later: side(a), words: wordParts(r.text, a.text) });
    next = found + 1;
  }
  for (const a of added.slice(next)) out.push({ op: 'added', earlier: null, later: side(a) });
  return out;
}

/** One answer's blocks, earlier and later, aligned (see the rules above). */
export function compareBlocks(earlier: readonly Block[], later: readonly Block[]): BlockChange[] {
  const a = units(earlier);
  const b = units(later);
  const out: BlockChange[] = [];
  let removed: Unit[] = [];
  let added: Unit[] = [];
  let i = 0;
  let j = 0;
  const flush = () => {
    out.push(...pairRun(removed, added));
    removed = [];
    added = [];
  };
  for (const part of diffArrays(
    a.map((u) => u.key),
    b.map((u) => u.key),
  )) {
    const n = part.count ?? part.value.length;
    if (part.removed) removed.push(...a.slice(i, (i += n)));
    else if (part.added) added.push(...b.slice(j, (j += n)));
    else {
      flush();
      for (let k = 0; k < n; k++) out.push({ op: 'unchanged', earlier: side(a[i + k]!), later: side(b[j + k]!) });
      i += n;
      j += n;
    }
  }
  flush();
  return out;
}

const answersOf = (review: ComparedReview) =>
  new Map(review.sections.flatMap((s) => s.questions.map((q) => [q.id, q.answer.blocks] as const)));
const answered = (blocks: readonly Block[] | undefined) => blocks !== undefined && locate(blocks).length > 0;

/**
 * Earlier question → the later question it is compared with (null: none, it has no successor);
 * a question the mapping does not name is compared with the same id (services/cycle-mapping.ts).
 */
export type ChangeMapping = Readonly<Record<string, string | null>>;

/** The later question an earlier one maps to: the mapping's, else the same id. */
const mapped = (mapping: ChangeMapping, id: string): string | null => (Object.hasOwn(mapping, id) ? mapping[id]! : id);

function questionChanges(earlier: ComparedReview, later: ComparedReview, mapping: ChangeMapping): QuestionChange[] {
  const before = answersOf(earlier);
  const after = answersOf(later);
  // Later id → the earlier id compared with it: the first in the earlier order (a merge's other
  // questions are listed on their own below, never lost).
  const from = new Map<string, string>();
  for (const id of before.keys()) {
    const to = mapped(mapping, id);
    if (to !== null && after.has(to) && !from.has(to)) from.set(to, id);
  }
  const paired = new Set(from.values());
  // The later questionnaire's order, then the earlier questions it has no place for.
  const pairs = [
    ...[...after.keys()].map((id) => ({ earlierId: from.get(id) ?? null, laterId: id as string | null })),
    ...[...before.keys()].filter((id) => !paired.has(id)).map((id) => ({ earlierId: id, laterId: null })),
  ];
  const out: QuestionChange[] = [];
  for (const { earlierId, laterId } of pairs) {
    const a = earlierId === null ? undefined : before.get(earlierId);
    const b = laterId === null ? undefined : after.get(laterId);
    if (!answered(a) && !answered(b)) continue;
    const blocks = compareBlocks(answered(a) ? a! : [], answered(b) ? b! : []);
    const change: QuestionChangeKind = !answered(a)
      ? 'only_later'
      : !answered(b)
        ? 'only_earlier'
        : blocks.every((c) => c.op === 'unchanged')
          ? 'unchanged'
          : 'changed';
    out.push({ earlier: answered(a) ? earlierId : null, later: answered(b) ? laterId : null, change, blocks });
  }
  return out;
}

/** The figures of a review by question: as stored with it, else found again in its answers. */
function factsOf(review: ComparedReview): Fact[] {
  if (Array.isArray(review.facts)) return review.facts;
  return [...answersOf(review)].flatMap(([id, blocks]) => extractFacts(id, blocks, review.language));
}

function contextOf(fact: Fact, blocks: readonly Block[] | undefined): string {
  const text = (blocks && locate(blocks).find((l) => l.block.join('.') === fact.position.block.join('.'))?.text) ?? '';
  const words = (s: string) => wordsOf(s).map((w) => w.replace(/\p{N}/gu, '#'));
  const before = words(text.slice(0, fact.position.start)).slice(-CONTEXT_WORDS);
  const after = words(text.slice(fact.position.end)).slice(0, CONTEXT_WORDS);
  return `${before.join(' ')} | ${after.join(' ')}`;
}

const figureSide = (f: Fact): FigureSide => ({ value: f.value, unit: f.unit, period: f.period, quote: f.quote });

function figureChanges(earlier: ComparedReview, later: ComparedReview, mapping: ChangeMapping): FigureChange[] {
  const before = answersOf(earlier);
  const after = answersOf(later);
  // Figures keyed by (later question, kind, context); equal keys queue in reading order.
  const queue = new Map<string, Fact[]>();
  const keyOf = (question: string, f: Fact, blocks: readonly Block[] | undefined) =>
    `${question}\u0000${f.kind}\u0000${contextOf(f, blocks)}`;
  for (const f of factsOf(earlier)) {
    // A figure of a question with no successor keeps a key no later figure has: it is dropped.
    const key = keyOf(mapped(mapping, f.questionId) ?? `\u0001${f.questionId}`, f, before.get(f.questionId));
    queue.set(key, [...(queue.get(key) ?? []), f]);
  }
  const out: FigureChange[] = [];
  for (const f of factsOf(later)) {
    const match = queue.get(keyOf(f.questionId, f, after.get(f.questionId)))?.shift();
    if (!match) out.push({ change: 'new', question: f.questionId, kind: f.kind, earlier: null, later: figureSide(f) });
    else if (match.value !== f.value) {
      out.push({
        change: 'changed',
        question: f.questionId,
        kind: f.kind,
        earlier: figureSide(match),
        later: figureSide(f),
      });
    }
  }
  for (const left of queue.values()) {
    for (const f of left) {
      out.push({ change: 'dropped', question: f.questionId, kind: f.kind, earlier: figureSide(f), later: null });
    }
  }
  return out;
}

function confirmedObjectives(review: ComparedReview): Set<number> {
  return new Set(
    Object.values(review.objectives ?? {})
      .flat()
      .filter((o) => o.status === 'confirmed')
      .map((o) => Number(o.number)),
  );
}

/** The change from the earlier review to the later one (`mapping`: earlier question → later question). */
export function compareCycles(
  earlier: ComparedReview,
  later: ComparedReview,
  mapping: ChangeMapping = {},
): CycleChange {
  const a = confirmedObjectives(earlier);
  const b = confirmedObjectives(later);
  const sorted = (s: number[]) => s.sort((x, y) => x - y);
  return {
    questions: questionChanges(earlier, later, mapping),
    figures: figureChanges(earlier, later, mapping),
    objectives: { added: sorted([...b].filter((n) => !a.has(n))), dropped: sorted([...a].filter((n) => !b.has(n))) },
  };
}

export function countChanges(change: CycleChange): ChangeCounts {
  const q = (k: QuestionChangeKind) => change.questions.filter((c) => c.change === k).length;
  const blocks = change.questions.flatMap((c) => c.blocks);
  const b = (k: BlockChangeKind) => blocks.filter((c) => c.op === k).length;
  const f = (k: FigureChangeKind) => change.figures.filter((c) => c.change === k).length;
  return {
    questionsChanged: q('changed'),
    questionsOnlyEarlier: q('only_earlier'),
    questionsOnlyLater: q('only_later'),
    blocksAdded: b('added'),
    blocksRemoved: b('removed'),
    blocksChanged: b('changed'),
    figuresChanged: f('changed'),
    figuresNew: f('new'),
    figuresDropped: f('dropped'),
    objectivesAdded: change.objectives.added.length,
    objectivesDropped: change.objectives.dropped.length,
  };
}
