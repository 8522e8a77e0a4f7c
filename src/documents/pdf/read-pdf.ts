import { PacteError } from '../../domain/errors.js';
import { lettersLookVisual, lineDirection, marksBeforeLetters, marksFollowLetters } from '../arabic-repair.js';
import { parseBboxLayout } from './bbox.js';
import { markBold } from './bold.js';
import type { PdfPage } from './bbox.js';
import { pageSeparators } from './columns.js';
import { removeFurniture } from './furniture.js';
import { cellText, measure, type CellLine } from './lines.js';
import { physicalLines } from './physical-lines.js';
import { assembleCells, questionSide } from './rows.js';
import { runPoppler } from './run-pdftotext.js';
import type { PdfReadOptions } from './run-pdftotext.js';

/**
 * Reads a PDF review (a text PDF made by Word or LibreOffice) into lines for parseReviewLines,
 * each a paragraph or a list item at its level, as a Word document's reader does; and as plain
 * text for parseReviewText: the title, « I.- » section headings, then for each question its
 * « a) » wording and its answer, one logical line per line, list items starting with a marker
 * (▪ at the top level, ◦ ✓ • … deeper; numbers stay numbers).
 *
 * pdftotext (poppler-utils) gives every word with its box (-bbox-layout); the layout is rebuilt
 * from the boxes rather than taken from pdftotext's reading order, which interleaves the two
 * columns of the « Questions | Réponses » table and leaves Arabic in visual order:
 * - per page (per section where a page holds two tables), a vertical gutter that no line crosses
 *   splits the question column from the answer column; a question line starting with its letter
 *   (« a) ») starts a table row, and a row's question and answer may go on over the next pages;
 * - running headers and footers (the same line at the same height on many pages), page numbers
 *   and the repeated table header row are dropped;
 * - wrapped lines are joined back (a line ends a paragraph when the next line's first word would
 *   have fitted on it, or when it is followed by paragraph spacing), so that a wrapped line
 *   starting with « 1. » or « b) » is not taken for a list item or a question;
 * - list markers (• ▪ ◦ – ✓, the Symbol and Wingdings glyphs of the Private Use Area, or a
 *   number followed by a tab, or by a space where the line stands out from the one before) are
 *   recognised, and each item's level comes from its indentation;
 * - Arabic lines are put back into logical order, marks that the extraction detached from their
 *   letter are put back on it (arabic-repair.ts);
 * - paragraphs in bold all through say so (pdftohtml knows the fonts, bold.ts): a question's
 *   wording is often set apart from its answer that way.
 */

export async function readPdfText(bytes: Uint8Array, file: string, options: PdfReadOptions): Promise<string> {
  return (await readPdfLines(bytes, file, options)).map((line) => line.text).join('\n');
}

/**
 * A PDF review's logical lines, each a paragraph or a list item at its level (the layout says
 * where paragraphs start, so a paragraph after a list is not taken for the last item's end).
 */
export async function readPdfLines(bytes: Uint8Array, file: string, options: PdfReadOptions): Promise<CellLine[]> {
  const { bbox, fonts } = await runPoppler(bytes, file, options);
  const lines = pdfLayoutLines(markBold(parseBboxLayout(bbox), fonts));
  if (lines.length === 0) throw new PacteError('import.no_text', { file });
  return lines;
}

/**
 * Page layout → the text parseReviewText reads. Exported for tests on crafted word boxes; PDF
 * files go through readPdfText.
 */
export function pdfLayoutText(given: readonly PdfPage[]): string {
  return pdfLayoutLines(given)
    .map((line) => line.text)
    .join('\n');
}

/** Page layout → logical lines, each as text with its marker and as a structured line. */
export function pdfLayoutLines(given: readonly PdfPage[]): CellLine[] {
  const words = given.flatMap((p) => p.words.map((w) => w.text));
  const visual = lettersLookVisual(words);
  // Chromium's PDFs put marks after their letter in visual order: brought to the usual order.
  const pages =
    visual && marksFollowLetters(words)
      ? given.map((p) => ({ ...p, words: p.words.map((w) => ({ ...w, text: marksBeforeLetters(w.text) })) }))
      : given;
  const direction = lineDirection(words.join(' ')) ?? 'ltr';
  const separators = pageSeparators(pages);
  const lines = pages.map((page, index) => physicalLines(page, index, separators[index] ?? [], visual, direction));
  removeFurniture(lines, pages);
  const all = lines.flat();
  if (all.length === 0) return [];
  const metrics = measure(all);
  const cells = assembleCells(lines, questionSide(all));
  return cells.flatMap((cell) => cellText(cell, metrics)).filter((line) => line.text.trim() !== '');
}
