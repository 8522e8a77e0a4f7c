import type { Kysely } from 'kysely';
import type { Fact } from '../../domain/facts.js';
import type { ObjectiveSuggestion } from '../../domain/objective-suggestions.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** The facts of one answer are replaced whole: they are derived from its current text. */
export async function replaceFacts(db: Db, reviewId: number, questionId: string, facts: Fact[]): Promise<void> {
  await db.deleteFrom('fact').where('review_id', '=', reviewId).where('question_id', '=', questionId).execute();
  if (facts.length === 0) return;
  await db
    .insertInto('fact')
    .values(
      facts.map((fact, position) => ({
        review_id: reviewId,
        question_id: questionId,
        position,
        value: fact.value,
        kind: fact.kind,
        unit: fact.unit,
        qualifier: fact.qualifier,
        period: fact.period,
        quote: fact.quote,
        block_path: fact.position.block,
        char_start: fact.position.start,
        char_end: fact.position.end,
      })),
    )
    .execute();
}

export async function findFacts(db: Db, reviewId: number): Promise<Fact[]> {
  const rows = await db
    .selectFrom('fact')
    .selectAll()
    .where('review_id', '=', reviewId)
    .orderBy('question_id')
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    value: Number(row.value),
    kind: row.kind as Fact['kind'],
    unit: row.unit,
    qualifier: row.qualifier as Fact['qualifier'],
    period: row.period,
    questionId: row.question_id,
    quote: row.quote,
    position: { block: row.block_path.map(Number), start: row.char_start, end: row.char_end },
  }));
}

/**
 * New suggestions replace the old ones; what a person decided (confirmed, removed) stays, so a
 * re-import never brings back an objective someone removed.
 */
export async function replaceSuggestions(
  db: Db,
  reviewId: number,
  questionId: string,
  suggestions: ObjectiveSuggestion[],
): Promise<void> {
  await db
    .deleteFrom('answer_objective')
    .where('review_id', '=', reviewId)
    .where('question_id', '=', questionId)
    .where('status', '=', 'suggested')
    .execute();
  if (suggestions.length === 0) return;
  await db
    .insertInto('answer_objective')
    .values(
      suggestions.map((s) => ({
        review_id: reviewId,
        question_id: questionId,
        objective: s.number,
        score: s.score,
        evidence: JSON.stringify(s.evidence),
      })),
    )
    .onConflict((oc) => oc.columns(['review_id', 'question_id', 'objective']).doNothing())
    .execute();
}

export interface AnswerObjective extends ObjectiveSuggestion {
  status: string;
}

export async function findObjectives(db: Db, reviewId: number): Promise<Map<string, AnswerObjective[]>> {
  const rows = await db
    .selectFrom('answer_objective')
    .selectAll()
    .where('review_id', '=', reviewId)
    .where('status', '!=', 'removed')
    .orderBy('question_id')
    .orderBy('score', 'desc')
    .execute();
  const byQuestion = new Map<string, AnswerObjective[]>();
  for (const row of rows) {
    const list = byQuestion.get(row.question_id) ?? [];
    list.push({ number: row.objective, score: Number(row.score), evidence: row.evidence, status: row.status });
    byQuestion.set(row.question_id, list);
  }
  return byQuestion;
}

/** A person's decision on an objective of an answer: confirmed (added if it was not suggested) or removed. */
export async function setObjectiveStatus(
  db: Db,
  reviewId: number,
  questionId: string,
  objective: number,
  status: 'confirmed' | 'removed',
): Promise<void> {
  await db
    .insertInto('answer_objective')
    .values({ review_id: reviewId, question_id: questionId, objective, score: 0, evidence: '[]', status })
    .onConflict((oc) => oc.columns(['review_id', 'question_id', 'objective']).doUpdateSet({ status }))
    .execute();
}
