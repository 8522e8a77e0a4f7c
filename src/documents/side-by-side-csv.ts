import { pickedIds } from '../domain/answer-value.js';
import { blockTexts } from '../domain/blocks.js';
import { pick, type Language } from '../domain/language.js';
import type { Comparison } from '../domain/side-by-side.js';
import { csvCell } from './export-csv.js';

export const SIDE_BY_SIDE_COLUMNS = [
  'country',
  'name',
  'source',
  'number',
  'date',
  'state',
  'language',
  'objectives',
  'text',
  'synthetic',
  'value',
] as const;

/**
 * One line per country (the items of the side-by-side view, in its order): its code, its name in
 * the reader's language, where the text comes from (submission or published, its number and
 * day), the answer's language and its text flattened (blockTexts, one line per paragraph or
 * item). `synthetic` says a fictional country's line is no government's words, even read alone.
 * `value`, for a typed question: the ids its answer picked (choice ids, objective numbers,
 * principle keys, space-separated, as `objectives`) or its number; empty otherwise.
 * CRLF line ends, a byte order mark for spreadsheets (as the tracking's CSV).
 */
export function sideBySideCsv(comparison: Comparison, reader: Language): string {
  const rows: string[][] = [[...SIDE_BY_SIDE_COLUMNS]];
  for (const answer of comparison.answers) {
    rows.push([
      answer.country,
      pick(answer.countryName, reader),
      answer.source.kind,
      String(answer.source.number),
      answer.source.at.toISOString().slice(0, 10),
      answer.state,
      answer.language,
      answer.objectives.join(' '),
      blockTexts(answer.blocks).join('\n'),
      String(answer.synthetic),
      answer.value && 'number' in answer.value ? String(answer.value.number) : pickedIds(answer.value).join(' '),
    ]);
  }
  return `\uFEFF${rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')}`;
}
