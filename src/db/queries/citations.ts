import { sql, type Kysely } from 'kysely';
import type { Block } from '../../domain/blocks.js';
import type { SubmittedPassage } from '../../domain/citation.js';
import type { Language, Multilingual } from '../../domain/language.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** A citation of a synthesis (migration 033). */
export interface CitationRow {
  id: number;
  synthesisId: number;
  country: string;
  submissionNumber: number;
  questionId: string;
  passage: SubmittedPassage;
  keptThrough: number | null;
  keptBy: string | null;
  keptAt: Date | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

function citationRows(db: Db) {
  return db
    .selectFrom('citation as c')
    .select([
      sql<number>`c.id::int`.as('id'),
      sql<number>`c.synthesis_id::int`.as('synthesisId'),
      'c.country_code as country',
      'c.submission_number as submissionNumber',
      'c.question_id as questionId',
      sql<SubmittedPassage>`c.passage`.as('passage'),
      'c.kept_through as keptThrough',
      'c.kept_by as keptBy',
      'c.kept_at as keptAt',
      'c.created_at as createdAt',
      'c.created_by as createdBy',
      'c.updated_at as updatedAt',
      'c.updated_by as updatedBy',
    ]);
}

export async function listCitations(db: Db, synthesisId: number): Promise<CitationRow[]> {
  return citationRows(db).where('c.synthesis_id', '=', String(synthesisId)).orderBy('c.id').execute();
}

export async function findCitation(
  db: Db,
  synthesisId: number,
  id: number,
  lock = false,
): Promise<CitationRow | undefined> {
  const query = citationRows(db).where('c.synthesis_id', '=', String(synthesisId)).where('c.id', '=', String(id));
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function insertCitation(db: Db, synthesisId: number, passage: SubmittedPassage, by: string) {
  const { id } = await db
    .insertInto('citation')
    .values({
      synthesis_id: String(synthesisId),
      country_code: passage.source.country,
      submission_number: passage.source.number,
      question_id: passage.questionId,
      passage: JSON.stringify(passage),
      created_by: by,
      updated_by: by,
    })
    .returning(sql<number>`id::int`.as('id'))
    .executeTakeFirstOrThrow();
  return id;
}

/** Re-points a citation at `passage`; the old passage goes to citation_passage with who replaced it. */
export async function repoint(db: Db, old: CitationRow, passage: SubmittedPassage, by: string): Promise<void> {
  await db
    .insertInto('citation_passage')
    .values({ citation_id: String(old.id), passage: JSON.stringify(old.passage), replaced_by: by })
    .execute();
  await db
    .updateTable('citation')
    .set({
      submission_number: passage.source.number,
      question_id: passage.questionId,
      passage: JSON.stringify(passage),
      kept_through: null,
      kept_by: null,
      kept_at: null,
      updated_by: by,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', String(old.id))
    .execute();
}

/** The secretariat keeps the citation as it is through submission `through` of the country. */
export async function keep(db: Db, id: number, through: number, by: string): Promise<void> {
  await db
    .updateTable('citation')
    .set({ kept_through: through, kept_by: by, kept_at: sql<Date>`now()` })
    .where('id', '=', String(id))
    .execute();
}

/** The passages a citation quoted before, oldest first. */
export async function passageHistory(db: Db, id: number) {
  return db
    .selectFrom('citation_passage')
    .select([sql<SubmittedPassage>`passage`.as('passage'), 'replaced_by as replacedBy', 'replaced_at as replacedAt'])
    .where('citation_id', '=', String(id))
    .orderBy('replaced_at')
    .execute();
}

const ANSWER = '$.sections[*].questions[*] ? (@.id == $q).answer.blocks';
const answerIn = (document: string, question: string) =>
  sql<Block[] | null>`jsonb_path_query_first(${sql.ref(document)}, ${ANSWER}::jsonpath,
    jsonb_build_object('q', ${question}::text))`;

/** One submission of a country to a cycle: its date, language and its answer to one question. */
export interface SubmittedAnswer {
  number: number;
  submittedAt: Date;
  language: Language;
  blocks: Block[];
  /** The review's question exists in the submitted document (an unanswered one has no blocks). */
  asked: boolean;
}

/** Submission `number` (the latest when absent) of the country's review of the cycle, for `question`. */
export async function submittedAnswer(
  db: Db,
  target: { country: string; cycle: string; questionId: string; number?: number },
): Promise<SubmittedAnswer | undefined> {
  let query = db
    .selectFrom('review_submission as s')
    .innerJoin('review', 'review.id', 's.review_id')
    .select([
      's.number',
      's.submitted_at as submittedAt',
      sql<Language>`s.document->>'language'`.as('language'),
      answerIn('s.document', target.questionId).as('blocks'),
    ])
    .where('review.country_code', '=', target.country)
    .where('review.cycle_id', '=', target.cycle);
  if (target.number !== undefined) query = query.where('s.number', '=', target.number);
  const row = await query.orderBy('s.number', 'desc').limit(1).executeTakeFirst();
  return row && { ...row, blocks: row.blocks ?? [], asked: row.blocks !== null };
}

/** The published versions of the country's review of the cycle, newest first, with their answer to `question`. */
export async function publishedAnswers(db: Db, country: string, cycle: string, questionId: string) {
  const rows = await db
    .selectFrom('review_version as v')
    .innerJoin('review', 'review.id', 'v.review_id')
    .select(['v.version', 'v.published_at as publishedAt', answerIn('v.document', questionId).as('blocks')])
    .where('review.country_code', '=', country)
    .where('review.cycle_id', '=', cycle)
    .orderBy('v.version', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, blocks: r.blocks ?? [] }));
}

/** One country's latest submission to the cycle, whole, for searching what to cite. */
export interface LatestSubmission {
  country: string;
  countryName: Multilingual;
  synthetic: boolean;
  number: number;
  submittedAt: Date;
  document: unknown;
}

/** Each country's latest submission to the cycle (returned ones too: they are what the country said last). */
export async function latestSubmissions(db: Db, cycle: string): Promise<LatestSubmission[]> {
  return db
    .selectFrom('review_submission as s')
    .innerJoin('review', 'review.id', 's.review_id')
    .innerJoin('country', 'country.code', 'review.country_code')
    .select([
      'review.country_code as country',
      'country.name as countryName',
      'country.synthetic',
      's.number',
      's.submitted_at as submittedAt',
      's.document',
    ])
    .where('review.cycle_id', '=', cycle)
    .where(sql<boolean>`s.number = (select max(w.number) from review_submission w where w.review_id = s.review_id)`)
    .orderBy('review.country_code')
    .execute();
}

/** Names and synthetic flags of countries, by code. */
/** The active accounts holding the secretariat role of a region (told when a country decides). */
export async function secretariatUsers(db: Db, region: string): Promise<number[]> {
  const rows = await db
    .selectFrom('user_role')
    .innerJoin('user_account', 'user_account.id', 'user_role.user_id')
    .select('user_role.user_id')
    .distinct()
    .where('user_role.role', '=', 'secretariat')
    .where('user_role.region_id', '=', region)
    .where('user_account.disabled_at', 'is', null)
    .where('user_role.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}
