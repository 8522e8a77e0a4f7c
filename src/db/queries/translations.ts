import type { Kysely } from 'kysely';
import type { Block } from '../../domain/blocks.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** One version of a translation of one answer of one submission (migration 031). */
export interface TranslationRow {
  number: number;
  questionId: string;
  language: string;
  revision: number;
  blocks: Block[];
  translator: string;
  machine: boolean;
  machineNote: string | null;
  createdAt: Date;
}

/** A current translation: its highest revision, with when its first revision was written. */
export interface CurrentTranslation extends TranslationRow {
  firstAt: Date;
}

const COLUMNS = [
  't.number',
  't.question_id as questionId',
  't.language',
  't.revision',
  't.blocks',
  't.translator',
  't.machine',
  't.machine_note as machineNote',
  't.created_at as createdAt',
] as const;

/**
 * The current translations of a review's submissions (each (submission, question, language) at
 * its highest revision), oldest submission first; `upTo` keeps those of submissions ≤ it.
 */
export async function listCurrent(db: Db, reviewId: number, upTo?: number): Promise<CurrentTranslation[]> {
  let query = db
    .selectFrom('answer_translation as t')
    .select(COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('answer_translation as f')
        .select('f.created_at')
        .whereRef('f.review_id', '=', 't.review_id')
        .whereRef('f.number', '=', 't.number')
        .whereRef('f.question_id', '=', 't.question_id')
        .whereRef('f.language', '=', 't.language')
        .where('f.revision', '=', 1)
        .$asScalar()
        .$castTo<Date>()
        .as('firstAt'),
    )
    .where('t.review_id', '=', reviewId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('answer_translation as n')
            .select('n.revision')
            .whereRef('n.review_id', '=', 't.review_id')
            .whereRef('n.number', '=', 't.number')
            .whereRef('n.question_id', '=', 't.question_id')
            .whereRef('n.language', '=', 't.language')
            .whereRef('n.revision', '>', 't.revision'),
        ),
      ),
    );
  if (upTo !== undefined) query = query.where('t.number', '<=', upTo);
  return query.orderBy('t.number').orderBy('t.question_id').orderBy('t.language').execute();
}

/** Every version of one translation, newest first (nothing is ever overwritten). */
export async function listRevisions(
  db: Db,
  key: { reviewId: number; number: number; questionId: string; language: string },
): Promise<TranslationRow[]> {
  return db
    .selectFrom('answer_translation as t')
    .select(COLUMNS)
    .where('t.review_id', '=', key.reviewId)
    .where('t.number', '=', key.number)
    .where('t.question_id', '=', key.questionId)
    .where('t.language', '=', key.language)
    .orderBy('t.revision', 'desc')
    .execute();
}

/**
 * Adds the next version of a translation. The caller holds the review's lock (lockReview), so
 * two writers do not race on the revision; the primary key refuses a repeated one anyway.
 */
export async function addRevision(
  db: Db,
  row: {
    reviewId: number;
    number: number;
    questionId: string;
    language: string;
    revision: number;
    blocks: Block[];
    translator: string;
    machine: boolean;
    machineNote: string | null;
  },
): Promise<TranslationRow> {
  return db
    .insertInto('answer_translation')
    .values({
      review_id: row.reviewId,
      number: row.number,
      question_id: row.questionId,
      language: row.language,
      revision: row.revision,
      blocks: JSON.stringify(row.blocks),
      translator: row.translator,
      machine: row.machine,
      machine_note: row.machineNote,
    })
    .returning([
      'number',
      'question_id as questionId',
      'language',
      'revision',
      'blocks',
      'translator',
      'machine',
      'machine_note as machineNote',
      'created_at as createdAt',
    ])
    .executeTakeFirstOrThrow();
}
