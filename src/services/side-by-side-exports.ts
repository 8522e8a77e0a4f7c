import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { sideBySideCsv } from '../documents/side-by-side-csv.js';
import { sideBySideDocx, type SideBySideLabels } from '../documents/side-by-side-docx.js';
import type { Language } from '../domain/language.js';
import { formatDate } from '../domain/locale-format.js';
import type { Actor } from '../domain/permissions.js';
import type { ComparedAnswer } from '../domain/side-by-side.js';
import { translate } from '../i18n/index.js';
import { docxFigures } from './code-figures-chart.js';
import { compareAnswers, type CompareQuery } from './compare-answers.js';

export interface SideBySideTarget {
  cycle: string;
  questionId: string;
}

/** « Soumission n° 2 du 3 mars 2026 » / « Version publiée n° 1 du … », in the reader's language. */
export function sourceLine(answer: ComparedAnswer, reader: Language): string {
  const key = answer.source.kind === 'submission' ? 'sidebyside.source_submission' : 'sidebyside.source_published';
  return translate(reader, 'ui', key, { number: answer.source.number, date: formatDate(answer.source.at, reader) });
}

const fileName = (target: SideBySideTarget, ext: string) =>
  `${target.cycle}-${target.questionId.replace(/[^A-Za-z0-9.-]/gu, '')}-answers.${ext}`;

/** The side-by-side view as CSV: what the reader reads, with the same filters (compareAnswers). */
export async function sideBySideCsvFile(
  db: Kysely<Database>,
  actor: Actor | null,
  target: SideBySideTarget,
  query: CompareQuery,
  reader: Language,
): Promise<{ bytes: Buffer; fileName: string }> {
  const comparison = await compareAnswers(db, actor, target.cycle, target.questionId, query, reader);
  return { bytes: Buffer.from(sideBySideCsv(comparison, reader), 'utf8'), fileName: fileName(target, 'csv') };
}

/** The side-by-side view as DOCX, its labels in the reader's language. */
export async function sideBySideDocxFile(
  db: Kysely<Database>,
  actor: Actor | null,
  target: SideBySideTarget,
  query: CompareQuery,
  reader: Language,
): Promise<{ bytes: Buffer; fileName: string }> {
  const comparison = await compareAnswers(db, actor, target.cycle, target.questionId, query, reader);
  const labels: SideBySideLabels = {
    source: (answer) => sourceLine(answer, reader),
    synthetic: translate(reader, 'ui', 'sidebyside.synthetic'),
    none: translate(reader, 'ui', 'sidebyside.none'),
    noAnswer: translate(reader, 'ui', 'review.no_answer'),
  };
  // The question's figures, counted under the same reader's rules and group (none if not coded).
  const figures = await docxFigures(db, actor, target, { group: query.group }, reader);
  return { bytes: await sideBySideDocx(comparison, reader, labels, figures), fileName: fileName(target, 'docx') };
}
