import { sql } from 'kysely';
import type { Multilingual } from '../../domain/language.js';
import type { ReviewStatus } from '../../domain/workflow.js';
import type { Db } from '../connection.js';

/** A participating country of a cycle, its review (if any) and its submissions, as tracked. */
export interface TrackingRow {
  country: string;
  countryName: Multilingual;
  reviewId: number | null;
  status: ReviewStatus | null;
  /** The country lets the secretariat see its progress before submitting (migration 018). */
  shareProgress: boolean;
  /** The latest of the review's change, answer revisions and submissions; null without a review. */
  lastActivity: Date | null;
  submissions: number;
  lastSubmittedAt: Date | null;
  /** Of the latest submission. */
  acknowledged: boolean;
  returned: boolean;
}

/**
 * One row per participating country (cycle_country), in one query whatever the number of
 * countries: the review and its submissions come from correlated subqueries on indexed keys,
 * never one query per country (bench/tracking.ts measures it against a plain SELECT).
 */
export async function trackingRows(db: Db, cycleId: string): Promise<TrackingRow[]> {
  const rows = await db
    .selectFrom('cycle_country as cc')
    .innerJoin('country', 'country.code', 'cc.country_code')
    .leftJoin('review', (join) =>
      join.onRef('review.cycle_id', '=', 'cc.cycle_id').onRef('review.country_code', '=', 'cc.country_code'),
    )
    .select(['cc.country_code as country', 'country.name as countryName', 'review.id as reviewId'])
    .select(['review.status', 'review.share_progress as shareProgress'])
    .select([
      sql<Date | null>`greatest(review.updated_at,
        (select max(r.created_at) from answer_revision r where r.review_id = review.id),
        (select max(s.submitted_at) from review_submission s where s.review_id = review.id))`.as('lastActivity'),
      sql<number>`(select count(*)::int from review_submission s where s.review_id = review.id)`.as('submissions'),
      sql<Date | null>`(select max(s.submitted_at) from review_submission s where s.review_id = review.id)`.as(
        'lastSubmittedAt',
      ),
      latestHas('acknowledged').as('acknowledged'),
      latestHas('returned').as('returned'),
    ])
    .where('cc.cycle_id', '=', cycleId)
    .orderBy('cc.country_code')
    .execute();
  return rows.map((row) => ({
    ...row,
    country: row.country.trim(),
    status: row.status ?? null,
    shareProgress: row.shareProgress === true,
    reviewId: row.reviewId ?? null,
    lastActivity: row.lastActivity === null ? null : new Date(row.lastActivity),
    lastSubmittedAt: row.lastSubmittedAt === null ? null : new Date(row.lastSubmittedAt),
    submissions: Number(row.submissions ?? 0),
    acknowledged: Boolean(row.acknowledged),
    returned: Boolean(row.returned),
  }));
}

const latestHas = (kind: 'acknowledged' | 'returned') =>
  sql<boolean>`exists (select 1 from submission_event e where e.review_id = review.id and e.kind = ${kind}
    and e.number = (select max(s.number) from review_submission s where s.review_id = review.id))`;

/** The sections of the cycle's questionnaire, in order, with their number of questions. */
export async function cycleSections(
  db: Db,
  questionnaire: { id: string; version: number },
): Promise<{ id: string; questions: number }[]> {
  const rows = await db
    .selectFrom('questionnaire_section as s')
    .select('s.id')
    .select(
      sql<number>`(select count(*)::int from question q where q.questionnaire_id = s.questionnaire_id
        and q.version = s.version and q.section_id = s.id)`.as('questions'),
    )
    .where('s.questionnaire_id', '=', questionnaire.id)
    .where('s.version', '=', questionnaire.version)
    .orderBy('s.position')
    .execute();
  return rows.map((row) => ({ id: row.id, questions: Number(row.questions) }));
}

/**
 * Answered questions (an answer with at least one block) by review and section, for the given
 * reviews only: the caller names those whose progress the secretariat may see. Counts, never text.
 */
export async function answeredBySection(
  db: Db,
  questionnaire: { id: string; version: number },
  reviewIds: readonly number[],
): Promise<{ reviewId: number; section: string; answered: number }[]> {
  if (reviewIds.length === 0) return [];
  const rows = await db
    .selectFrom('answer')
    .innerJoin('question', (join) =>
      join
        .onRef('question.id', '=', 'answer.question_id')
        .on('question.questionnaire_id', '=', questionnaire.id)
        .on('question.version', '=', questionnaire.version),
    )
    .select(['answer.review_id as reviewId', 'question.section_id as section'])
    .select(sql<number>`count(*)::int`.as('answered'))
    .where('answer.review_id', 'in', reviewIds)
    .where(sql<boolean>`jsonb_array_length(answer.blocks) > 0`)
    .groupBy(['answer.review_id', 'question.section_id'])
    .execute();
  return rows.map((row) => ({ ...row, answered: Number(row.answered) }));
}

/** Whether a review shares its progress (migration 018); the previous value, on the locked row. */
export async function shareProgress(db: Db, reviewId: number): Promise<boolean> {
  const row = await db.selectFrom('review').select('share_progress').where('id', '=', reviewId).executeTakeFirst();
  return row?.share_progress ?? false;
}

export async function setShareProgress(db: Db, reviewId: number, share: boolean): Promise<void> {
  await db.updateTable('review').set({ share_progress: share }).where('id', '=', reviewId).execute();
}

/** The e-mail addresses of the focal points of these countries (enabled accounts and roles). */
export async function focalPointAddresses(
  db: Db,
  countries: readonly string[],
): Promise<{ email: string; country: string }[]> {
  if (countries.length === 0) return [];
  const rows = await db
    .selectFrom('user_role')
    .innerJoin('user_account', 'user_account.id', 'user_role.user_id')
    .select(['user_account.email', 'user_role.country_code as country'])
    .distinct()
    .where('user_role.role', '=', 'focal_point')
    .where('user_role.country_code', 'in', countries)
    .where('user_account.disabled_at', 'is', null)
    .where('user_role.disabled_at', 'is', null)
    .orderBy('user_account.email')
    .execute();
  return rows.map((row) => ({ email: row.email, country: (row.country ?? '').trim() }));
}
