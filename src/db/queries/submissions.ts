import { sql, type Kysely } from 'kysely';
import type { Multilingual } from '../../domain/language.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export const SUBMISSION_EVENT_KINDS = ['acknowledged', 'comment', 'returned'] as const;
export type SubmissionEventKind = (typeof SUBMISSION_EVENT_KINDS)[number];

/** One submission, without its document, with what the secretariat did with it. */
export interface SubmissionRow {
  number: number;
  submittedAt: Date;
  submittedBy: string;
  note: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  returnedAt: Date | null;
  returnedBy: string | null;
  returnReason: string | null;
  comments: number;
}

export interface SubmissionEvent {
  id: number;
  kind: string;
  actor: string;
  body: string | null;
  createdAt: Date;
}

/** Adds the next submission of a review (call it in the transaction that moves it to `submitted`). */
export async function addSubmission(
  db: Db,
  reviewId: number,
  submission: { submittedBy: string; note: string | null; document: unknown },
): Promise<number> {
  const row = await db
    .insertInto('review_submission')
    .values({
      review_id: reviewId,
      // The caller holds the review row's lock (select … for update): no race on max + 1.
      number: sql<number>`(select coalesce(max(number), 0) + 1 from review_submission where review_id = ${reviewId})`,
      submitted_by: submission.submittedBy,
      note: submission.note,
      document: JSON.stringify(submission.document),
    })
    .returning('number')
    .executeTakeFirstOrThrow();
  return row.number;
}

/** The newest event of one kind of a submission, as columns of the submission's row. */
const eventOf = (kind: SubmissionEventKind, column: 'created_at' | 'actor' | 'body') =>
  sql<unknown>`(select e.${sql.ref(column)} from submission_event e
    where e.review_id = s.review_id and e.number = s.number and e.kind = ${kind}
    order by e.id desc limit 1)`;

function submissionRows(db: Db) {
  return db
    .selectFrom('review_submission as s')
    .select(['s.number', 's.submitted_at as submittedAt', 's.submitted_by as submittedBy', 's.note'])
    .select([
      eventOf('acknowledged', 'created_at').$castTo<Date | null>().as('acknowledgedAt'),
      eventOf('acknowledged', 'actor').$castTo<string | null>().as('acknowledgedBy'),
      eventOf('returned', 'created_at').$castTo<Date | null>().as('returnedAt'),
      eventOf('returned', 'actor').$castTo<string | null>().as('returnedBy'),
      eventOf('returned', 'body').$castTo<string | null>().as('returnReason'),
      sql<number>`(select count(*)::int from submission_event e
        where e.review_id = s.review_id and e.number = s.number and e.kind = 'comment')`.as('comments'),
    ]);
}

/** A review's submissions, newest first. */
export async function listSubmissions(db: Db, reviewId: number): Promise<SubmissionRow[]> {
  return submissionRows(db).where('s.review_id', '=', reviewId).orderBy('s.number', 'desc').execute();
}

/** One submission with the review JSON as it was sent. */
export async function findSubmission(
  db: Db,
  reviewId: number,
  number: number,
): Promise<(SubmissionRow & { document: unknown }) | undefined> {
  return submissionRows(db)
    .select('s.document')
    .where('s.review_id', '=', reviewId)
    .where('s.number', '=', number)
    .executeTakeFirst();
}

/** The number of a review's latest submission; 0 when it was never submitted. */
export async function latestNumber(db: Db, reviewId: number): Promise<number> {
  const row = await db
    .selectFrom('review_submission')
    .select((eb) => eb.fn.max('number').as('latest'))
    .where('review_id', '=', reviewId)
    .executeTakeFirst();
  return row?.latest ?? 0;
}

/** What happened to a submission, oldest first. */
export async function listEvents(db: Db, reviewId: number, number: number): Promise<SubmissionEvent[]> {
  return db
    .selectFrom('submission_event')
    .select(['id', 'kind', 'actor', 'body', 'created_at as createdAt'])
    .where('review_id', '=', reviewId)
    .where('number', '=', number)
    .orderBy('id')
    .execute();
}

export async function addEvent(
  db: Db,
  event: { reviewId: number; number: number; kind: SubmissionEventKind; actor: string; body: string | null },
): Promise<SubmissionEvent> {
  return db
    .insertInto('submission_event')
    .values({
      review_id: event.reviewId,
      number: event.number,
      kind: event.kind,
      actor: event.actor,
      body: event.body,
    })
    .returning(['id', 'kind', 'actor', 'body', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
}

/** A country of a cycle with its latest submission. */
export interface CycleSubmission extends SubmissionRow {
  country: string;
  countryName: Multilingual;
  /** A fictional country (the demo region): what it submitted is synthetic data. */
  synthetic: boolean;
}

/** Each review of a cycle that was ever submitted, with its latest submission, by country. */
export async function listCycleSubmissions(db: Db, cycle: string): Promise<CycleSubmission[]> {
  return submissionRows(db)
    .innerJoin('review', 'review.id', 's.review_id')
    .innerJoin('country', 'country.code', 'review.country_code')
    .select(['review.country_code as country', 'country.name as countryName', 'country.synthetic'])
    .where('review.cycle_id', '=', cycle)
    .where(sql<boolean>`s.number = (select max(w.number) from review_submission w where w.review_id = s.review_id)`)
    .orderBy('review.country_code')
    .execute();
}
