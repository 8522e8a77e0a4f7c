import { repairArabic, visualToLogical } from '../arabic-repair.js';
import type { Direction } from '../arabic-repair.js';
import type { SourceLine } from '../source-lines.js';
import { ARABIC_QUESTION_START } from '../numbering.js';
import { ROW_START, SECTION_START, byTop, gapsOf, median } from './layout.js';
import type { Cell, PhysicalLine, Token } from './layout.js';

/**
 * A cell's physical lines → the lines parseReviewText reads: wrapped lines joined back, list
 * markers recognised and written by their indentation level.
 */

/** Text at the start of an answer's line that the text parser would take for a question or a section. */
const LATIN_DANGER =
  /^(?:\(?[a-z]\)|[a-z]\.(?=\s)|\((?:[ivx]+|[IVX]+)\)|(?:[ivx]+|[IVX]+)\s*(?:[.)]\s*[-–—]?|[-–—:])(?=\s|$)|[Ss][Ee][Cc][Tt][Ii][Oo][Nn]\s+[IVX]+\b)/u;
const DANGER = new RegExp(`${LATIN_DANGER.source}|${ARABIC_QUESTION_START.source}`, 'u');

/** Bullet characters, including the Symbol/Wingdings glyphs that land in the Private Use Area. */
const BULLET = /^[•▪◦●○■□◆◇❖►▸▹▶➢➤➣➔→✓✔✗✘★☐☑⁃∙·‣⦿⦾*\-–—\uE000-\uF8FF]$/u;

/** Markers written for each nesting level (all distinct kinds for the text parser). */
const LEVEL_BULLETS = ['▪', '◦', '✓', '•', '●', '✔', '–', '*'] as const;

interface Metrics {
  /** An ordinary space between words. */
  space: number;
  /** Line pitch within a paragraph, as a multiple of the line height. */
  pitch: number;
  /** Per page, table and side, the furthest a line reaches (x for left-to-right, -x for right-to-left). */
  reach: Map<string, { ltr: number; rtl: number }>;
}

const columnOf = (line: PhysicalLine): string => `${line.page}/${line.gutter ?? ''}/${line.side}`;

export function measure(lines: readonly PhysicalLine[]): Metrics {
  const gaps: number[] = [];
  for (const line of lines)
    for (const gap of gapsOf(line.tokens)) if (gap > 0.1 * line.height && gap < 0.6 * line.height) gaps.push(gap);
  const pitches: number[] = [];
  const byColumn = new Map<string, PhysicalLine[]>();
  const reach = new Map<string, { ltr: number; rtl: number }>();
  for (const line of lines) {
    const key = columnOf(line);
    byColumn.set(key, [...(byColumn.get(key) ?? []), line]);
    const r = reach.get(key) ?? { ltr: -Infinity, rtl: -Infinity };
    r.ltr = Math.max(r.ltr, ...line.tokens.map((t) => t.xMax));
    r.rtl = Math.max(r.rtl, ...line.tokens.map((t) => -t.xMin));
    reach.set(key, r);
  }
  for (const column of byColumn.values()) {
    column.sort(byTop);
    column.forEach((line, i) => {
      const prev = column[i - 1];
      if (!prev) return;
      const pitch = (line.bottom - prev.bottom) / line.height;
      if (pitch > 0.8 && pitch < 2.5) pitches.push(pitch);
    });
  }
  const space = median(gaps);
  const pitch = median(pitches);
  return { space: Number.isNaN(space) ? 3 : space, pitch: Number.isNaN(pitch) ? 1.2 : pitch, reach };
}

/** Position along the reading direction: x, or -x in a right-to-left line. */
const along = (x: number, direction: Direction): number => (direction === 'rtl' ? -x : x);

interface Placed {
  /** Tokens in reading order. */
  tokens: Token[];
  start: number;
  end: number;
}

function place(line: PhysicalLine): Placed {
  const tokens = line.direction === 'rtl' ? [...line.tokens].reverse() : line.tokens;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const startOf = (t: Token | undefined): number =>
    t ? Math.min(along(t.xMin, line.direction), along(t.xMax, line.direction)) : 0;
  const endOf = (t: Token | undefined): number =>
    t ? Math.max(along(t.xMin, line.direction), along(t.xMax, line.direction)) : 0;
  return { tokens, start: startOf(first), end: endOf(last) };
}

interface Marker {
  type: 'bullet' | 'number' | 'letter';
  /** The number of a numbered item, with its punctuation (`.` or `)`). */
  number?: { value: number; separator: string };
  /** The marker as written (for letters, kept in the item's text). */
  written: string;
  /** Where the marker starts, along the reading direction. */
  position: number;
  /** The item's text. */
  rest: string;
  /**
   * A dash or star, or a number, followed by an ordinary space: an item only if the line starts a
   * paragraph anyway, or stands out from the paragraph before (indented) or from the item before
   * (left of its text).
   */
  weak?: boolean;
}

const logical = (tokens: readonly Token[], direction: Direction): string =>
  visualToLogical((direction === 'rtl' ? [...tokens].reverse() : tokens).map((t) => t.text).join(' '), direction);

/** A list marker at the start of the line, by its glyph, or a number or letter followed by a tab. */
function markerOf(line: PhysicalLine, metrics: Metrics): Marker | null {
  const { tokens, start } = place(line);
  const first = tokens[0];
  if (!first) return null;
  const word = visualToLogical(first.text, line.direction);
  const next = tokens[1];
  const gap = next ? Math.abs(line.direction === 'rtl' ? first.xMin - next.xMax : next.xMin - first.xMax) : 0;
  const wide = next !== undefined && gap >= Math.max(1.8 * metrics.space, 0.4 * line.height);
  // The rest of the line, in visual order as tokens are kept, read in logical order.
  const rest = repairArabic(logical(tokens.slice(1), line.direction));
  if (BULLET.test(word) || (word === 'o' && wide)) {
    const weak = !wide && /^[-–—*]$/u.test(word);
    return { type: 'bullet', written: word, position: start, rest, ...(weak ? { weak } : {}) };
  }
  const glued = /^([•▪◦●○■□◆◇❖►▸➢➤✓✔\uE000-\uF8FF])(\p{L}.*)$/u.exec(word);
  if (glued) {
    const text = [glued[2] ?? '', rest].filter((t) => t !== '').join(' ');
    return { type: 'bullet', written: glued[1] ?? '', position: start, rest: text };
  }
  // Without a tab after it, a number or letter is an item only where the layout says so (unwrap).
  const weak = wide ? {} : { weak: true };
  if (next === undefined) return null;
  const number = /^\(?(\d{1,3})([.)])$/u.exec(word);
  if (number) {
    const separator = word.startsWith('(') ? ')' : (number[2] ?? '.');
    const value = { value: Number(number[1]), separator };
    return { type: 'number', number: value, written: word, position: start, rest, ...weak };
  }
  if (/^\(?(?:\p{L}|[ivxlc]{1,5}|[IVXLC]{1,5})[.)]$/u.test(word))
    return wide ? { type: 'letter', written: word, position: start, rest } : null;
  return null;
}

/** Joins a wrapped line. */
function join(text: string, line: string): string {
  if (text === '') return line;
  if (line === '') return text;
  // A hyphen at the end goes on with the same word; an Arabic per cent sign goes before its number.
  return /\S-$/u.test(text) || (/[٪$]$/u.test(text) && /^[\d٠-٩]/u.test(line)) ? text + line : `${text} ${line}`;
}

interface LogicalLine {
  text: string;
  /** Where its first line starts, along the reading direction. */
  start: number;
  marker: Marker | null;
  /** Where the item's text starts (for a hanging indent), along the reading direction. */
  body: number | null;
  /** Text at an answer's line start that the parser would misread: written as a list item. */
  danger: number | null;
  /** Bold all through (undefined when the fonts are not known). */
  strong: boolean | undefined;
}

/**
 * Whether all of a line's words are bold (undefined when the fonts are not known). Punctuation
 * alone does not count: a bracket often comes from another font, in which it is not bold.
 */
function boldOf(line: PhysicalLine): boolean | undefined {
  if (line.tokens.every((t) => t.bold === undefined)) return undefined;
  return line.tokens.every((t) => t.bold === true || !/[\p{L}\p{N}]/u.test(t.text));
}

/** A cell's physical lines → its logical lines (paragraphs and items, unwrapped). */
function unwrap(cell: Cell, metrics: Metrics): LogicalLine[] {
  const out: LogicalLine[] = [];
  let prev: PhysicalLine | null = null;
  for (const line of cell.lines) {
    let marker = markerOf(line, metrics);
    const placed = place(line);
    const current = out[out.length - 1];
    let fresh = current === undefined || (marker !== null && !marker.weak);
    // A bullet alone on its line (its glyph on another baseline): the next line is its text.
    const bare = current?.marker && current.text === '' && current.body === null;
    if (bare && (marker === null || marker.weak)) {
      current.text = line.text;
      current.body = placed.start;
      current.strong = boldOf(line);
      prev = line;
      continue;
    }
    if (!fresh && prev && current) {
      const prevPlaced = place(prev);
      if (prev.page === line.page) {
        // A wrapped line stays in its column: a line across the page after one within a column
        // (a heading after the title) starts anew.
        if (prev.side !== line.side) fresh = true;
        const pitch = line.bottom - prev.bottom;
        if (pitch > metrics.pitch * line.height + Math.max(2, 0.15 * line.height)) fresh = true;
      }
      if (current.body !== null && placed.start < current.body - 2) fresh = true;
      // A marker indented from the paragraph before starts an item (a list typed by hand).
      if (marker && current.body === null && !current.marker && placed.start > current.start + 2) fresh = true;
      // A line ends a paragraph when the next line's first word would have fitted on it.
      const reach = metrics.reach.get(columnOf(prev));
      const limit = reach ? (prev.direction === 'rtl' ? reach.rtl : reach.ltr) : Infinity;
      const width = unbreakableWidth(placed.tokens, line.direction);
      const space = /\S-$/u.test(prev.text) ? 0 : metrics.space;
      if (prev.direction === line.direction && prevPlaced.end + space + width <= limit - 0.5) fresh = true;
      // Outside tables, a question or a heading after a finished sentence (as at a page's top).
      if (
        cell.role === 'flow' &&
        /[.?!:;؟]$/u.test(prev.text) &&
        (ROW_START.test(line.text) || SECTION_START.test(line.text))
      )
        fresh = true;
    }
    // « - 2021 » at the start of a wrapped line goes on with the line before.
    if (!fresh && marker?.weak) marker = null;
    if (fresh || !current) {
      const text = marker ? marker.rest : line.text;
      const body = marker ? (place(line).tokens[1] ? start(place(line).tokens[1], line.direction) : null) : null;
      const danger = !marker && cell.role === 'answer' && DANGER.test(line.text) ? placed.start : null;
      out.push({ text, start: placed.start, marker, body, danger, strong: boldOf(line) });
    } else {
      current.text = join(current.text, line.text);
      const strong = boldOf(line);
      if (current.strong !== undefined || strong !== undefined)
        current.strong = current.strong === true && strong === true;
    }
    prev = line;
  }
  return out;
}

/**
 * Width of what had to go to the next line together: the first word, with the punctuation that
 * French sets after a no-break space (« créé ? », « 24 % ») or the guillemet before it.
 */
function unbreakableWidth(tokens: readonly Token[], direction: Direction): number {
  const first = tokens[0];
  if (!first) return 0;
  let last = first;
  for (let i = 1; i < tokens.length; i++) {
    const next = tokens[i];
    const previousText = visualToLogical(last.text, direction);
    const nextText = next ? visualToLogical(next.text, direction) : '';
    // « 48 213 », its groups joined by a no-break space, and punctuation after one.
    const group = /^\d{1,3}$/u.test(previousText) && /^\d{3}[.,;:]?$/u.test(nextText);
    if (!next || !(/^[?!:;»%‰)\]]+$/u.test(nextText) || /^[«([]$/u.test(previousText) || group)) break;
    last = next;
  }
  return Math.max(first.xMax, last.xMax) - Math.min(first.xMin, last.xMin);
}

function start(token: Token | undefined, direction: Direction): number {
  return token ? Math.min(along(token.xMin, direction), along(token.xMax, direction)) : 0;
}

/** Levels of indentation among a cell's markers: positions within 3 points are one level. */
function levels(positions: number[]): (position: number) => number {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const steps: number[] = [];
  for (const p of sorted) if (steps.length === 0 || p - (steps[steps.length - 1] ?? p) > 3) steps.push(p);
  return (position) => {
    let level = 0;
    steps.forEach((s, i) => {
      if (position >= s - 3) level = i;
    });
    return level;
  };
}

/** A logical line of a cell: as the text parser reads it, and as a structured line (paragraph or item). */
export interface CellLine {
  /** With its marker written by level (▪ ◦ ✓ … or the number), for parseReviewText. */
  text: string;
  /** A paragraph, or a list item at its level with the marker left out, for parseReviewLines. */
  source: SourceLine;
}

export function cellText(cell: Cell, metrics: Metrics): CellLine[] {
  const lines = unwrap(cell, metrics);
  const levelOf = levels(
    lines.flatMap((l) =>
      l.marker && (cell.role !== 'question' || l.marker.type !== 'letter')
        ? [l.marker.position]
        : l.danger !== null
          ? [l.danger]
          : [],
    ),
  );
  const bullet = (level: number): string => LEVEL_BULLETS[Math.min(level, LEVEL_BULLETS.length - 1)] ?? '▪';
  // Indentation from the cell's start margin (the right one in Arabic), of a paragraph or of an
  // item's marker: lists typed by hand (« - », « ١. », « أ- ») nest by it in the parser, and a
  // paragraph indented as far as an item is that item's second paragraph.
  const margin = Math.min(...lines.map((l) => l.start));
  const indentOf = (line: LogicalLine): number => Math.max(0, Math.round(line.start - margin));
  const item = (level: number, text: string, ordered: boolean, written: string, line: LogicalLine): CellLine => ({
    text: `${written} ${text}`,
    source: { text, paragraph: true, list: { level, ordered }, indent: indentOf(line) },
  });
  const paragraph = (line: LogicalLine, text: string): CellLine => ({
    text,
    source: {
      text,
      paragraph: true,
      indent: indentOf(line),
      ...(line.strong === undefined ? {} : { strong: line.strong }),
    },
  });
  const open: { level: number; separator: string | null }[] = [];
  return lines.map((line): CellLine => {
    const { marker } = line;
    if (line.danger !== null) {
      const level = levelOf(line.danger);
      return item(level, line.text, false, bullet(level), line);
    }
    if (!marker) return paragraph(line, line.text);
    if (marker.type === 'letter') {
      // In a question's cell the letter is the question's; elsewhere, a lettered list item.
      const text = `${marker.written} ${line.text}`;
      if (cell.role !== 'answer') return paragraph(line, text);
      const level = levelOf(marker.position);
      return item(level, text, false, bullet(level), line);
    }
    const level = levelOf(marker.position);
    while ((open[open.length - 1]?.level ?? -1) >= level) open.pop();
    if (marker.type === 'bullet') {
      open.push({ level, separator: null });
      return item(level, line.text, false, bullet(level), line);
    }
    // A numbered list inside another with the same punctuation would read as its sibling.
    let separator = marker.number?.separator ?? '.';
    if (open.some((o) => o.separator === separator)) separator = separator === '.' ? ')' : '.';
    open.push({ level, separator });
    return item(level, line.text, true, `${marker.number?.value ?? 1}${separator}`, line);
  });
}
