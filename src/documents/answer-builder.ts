import type { Block, ListBlock } from '../domain/blocks.js';
import { abjadNumber } from './numbering.js';
import type { SourceLine } from './source-lines.js';

/**
 * How an answer's lines become blocks (import-text.ts): paragraphs and nested lists. Lists come
 * from the document's own numbering (a structured reader gives their level) or are typed by hand:
 * a bullet, a number or a letter at the start of the line. Those nest by indentation when the
 * reader knows it (Word, OpenDocument), else by marker kind (plain text, PDF).
 */

/** A typed bullet (▪ • ● ◦ ✓ …, and the Symbol/Wingdings glyphs Word and PDFs put in the private use area), also glued to its text. */
const GLYPH = /^([▪•●◦○■□◆◇►➢➤✓✔‣⁃\uF020-\uF0FF])\s*(.*)$/u;
/** A dash or star only with a space after it (« -5 % » is a number). */
const DASH = /^([-–*])(?:\s+|$)(.*)$/u;
/** « o » as Word's second-level bullet: a letter alone, so only when text follows. */
const LETTER_O = /^(o)\s+(\S.*)$/u;
/** `1. Text`, `2)Text`, `١. نص`, `3 - Text`: a number of one or two digits is only a marker when a letter follows. */
const ORDERED = /^([0-9]{1,2}|[٠-٩]{1,2}|[۰-۹]{1,2})(?:([.)])|\s?([-–])(?=\s))\s*(\p{L}.*)$/u;
/** `a. Text` and `أ- نص` (a list's letters; « a) » and « أ) » are question letters). */
const LATIN_LETTER = /^([a-z])\.\s+(\p{L}.*)$/u;
const ARABIC_LETTER = /^([\u0621-\u064A])\u0640?\s?([-–])\s*(\p{L}.*)$/u;

/** Indentations within this many points are one level. */
const INDENT_TOLERANCE = 6;

/** Joins a wrapped line: a line ending in a hyphen goes on with the same word (Covid-|19). */
export function join(text: string, line: string): string {
  if (text === '') return line;
  if (line === '') return text;
  return /\S-$/u.test(text) ? text + line : `${text} ${line}`;
}

interface Marker {
  kind: string;
  /** The item's number (letters count from 1); null for a bullet. */
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
  /** The items' indentation, when the reader gives it. */
  indent?: number | undefined;
}

const LISTED = 'listed';

const digitValue = (digits: string): number =>
  Number(digits.replace(/[٠-٩۰-۹]/gu, (d) => String((d.charCodeAt(0) - 0x660) % 0x90)));

/** A marker as written, before deciding whether it opens an item here. */
function readMarker(line: string): Marker | null {
  const unordered = GLYPH.exec(line) ?? DASH.exec(line) ?? LETTER_O.exec(line);
  if (unordered) return { kind: unordered[1] ?? '', number: null, text: unordered[2] ?? '' };
  const ordered = ORDERED.exec(line);
  if (ordered) {
    const digits = ordered[1] ?? '';
    const script = /^[0-9]/u.test(digits) ? '1' : '١';
    return { kind: `${script}${ordered[2] ?? ordered[3] ?? ''}`, number: digitValue(digits), text: ordered[4] ?? '' };
  }
  const latin = LATIN_LETTER.exec(line);
  if (latin) return { kind: 'a.', number: (latin[1] ?? 'a').charCodeAt(0) - 96, text: latin[2] ?? '' };
  const arabic = ARABIC_LETTER.exec(line);
  const number = arabic ? abjadNumber(arabic[1] ?? '') : 0;
  return arabic && number > 0 ? { kind: `أ${arabic[2] ?? ''}`, number, text: arabic[3] ?? '' } : null;
}

const isLetterKind = (kind: string): boolean => kind === 'a.' || kind.startsWith('أ');

/**
 * Builds an answer's blocks, kept as a stack of open lists. In plain text, nesting follows
 * marker kinds; lines from a structured document give their list level or their indentation,
 * which decides it.
 */
export class AnswerBuilder {
  readonly blocks: Block[] = [];
  private readonly stack: Level[] = [];

  /** The list marker starting `line`, if it is one here (numbers and letters must follow on). */
  marker(line: string): Marker | null {
    const marker = readMarker(line);
    if (!marker || marker.number === null) return marker;
    // « 54.000 demandes » never gets here (no letter), but « 19 ans. » or « 12) Voir » could:
    // only 1, or the number after the previous item of the same list, opens an item.
    const follows = this.stack.some((level) => level.kind === marker.kind && level.last + 1 === marker.number);
    return marker.number === 1 || follows ? marker : null;
  }

  /** The line goes on a list lettered by hand (« b. » after « a. »): an item, not a question's letter. */
  continuesLetters(line: string): boolean {
    const marker = this.marker(line);
    return marker !== null && isLetterKind(marker.kind) && marker.number !== 1;
  }

  add(line: SourceLine): void {
    if (line.list) return this.addListed(line.text, line.list.level, line.list.ordered, line.indent);
    const marker = this.marker(line.text);
    if (marker && line.indent !== undefined) this.addIndented(marker, line.indent);
    else if (marker) this.addItem(marker);
    else if (!line.paragraph) this.continueText(line.text);
    else if (!(line.indent && this.addIndentedParagraph(line.text, line.indent))) this.addParagraph(line.text);
  }

  /** An item whose level is known: deeper levels close, a list of the other kind is another list. */
  private addListed(text: string, depth: number, ordered: boolean, indent: number | undefined): void {
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
    level.indent = indent;
    level.list.items.push({ text, blocks: [] });
  }

  /**
   * An item typed by hand in a paragraph whose indentation is known: lists indented deeper
   * close, one at the same indentation takes it as a sibling (or, of another kind or starting
   * again at 1, gives way to a new list), and a deeper indentation nests it in the last item.
   */
  private addIndented({ kind, number, text }: Marker, indent: number): void {
    const deeper = (level: Level): boolean => (level.indent ?? -Infinity) > indent + INDENT_TOLERANCE;
    for (let top = this.top(); top && deeper(top); top = this.top()) this.stack.pop();
    let level = this.top();
    const same = level !== undefined && Math.abs((level.indent ?? -Infinity) - indent) <= INDENT_TOLERANCE;
    if (level && same && (level.kind !== kind || number === 1)) {
      this.stack.pop();
      level = undefined;
    }
    if (!level || !same) {
      const list: ListBlock = { type: 'list', ordered: number !== null, items: [] };
      this.container().push(list);
      level = { kind, depth: (this.top()?.depth ?? -1) + 1, list, last: 0, indent };
      this.stack.push(level);
    }
    level.list.items.push({ text, blocks: [] });
    level.last = number ?? 0;
  }

  /**
   * A paragraph without marker indented as far as an open list's items goes on the last of them
   * (a second paragraph of the item), closing the lists indented deeper; false if none is open there.
   */
  private addIndentedParagraph(text: string, indent: number): boolean {
    let at = this.stack.length - 1;
    while (at >= 0 && !((this.stack[at]?.indent ?? Infinity) <= indent + INDENT_TOLERANCE)) at--;
    const item = this.stack[at]?.list.items.at(-1);
    if (!item) return false;
    this.stack.length = at + 1;
    item.blocks.push({ type: 'paragraph', text });
    return true;
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
