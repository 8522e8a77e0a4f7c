import type { Block } from '../domain/blocks.js';
import type { ReviewDocument } from '../domain/review.js';
import { NO_NAMES, answerValueLines, type ValueNames } from '../domain/value-text.js';

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
/** Added after CSV_COLUMNS when the questionnaire has typed questions (issue 15). */
export const VALUE_COLUMN = 'value';

/**
 * A cell, RFC 4180: quoted when it holds a comma, a quote or a line break (quotes doubled).
 * A spreadsheet would run a text starting with =, +, - or @ as a formula (CSV injection): such
 * a text is prefixed with a single quote ('), which spreadsheets show and never evaluate.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/**
 * One row per line of every answer (a paragraph, or a list item), in reading order; CRLF line ends.
 * When the questionnaire has typed questions (issue 15), a last column `value` is added, and a
 * typed answer's value comes first, on a row of kind `value`: `text` as documents write it
 * (« ☒ Oui ; ☐ Non », in the review's language), `value` the review JSON's value as JSON (empty on
 * every other row). A review of free-text questions gives the same file as before (docs/review-json.md).
 */
export function reviewCsv(review: ReviewDocument & { synthetic?: boolean }, names: ValueNames = NO_NAMES): string {
  const typed = review.sections.some((s) => s.questions.some((q) => q.kind !== undefined));
  const rows: string[][] = [typed ? [...CSV_COLUMNS, VALUE_COLUMN] : [...CSV_COLUMNS]];
  const extra = typed ? [''] : [];
  const synthetic = String(review.synthetic === true);
  const walk = (questionId: string, blocks: readonly Block[], depth: number): void => {
    for (const block of blocks) {
      if (block.type === 'paragraph') {
        rows.push([
          review.country,
          review.cycle,
          questionId,
          String(depth),
          'paragraph',
          '',
          block.text,
          synthetic,
          ...extra,
        ]);
        continue;
      }
      for (const item of block.items) {
        const ordered = String(block.ordered);
        rows.push([
          review.country,
          review.cycle,
          questionId,
          String(depth),
          'item',
          ordered,
          item.text,
          synthetic,
          ...extra,
        ]);
        walk(questionId, item.blocks, depth + 1);
      }
    }
  };
  for (const section of review.sections) {
    for (const q of section.questions) {
      const value = q.answer.value;
      if (value) {
        const text = answerValueLines(q, review.language, names).join(' ; ');
        rows.push([review.country, review.cycle, q.id, '0', 'value', '', text, synthetic, JSON.stringify(value)]);
      }
      walk(q.id, q.answer.blocks, 0);
    }
  }
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
