import { pdfLayoutLines, type PdfPage, type PdfWord } from '../../src/documents/import-pdf.js';
import type { Block } from '../../src/domain/blocks.js';

/**
 * Word boxes crafted as pdftotext -bbox-layout gives them, for tests of the PDF layout (issue 16's
 * failure kinds, where a PDF showing them would take pages).
 */

const H = 12; // line height
const CHAR = 5; // width of a character
let pdftotextLine = 0;

/**
 * One pdftotext line: the words of `text` from x on, 3 points apart, or spread so that the last
 * ends at `right` (a justified line, which wrapped).
 */
export function ltr(x: number, y: number, text: string, options: { right?: number; bold?: boolean } = {}): PdfWord[] {
  const parts = text.split(' ');
  const widths = parts.map((p) => CHAR * [...p].length);
  const total = widths.reduce((a, b) => a + b, 0);
  const gap = options.right !== undefined && parts.length > 1 ? (options.right - x - total) / (parts.length - 1) : 3;
  pdftotextLine++;
  let at = x;
  return parts.map((p, i) => {
    const w = widths[i] ?? 0;
    const word: PdfWord = { text: p, xMin: at, xMax: at + w, yMin: y, yMax: y + H, line: pdftotextLine };
    if (options.bold !== undefined) word.bold = options.bold;
    at += w + gap;
    return word;
  });
}

/** An Arabic line ending (on the left) at `left`, or from its right edge `right`: words in visual order. */
export function rtl(right: number, y: number, text: string, options: { left?: number } = {}): PdfWord[] {
  const visual = text
    .split(' ')
    .map((w) => [...w].reverse().join(''))
    .reverse()
    .join(' ');
  const words = visual.split(' ');
  const width = CHAR * words.join('').length + 3 * (words.length - 1);
  if (options.left !== undefined) return ltr(options.left, y, visual, { right });
  return ltr(right - width, y, visual);
}

/** Parts that pdftotext gives as one line (a marker and its text on one baseline). */
export function one(...parts: PdfWord[][]): PdfWord[] {
  pdftotextLine++;
  return parts.flat().map((w) => ({ ...w, line: pdftotextLine }));
}

/** A Wingdings bullet (U+F0A7), smaller than the text, alone on its pdftotext line. */
export function glyph(x: number, y: number): PdfWord[] {
  pdftotextLine++;
  return [{ text: '\uF0A7', xMin: x, xMax: x + 5, yMin: y, yMax: y + 6, line: pdftotextLine }];
}

export const page = (...lines: PdfWord[][]): PdfPage => ({ width: 595, height: 842, words: lines.flat() });

export const sources = (pages: PdfPage[]) => pdfLayoutLines(pages).map((l) => l.source);

export const item = (text: string, blocks: Block[] = []) => ({ text, blocks });
