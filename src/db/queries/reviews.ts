import { sql, type Kysely } from 'kysely';
import type { AnswerValue } from '../../domain/answer-value.js';
import type { Block } from '../../domain/blocks.js';
import type { Language, Multilingual } from '../../domain/language.js';
import type { RevisionOrigin, StoredAnswer } from '../../domain/review.js';
import type { AnswerStatus, ReviewStatus } from '../../domain/workflow.js';
import type { Database } from '../schema.js';
import { lockQuestionOf } from './questionnaires.js';

type Db = Kysely<Database>;

export interface ReviewRow {
  id: number;
  country: string;
  cycle: string;
  language: Language;
  title: string;
  status: ReviewStatus;
  createdAt: Date;
  updatedAt: Date;
  /** A fictional country's review (the demo region, migration 019): every text in it is synthetic. */
  synthetic: boolean;
}

export interface ReviewSummary extends ReviewRow {
  /** The cycle's region (secretariats read the submitted reviews of theirs). */
  region: string;
  answered: number;
  questions: number;
  /** Whether a version of it was ever published (docs/publishing.md). */
  published: boolean;
  countryName: Multilingual;
  cycleTitle: Multilingual;
}

const reviewColumns = [
  'review.id',
  'review.country_code as country',
  'review.cycle_id as cycle',
  'review.language',
  'review.title',
  'review.status',
  'review.created_at as createdAt',
  'review.updated_at as updatedAt',
] as const;

/**
 * Whether an answer row counts as answered: some free text, or a typed value (issue 15: a value
 * alone is an answer). The SQL twin of isAnswered (src/domain/review.ts) and of the tracking
 * trigger (migration 038).
 */
export const answered = sql<boolean>`(jsonb_array_length(answer.blocks) > 0 or answer.value is not null)`;

/** The one place that says whether a review is synthetic: its country is (country.synthetic). */
const syntheticColumn = sql<boolean>`coalesce((select c.synthetic from country c
  where c.code = review.country_code), false)`.as('synthetic');

export async function findReview(db: Db, country: string, cycle: string): Promise<ReviewRow | undefined> {
  return db
    .selectFrom('review')
    .select(reviewColumns)
    .select(syntheticColumn)
    .where('country_code', '=', country)
    .where('cycle_id', '=', cycle)
    .executeTakeFirst();
}

/**
 * The review as it is now, its row locked until the transaction ends: `update` by whoever may
 * change it (a status move, an import), `share` by writes that need it to stay as it is (an
 * answer or a contribution saved while the review is open). Shares do not wait for each
 * other; a move waits for them, and they for it.
 */
export async function lockReview(db: Db, reviewId: number, mode: 'update' | 'share'): Promise<ReviewRow | undefined> {
  const query = db.selectFrom('review').select(reviewColumns).select(syntheticColumn).where('id', '=', reviewId);
  return (mode === 'update' ? query.forUpdate() : query.forShare()).executeTakeFirst();
}

export async function listReviews(db: Db): Promise<ReviewSummary[]> {
  const rows = await db
    .selectFrom('review')
    .innerJoin('country', 'country.code', 'review.country_code')
    .innerJoin('cycle', 'cycle.id', 'review.cycle_id')
    .select(reviewColumns)
    .select(syntheticColumn)
    .select(['country.name as countryName', 'cycle.title as cycleTitle', 'cycle.region_id as region'])
    .select((eb) => [
      eb
        .selectFrom('answer')
        .select(eb.fn.countAll<string | number>().as('n'))
        .whereRef('answer.review_id', '=', 'review.id')
        .where(answered)
        .as('answered'),
      eb
        .selectFrom('question')
        .select(eb.fn.countAll<string | number>().as('n'))
        .whereRef('question.questionnaire_id', '=', 'cycle.questionnaire_id')
        .whereRef('question.version', '=', 'cycle.questionnaire_version')
        .as('questions'),
      eb
        .exists(
          eb.selectFrom('review_version').select('version').whereRef('review_version.review_id', '=', 'review.id'),
        )
        .as('published'),
    ])
    .orderBy('review.cycle_id')
    .orderBy('review.country_code')
    .execute();
  return rows.map((row) => ({
    ...row,
    answered: Number(row.answered ?? 0),
    questions: Number(row.questions ?? 0),
    published: Boolean(row.published),
  }));
}

/** Current answers with their revision and what made it (`import`, later `edit`, `restore`). */
export async function findAnswers(
  db: Db,
  reviewId: number,
): Promise<Map<string, StoredAnswer & { origin: RevisionOrigin; status: AnswerStatus }>> {
  const rows = await db
    .selectFrom('answer')
    .innerJoin('answer_revision', (join) =>
      join
        .onRef('answer_revision.review_id', '=', 'answer.review_id')
        .onRef('answer_revision.question_id', '=', 'answer.question_id')
        .onRef('answer_revision.revision', '=', 'answer.revision'),
    )
    .select([
      'answer.question_id',
      'answer.blocks',
      'answer.value',
      'answer.revision',
      'answer.status',
      'answer_revision.origin',
    ])
    .where('answer.review_id', '=', reviewId)
    .execute();
  return new Map(
    rows.map((row) => [
      row.question_id,
      {
        blocks: row.blocks,
        // Absent, not null, when there is none: buildReviewDocument shows `value` on typed questions only.
        ...(row.value ? { value: row.value } : {}),
        revision: row.revision,
        origin: row.origin,
        status: row.status,
      },
    ]),
  );
}

/** Creates the review, or refreshes its title and language; returns its id. */
export async function upsertReview(
  db: Db,
  review: { country: string; cycle: string; language: Language; title: string },
): Promise<{ id: number; created: boolean }> {
  const existing = await findReview(db, review.country, review.cycle);
  if (existing) {
    await db
      .updateTable('review')
      .set({ language: review.language, title: review.title, updated_at: new Date().toISOString() })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, created: false };
  }
  const { id } = await db
    .insertInto('review')
    .values({ country_code: review.country, cycle_id: review.cycle, language: review.language, title: review.title })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, created: true };
}

/** Stores a new revision of one answer: the answer row moves on, the history keeps it. */
export async function saveAnswerRevision(
  db: Db,
  change: {
    reviewId: number;
    questionId: string;
    revision: number;
    blocks: Block[];
    /** The typed value (checked by the caller, answer-value.ts); null or absent: none. */
    value?: AnswerValue | null;
    author: string;
    origin: RevisionOrigin;
    sourceSha256: string | null;
    /** Set when the save also moves the answer (a first save: not_started → drafting). */
    status?: AnswerStatus;
    contributionIds?: number[];
    note?: string | null;
    /** With origin `copied`: the cycle of the review it was copied from (migration 016). */
    copiedFromCycle?: string;
  },
): Promise<void> {
  await lockQuestionOf(db, change.reviewId, change.questionId);
  const blocks = JSON.stringify(change.blocks);
  const value = change.value ? JSON.stringify(change.value) : null;
  const now = new Date().toISOString();
  const status = change.status ? { status: change.status } : {};
  await db
    .insertInto('answer')
    .values({
      review_id: change.reviewId,
      question_id: change.questionId,
      revision: change.revision,
      blocks,
      value,
      updated_by: change.author,
      updated_at: now,
      ...status,
    })
    .onConflict((oc) =>
      oc.columns(['review_id', 'question_id']).doUpdateSet({
        revision: change.revision,
        blocks,
        value,
        updated_by: change.author,
        updated_at: now,
        ...status,
      }),
    )
    .execute();
  await db
    .insertInto('answer_revision')
    .values({
      review_id: change.reviewId,
      question_id: change.questionId,
      revision: change.revision,
      blocks,
      value,
      author: change.author,
      origin: change.origin,
      source_sha256: change.sourceSha256,
      contribution_ids: change.contributionIds ?? [],
      note: change.note ?? null,
      copied_from_cycle: change.copiedFromCycle ?? null,
    })
    .execute();
}

export interface AnswerRow {
  questionId: string;
  revision: number;
  status: AnswerStatus;
  blocks: Block[];
  value: AnswerValue | null;
  updatedBy: string;
  updatedAt: Date;
}

const answerColumns = [
  'question_id as questionId',
  'revision',
  'status',
  'blocks',
  'value',
  'updated_by as updatedBy',
  'updated_at as updatedAt',
] as const;

/** One answer; `lock` holds its row until the transaction ends (saves that check the revision). */
export async function findAnswer(
  db: Db,
  reviewId: number,
  questionId: string,
  lock = false,
): Promise<AnswerRow | undefined> {
  let query = db
    .selectFrom('answer')
    .select(answerColumns)
    .where('review_id', '=', reviewId)
    .where('question_id', '=', questionId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function listAnswerRows(db: Db, reviewId: number): Promise<AnswerRow[]> {
  return db.selectFrom('answer').select(answerColumns).where('review_id', '=', reviewId).execute();
}

/** Each written answer's status, by question (a question without a row is not_started). */
export async function listAnswerStatuses(db: Db, reviewId: number): Promise<Map<string, AnswerStatus>> {
  const rows = await db
    .selectFrom('answer')
    .select(['question_id', 'status'])
    .where('review_id', '=', reviewId)
    .execute();
  return new Map(rows.map((row) => [row.question_id, row.status]));
}

export async function setAnswerStatus(
  db: Db,
  reviewId: number,
  questionId: string,
  status: AnswerStatus,
): Promise<void> {
  await db
    .updateTable('answer')
    .set({ status })
    .where('review_id', '=', reviewId)
    .where('question_id', '=', questionId)
    .execute();
}

export async function setReviewStatus(db: Db, reviewId: number, status: ReviewStatus): Promise<void> {
  await db
    .updateTable('review')
    .set({ status, updated_at: new Date().toISOString() })
    .where('id', '=', reviewId)
    .execute();
}

export interface RevisionRow {
  revision: number;
  author: string;
  origin: RevisionOrigin;
  createdAt: Date;
  contributionIds: number[];
  note: string | null;
}

export async function listRevisions(db: Db, reviewId: number, questionId: string): Promise<RevisionRow[]> {
  return db
    .selectFrom('answer_revision')
    .select(['revision', 'author', 'origin', 'created_at as createdAt', 'contribution_ids as contributionIds', 'note'])
    .where('review_id', '=', reviewId)
    .where('question_id', '=', questionId)
    .orderBy('revision', 'desc')
    .execute();
}

export async function findRevision(
  db: Db,
  reviewId: number,
  questionId: string,
  revision: number,
): Promise<(RevisionRow & { blocks: Block[]; value: AnswerValue | null }) | undefined> {
  return db
    .selectFrom('answer_revision')
    .select([
      'revision',
      'author',
      'origin',
      'created_at as createdAt',
      'contribution_ids as contributionIds',
      'note',
      'blocks',
      'value',
    ])
    .where('review_id', '=', reviewId)
    .where('question_id', '=', questionId)
    .where('revision', '=', revision)
    .executeTakeFirst();
}

/** Answers in one status, with their review, for the given countries (all when undefined). */
export async function listAnswersInStatus(db: Db, status: AnswerStatus, countries?: string[]) {
  if (countries && countries.length === 0) return [];
  let query = db
    .selectFrom('answer')
    .innerJoin('review', 'review.id', 'answer.review_id')
    .select([
      'review.country_code as country',
      'review.cycle_id as cycle',
      'answer.question_id as questionId',
      'answer.updated_at as updatedAt',
    ])
    .where('answer.status', '=', status)
    .orderBy('answer.updated_at');
  if (countries) query = query.where('review.country_code', 'in', countries);
  return query.execute();
}

/** Whether one of the entities has a question of the review assigned, or a contribution to it. */
export async function entitiesTakePart(db: Db, reviewId: number, entityIds: number[]): Promise<boolean> {
  if (entityIds.length === 0) return false;
  const row = await db
    .selectFrom('assignment')
    .select('entity_id')
    .where('review_id', '=', reviewId)
    .where('entity_id', 'in', entityIds)
    .union(
      db
        .selectFrom('contribution')
        .select('entity_id')
        .where('review_id', '=', reviewId)
        .where('entity_id', 'in', entityIds),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
