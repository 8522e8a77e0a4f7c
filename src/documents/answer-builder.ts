import type { Block, ListBlock } from '../domain/blocks.js';
import type { SourceLine } from './source-lines.js';

/** How an answer's lines become blocks (import-text.ts): paragraphs and nested lists. */

/** A bullet (▪ • ● ◦ ✓ - – *) and the item's text. */
const UNORDERED = /^([▪•●◦✓✔\-–*])(?:\s+|$)(.*)$/u;
/** `1. Text`, `2)Text`: a number of one or two digits is only a marker when a letter follows. */
const ORDERED = /^(\d{1,2})([.)])\s*(\p{L}.*)$/u;

/** Joins a wrapped line: a line ending in a hyphen goes on with the same word (Covid-|19). */
export function join(text: string, line: string): string {
  if (text === '') return line;
  if (line === '') return text;
  return /\S-$/u.test(text) ? text + line : `${text} ${line}`;
}

interface Marker {
  kind: string;
  number: number | null;
  text: string;
}

interface Level {
  /** The marker kind, or LISTED for a list whose structure the document gave. */
  kind: string;
  /** Nesting depth: the document's list level, or one more than the enclosing list. */
  depth: number;
  list: ListBlock;
  last: number;
}

const LISTED = 'listed';

/**
 * Builds an answer's blocks, kept as a stack of open lists. In plain text, nesting follows
 * marker kinds; lines from a structured document give their list level, which decides it.
 */
export class AnswerBuilder {
  readonly blocks: Block[] = [];
  private readonly stack: Level[] = [];

  /** The list marker starting `line`, if it is one here (numbers must follow on). */
  marker(line: string): Marker | null {
    const unordered = UNORDERED.exec(line);
    if (unordered) return { kind: unordered[1] ?? '', number: null, text: unordered[2] ?? '' };
    const ordered = ORDERED.exec(line);
    if (!ordered) return null;
    const number = Number(ordered[1]);
    const kind = `1${ordered[2] ?? ''}`;
    // « 54.000 demandes » never gets here (no letter), but « 19 ans. » or « 12) Voir » could:
    // only 1, or the number after the previous item of the same list, opens an item.
    const follows = this.stack.some((level) => level.kind === kind && level.last + 1 === number);
    return number === 1 || follows ? { kind, number, text: ordered[3] ?? '' } : null;
  }

  add(line: SourceLine): void {
    if (line.list) return this.addListed(line.text, line.list.level, line.list.ordered);
    const marker = this.marker(line.text);
    if (marker) this.addItem(marker);
    else if (line.paragraph) this.addParagraph(line.text);
    else this.continueText(line.text);
  }

  /** An item whose level is known: deeper levels close, a list of the other kind is another list. */
  private addListed(text: string, depth: number, ordered: boolean): void {
    for (let top = this.top(); top; top = this.top()) {
      const sameList = top.depth === depth && top.kind === LISTED && top.list.ordered === ordered;
      if (top.depth < depth || sameList) break;
      this.stack.pop();
    }
    let level = this.top();
    if (level?.depth !== depth) {
      const list: ListBlock = { type: 'list', ordered, items: [] };
      this.container().push(list);
      level = { kind: LISTED, depth, list, last: 0 };
      this.stack.push(level);
    }
    level.list.items.push({ text, blocks: [] });
  }

  /** A paragraph of its own, at the answer's top level: it closes the open lists. */
  private addParagraph(text: string): void {
    this.stack.length = 0;
    this.blocks.push({ type: 'paragraph', text });
  }

  private top(): Level | undefined {
    return this.stack[this.stack.length - 1];
  }

  private addItem({ kind, number, text }: Marker): void {
    let at = this.stack.findIndex((level) => level.kind === kind);
    // A « 1. » where a numbered list is open starts a new list at that depth.
    if (at >= 0 && number === 1) {
      this.stack.length = at;
      at = -1;
    }
    if (at >= 0) {
      this.stack.length = at + 1; // close the deeper lists: this is a sibling at that level
    } else {
      const list: ListBlock = { type: 'list', ordered: number !== null, items: [] };
      this.container().push(list);
      this.stack.push({ kind, depth: (this.top()?.depth ?? -1) + 1, list, last: 0 });
    }
    const level = this.stack[this.stack.length - 1];
    if (!level) return;
    level.list.items.push({ text, blocks: [] });
    level.last = number ?? 0;
  }

  /** Where a new list goes: inside the current item, or at the top of the answer. */
  private container(): Block[] {
    const items = this.stack[this.stack.length - 1]?.list.items;
    return items?.[items.length - 1]?.blocks ?? this.blocks;
  }

  private continueText(line: string): void {
    const items = this.stack[this.stack.length - 1]?.list.items;
    const item = items?.[items.length - 1];
    if (item) {
      item.text = join(item.text, line);
      return;
    }
    const last = this.blocks[this.blocks.length - 1];
    if (last?.type === 'paragraph') last.text = join(last.text, line);
    else this.blocks.push({ type: 'paragraph', text: line });
  }
}
