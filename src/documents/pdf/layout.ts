import type { Direction } from '../arabic-repair.js';
import { ARABIC_QUESTION_START, ARABIC_SECTION_START } from '../numbering.js';

/** What the layout steps share: the lines seen on a page, table cells, and a few measures. */

export type Side = 'left' | 'right' | 'full';

export interface Token {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** Drawn in a bold font; undefined when the fonts are not known. */
  bold?: boolean;
}

/** A line as seen on the page, within one column (or across the page). */
export interface PhysicalLine {
  page: number;
  side: Side;
  /** The column gutter of the table the line is in (a page may hold two tables), or null. */
  gutter: number | null;
  /** Left to right on the page. */
  tokens: Token[];
  direction: Direction;
  /** In logical (reading) order. */
  text: string;
  top: number;
  bottom: number;
  height: number;
}

export interface Cell {
  role: 'question' | 'answer' | 'flow';
  lines: PhysicalLine[];
}

/** Letter of a question starting a table row: « a) », « (a) », « a. », or in Arabic (« أ) », « ب- »). */
const LATIN_ROW_START = /^(?:\(\p{L}\)|\p{L}\)|\p{L}\.(?=\s))/u;
export const ROW_START = new RegExp(`${LATIN_ROW_START.source}|${ARABIC_QUESTION_START.source}`, 'u');
/** A section heading: « I.- Title », « II. Title », « III - Title », « Section IV », « ثانياً: Title ». */
const LATIN_SECTION_START = /^(?:section\s+[IVXLC]+\b|[IVXLC]+\s*(?:\.\s*[-–—]|[-–—:]|\.\s))/iu;
export const SECTION_START = new RegExp(`${LATIN_SECTION_START.source}|${ARABIC_SECTION_START.source}`, 'iu');

/** A list marker by itself, as drawn (« ▪ », « 1. », or « .1 » in an Arabic line). */
export const LONE_MARKER = /^(?:[•▪◦●○■□◆◇❖►▸▹▶➢➤➣➔→✓✔✗✘★☐☑⁃∙·‣⦿⦾\-–—\uE000-\uF8FF]|[.(]?[\d٠-٩]{1,3}[.)]?)$/u;

/** How far two boxes overlap vertically (negative: the gap between them). */
export const overlap = (a: { yMin: number; yMax: number }, b: { yMin: number; yMax: number }): number =>
  Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The gaps between consecutive tokens of a line, left to right. */
export function gapsOf(tokens: readonly Token[]): number[] {
  return tokens.slice(1).map((t, i) => t.xMin - (tokens[i]?.xMax ?? t.xMin));
}

/** Top to bottom on the page. */
export const byTop = (a: PhysicalLine, b: PhysicalLine): number => a.top - b.top;
