import type { Block } from '../domain/blocks.js';
import type { ReviewDocument } from '../domain/review.js';

/**
 * The answers as CSV (`pacte export --format csv`, and answers.csv of the open data package).
 * `synthetic` is true on every line of a fictional country's review (the demo region): a line
 * read alone, out of its file, still says it is no government's words.
 */
export const CSV_COLUMNS = [
  'country',
  'cycle',
  'question_id',
  'depth',
  'kind',
  'ordered',
  'text',
  'synthetic',
] as const;

/**
 * A cell, RFC 4180: quoted when it holds a comma, a quote or a line break (quotes doubled).
 * A spreadsheet would run a text starting with =, +, - or @ as a formula (CSV injection): such
 * a text is prefixed with a single quote ('), which spreadsheets show and never evaluate.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/** One row per line of every answer (a paragraph, or a list item), in reading order; CRLF line ends. */
export function reviewCsv(review: ReviewDocument & { synthetic?: boolean }): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const synthetic = String(review.synthetic === true);
  const walk = (questionId: string, blocks: readonly Block[], depth: number): void => {
    for (const block of blocks) {
      if (block.type === 'paragraph') {
        rows.push([review.country, review.cycle, questionId, String(depth), 'paragraph', '', block.text, synthetic]);
        continue;
      }
      for (const item of block.items) {
        const ordered = String(block.ordered);
        rows.push([review.country, review.cycle, questionId, String(depth), 'item', ordered, item.text, synthetic]);
        walk(questionId, item.blocks, depth + 1);
      }
    }
  };
  for (const section of review.sections) for (const q of section.questions) walk(q.id, q.answer.blocks, 0);
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
