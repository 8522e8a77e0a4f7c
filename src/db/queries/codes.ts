import { sql, type Kysely } from 'kysely';
import type { Block } from '../../domain/blocks.js';
import type { CodeKind, CodeValue } from '../../domain/code-suggestions.js';
import type { Language, Multilingual } from '../../domain/language.js';
import type { Passage } from '../../domain/passage.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** A code of a question of a cycle (migration 032). */
export interface CodeRow {
  id: number;
  cycle: string;
  questionId: string;
  kind: CodeKind;
  names: Multilingual;
  values: CodeValue[];
  updatedAt: Date;
  updatedBy: string;
}

export type CodedState = 'suggested' | 'confirmed' | 'rejected';

/** The passages that suggested one value (of the submission coded: src/domain/passage.ts). */
export interface ValueEvidence {
  value: string;
  passages: Passage[];
}

export interface CodedAnswerRow {
  country: string;
  submissionNumber: number;
  values: string[];
  state: CodedState;
  evidence: ValueEvidence[];
  suggestedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

function codeRows(db: Db) {
  return db
    .selectFrom('code')
    .select([
      sql<number>`code.id::int`.as('id'),
      'code.cycle_id as cycle',
      'code.question_id as questionId',
      sql<CodeKind>`code.kind`.as('kind'),
      sql<Multilingual>`code.names`.as('names'),
      sql<CodeValue[]>`code.values`.as('values'),
      'code.updated_at as updatedAt',
      'code.updated_by as updatedBy',
    ]);
}

export async function listCodes(db: Db, cycle: string): Promise<CodeRow[]> {
  return codeRows(db).where('code.cycle_id', '=', cycle).orderBy('code.id').execute();
}

export async function findCode(db: Db, cycle: string, questionId: string): Promise<CodeRow | undefined> {
  return codeRows(db).where('code.cycle_id', '=', cycle).where('code.question_id', '=', questionId).executeTakeFirst();
}

/** The code, locked until the transaction ends: two edits or suggestions of one code wait for each other. */
export async function lockCode(db: Db, cycle: string, questionId: string): Promise<CodeRow | undefined> {
  return codeRows(db)
    .where('code.cycle_id', '=', cycle)
    .where('code.question_id', '=', questionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertCode(
  db: Db,
  code: {
    cycle: string;
    questionId: string;
    kind: CodeKind;
    names: Multilingual;
    values: readonly CodeValue[];
    by: string;
  },
): Promise<void> {
  await db
    .insertInto('code')
    .values({
      cycle_id: code.cycle,
      question_id: code.questionId,
      kind: code.kind,
      names: JSON.stringify(code.names),
      values: JSON.stringify(code.values),
      created_by: code.by,
      updated_by: code.by,
    })
    .execute();
}

export async function updateCode(
  db: Db,
  id: number,
  code: { kind: CodeKind; names: Multilingual; values: readonly CodeValue[]; by: string },
): Promise<void> {
  await db
    .updateTable('code')
    .set({
      kind: code.kind,
      names: JSON.stringify(code.names),
      values: JSON.stringify(code.values),
      updated_by: code.by,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', String(id))
    .execute();
}

/** One country's answer to the question as it submitted it (the latest submission not returned). */
export interface SubmittedAnswer {
  country: string;
  number: number;
  language: Language;
  blocks: Block[];
}

/**
 * The answers to `questionId` in the latest submission of each country of the cycle, unless the
 * secretariat returned it (the country will send another one). A question the review left out
 * comes with no blocks.
 */
export async function submittedAnswers(db: Db, cycle: string, questionId: string): Promise<SubmittedAnswer[]> {
  const rows = await db
    .selectFrom('review_submission as s')
    .innerJoin('review', 'review.id', 's.review_id')
    .select([
      'review.country_code as country',
      's.number',
      sql<Language>`s.document->>'language'`.as('language'),
      sql<Block[] | null>`jsonb_path_query_first(s.document,
        '$.sections[*].questions[*] ? (@.id == $q).answer.blocks', jsonb_build_object('q', ${questionId}::text))`.as(
        'blocks',
      ),
    ])
    .where('review.cycle_id', '=', cycle)
    .where(sql<boolean>`s.number = (select max(w.number) from review_submission w where w.review_id = s.review_id)`)
    .where(
      sql<boolean>`not exists (select 1 from submission_event e
        where e.review_id = s.review_id and e.number = s.number and e.kind = 'returned')`,
    )
    .orderBy('review.country_code')
    .execute();
  return rows.map((r) => ({ ...r, blocks: r.blocks ?? [] }));
}

function codedRows(db: Db) {
  return db
    .selectFrom('coded_answer as a')
    .select([
      'a.country_code as country',
      'a.submission_number as submissionNumber',
      'a.values',
      sql<CodedState>`a.state`.as('state'),
      sql<ValueEvidence[]>`a.evidence`.as('evidence'),
      'a.suggested_at as suggestedAt',
      'a.decided_by as decidedBy',
      'a.decided_at as decidedAt',
    ]);
}

export async function listCodedAnswers(db: Db, codeId: number): Promise<CodedAnswerRow[]> {
  return codedRows(db).where('a.code_id', '=', String(codeId)).orderBy('a.country_code').execute();
}

export async function findCodedAnswer(db: Db, codeId: number, country: string): Promise<CodedAnswerRow | undefined> {
  return codedRows(db).where('a.code_id', '=', String(codeId)).where('a.country_code', '=', country).executeTakeFirst();
}

/**
 * Stores a suggestion, unless a person already decided on that submission (or a later one):
 * a confirmed or rejected coding is never overwritten by a suggestion of the same answer.
 * Returns whether it was stored.
 */
export async function upsertSuggestion(
  db: Db,
  codeId: number,
  row: { country: string; number: number; values: string[]; evidence: ValueEvidence[] },
): Promise<boolean> {
  const result = await db
    .insertInto('coded_answer')
    .values({
      code_id: codeId,
      country_code: row.country,
      submission_number: row.number,
      values: row.values,
      state: 'suggested',
      evidence: JSON.stringify(row.evidence),
      suggested_at: sql<Date>`now()`,
    })
    .onConflict((oc) =>
      oc
        .columns(['code_id', 'country_code'])
        .doUpdateSet({
          submission_number: (eb) => eb.ref('excluded.submission_number'),
          values: (eb) => eb.ref('excluded.values'),
          state: 'suggested',
          evidence: (eb) => eb.ref('excluded.evidence'),
          suggested_at: (eb) => eb.ref('excluded.suggested_at'),
          decided_by: null,
          decided_at: null,
        })
        .where((eb) =>
          eb.or([
            eb('coded_answer.state', '=', 'suggested'),
            eb('coded_answer.submission_number', '<', eb.ref('excluded.submission_number')),
          ]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A person's decision: the values they set (confirmed) or none (rejected). */
export async function decide(
  db: Db,
  codeId: number,
  country: string,
  decision: { state: 'confirmed' | 'rejected'; values: string[]; by: string },
): Promise<void> {
  await db
    .updateTable('coded_answer')
    .set({
      state: decision.state,
      values: decision.values,
      decided_by: decision.by,
      decided_at: sql<Date>`now()`,
    })
    .where('code_id', '=', String(codeId))
    .where('country_code', '=', country)
    .execute();
}
