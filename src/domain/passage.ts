import type { Block } from './blocks.js';

/**
 * A passage: words of an answer pointed at exactly, so that a figure (domain/facts.ts), the
 * evidence of a code's value (domain/code-suggestions.ts) or later a comment can say « these
 * words, there » and be checked against the text they quote. One way to point for all of them.
 */

/** Where in an answer's blocks: the path to one text (see `locate`) and UTF-16 offsets in it. */
export interface PassagePosition {
  /** [i] for paragraph i, [i, j] for item j of list i, [i, j, k, l] inside a nested list, and so on. */
  block: number[];
  start: number;
  end: number;
}

/** Which answer text a passage quotes: a submission as sent, or one revision of the working answer. */
export type PassageSource =
  | { kind: 'submission'; country: string; cycle: string; number: number }
  | { kind: 'revision'; country: string; cycle: string; revision: number };

export interface Passage {
  source: PassageSource;
  questionId: string;
  position: PassagePosition;
  /** The words quoted, as written: `passageHolds` checks they are still there. */
  text: string;
}

/** A passage without its source and question: what is found in blocks before saying whose they are. */
export type Quote = Pick<Passage, 'position' | 'text'>;

export interface Located {
  block: number[];
  text: string;
}

/** Every text of the answer with its path: [i] for a paragraph, [i, j] for item j of a list, and so on inside. */
export function locate(blocks: readonly Block[], prefix: number[] = []): Located[] {
  return blocks.flatMap((block, i) =>
    block.type === 'paragraph'
      ? [{ block: [...prefix, i], text: block.text }]
      : block.items.flatMap((item, j) => [
          { block: [...prefix, i, j], text: item.text },
          ...locate(item.blocks, [...prefix, i, j]),
        ]),
  );
}

/** The text at `path`, or null when the blocks have no text there. */
export function textAt(blocks: readonly Block[], path: readonly number[]): string | null {
  let list: readonly Block[] = blocks;
  for (let k = 0; k < path.length; k++) {
    const block = list[path[k]!];
    if (!block) return null;
    if (block.type === 'paragraph') return k === path.length - 1 ? block.text : null;
    const item = block.items[path[k + 1] ?? -1];
    if (!item) return null;
    if (k + 1 === path.length - 1) return item.text;
    list = item.blocks;
    k++;
  }
  return null;
}

/** The quote of `blocks` at `block`, `start`…`end`; null when the offsets are out of that text. */
export function quoteAt(blocks: readonly Block[], position: PassagePosition): Quote | null {
  const text = textAt(blocks, position.block);
  const { start, end } = position;
  if (text === null || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return null;
  if (end > text.length) return null;
  return { position: { block: [...position.block], start, end }, text: text.slice(start, end) };
}

/** A passage of `blocks`, or null when the position does not point into them. */
export function makePassage(
  blocks: readonly Block[],
  source: PassageSource,
  questionId: string,
  position: PassagePosition,
): Passage | null {
  const quote = quoteAt(blocks, position);
  return quote ? { source, questionId, ...quote } : null;
}

/** Whether the passage still quotes what it says at its position in `blocks` (the answer may have changed). */
export function passageHolds(blocks: readonly Block[], passage: Pick<Passage, 'position' | 'text'>): boolean {
  return quoteAt(blocks, passage.position)?.text === passage.text;
}

/**
 * Every place `phrase` is written in `blocks`, in reading order, compared as `same` folds letters
 * (identity by default). `same` must keep a text's length (one UTF-16 unit for one), so that the
 * offsets found in the folded text are those of the original: `toLowerCase`-like folds do.
 */
export function findPhrase(
  blocks: readonly Block[],
  phrase: string,
  same: (text: string) => string = (text) => text,
): Quote[] {
  const wanted = same(phrase);
  if (wanted === '') return [];
  const found: Quote[] = [];
  for (const { block, text } of locate(blocks)) {
    const folded = same(text);
    if (folded.length !== text.length) throw new Error('findPhrase: the fold must keep the length of a text');
    for (let at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + wanted.length)) {
      found.push({ position: { block, start: at, end: at + wanted.length }, text: text.slice(at, at + wanted.length) });
    }
  }
  return found;
}
