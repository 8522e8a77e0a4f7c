import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** Reviews whose answers and contributions may still change (domain/workflow.ts OPEN_REVIEW). */
const OPEN = ['draft', 'in_consultation'] as const;

export interface TodoContribution {
  country: string;
  cycle: string;
  questionId: string;
  contribution: number;
  entity: { id: number; name: string };
  submittedAt: Date | null;
}

export interface TodoReturned {
  country: string;
  cycle: string;
  questionId: string;
  /** The validator's latest return comment (comment.kind = 'return'). */
  comment: { author: string; body: string; createdAt: Date } | null;
}

/**
 * What waits for the focal points of `countries` in their open reviews: submitted contributions
 * not merged yet, stakeholders' inputs without a response, and answers returned to them.
 */
export async function listFocalTodo(db: Db, countries: string[]) {
  if (countries.length === 0) return { toMerge: [], inputs: [], returned: [] };
  const contributions = (kind: 'contribution' | 'input') => {
    let query = db
      .selectFrom('contribution')
      .innerJoin('review', 'review.id', 'contribution.review_id')
      .innerJoin('entity', 'entity.id', 'contribution.entity_id')
      .select([
        'review.country_code as country',
        'review.cycle_id as cycle',
        'contribution.question_id as questionId',
        'contribution.id as contribution',
        'entity.id as entityId',
        'entity.name as entityName',
        'contribution.submitted_at as submittedAt',
      ])
      .where('review.country_code', 'in', countries)
      .where('review.status', 'in', OPEN)
      .where('contribution.kind', '=', kind)
      .orderBy('contribution.submitted_at')
      .orderBy('contribution.id');
    // A contribution waits until merged; an input until the focal point says how it was used.
    query =
      kind === 'contribution'
        ? query.where('contribution.status', '=', 'submitted')
        : query.where('contribution.status', 'in', ['submitted', 'merged']).where('contribution.response', 'is', null);
    return query.execute();
  };
  const [toMerge, inputs, returned] = await Promise.all([
    contributions('contribution'),
    contributions('input'),
    db
      .selectFrom('answer')
      .innerJoin('review', 'review.id', 'answer.review_id')
      .leftJoin('comment', (join) =>
        join
          .onRef('comment.review_id', '=', 'answer.review_id')
          .onRef('comment.question_id', '=', 'answer.question_id')
          .on('comment.kind', '=', 'return')
          .on(
            'comment.id',
            '=',
            sql<number>`(select max(c.id) from comment c where c.review_id = answer.review_id
              and c.question_id = answer.question_id and c.kind = 'return')`,
          ),
      )
      .select([
        'review.country_code as country',
        'review.cycle_id as cycle',
        'answer.question_id as questionId',
        'comment.author as author',
        'comment.body as body',
        'comment.created_at as createdAt',
      ])
      .where('review.country_code', 'in', countries)
      .where('review.status', 'in', OPEN)
      .where('answer.status', '=', 'changes_requested')
      .orderBy('review.country_code')
      .orderBy('answer.question_id')
      .execute(),
  ]);
  const shape = (rows: Awaited<ReturnType<typeof contributions>>): TodoContribution[] =>
    rows.map((r) => ({
      country: r.country,
      cycle: r.cycle,
      questionId: r.questionId,
      contribution: r.contribution,
      entity: { id: r.entityId, name: r.entityName },
      submittedAt: r.submittedAt,
    }));
  return {
    toMerge: shape(toMerge),
    inputs: shape(inputs),
    returned: returned.map((r): TodoReturned => ({
      country: r.country,
      cycle: r.cycle,
      questionId: r.questionId,
      comment:
        r.body === null || r.author === null || r.createdAt === null
          ? null
          : { author: r.author, body: r.body, createdAt: r.createdAt },
    })),
  };
}

/** The latest return comment of one answer (shown at the top of a returned answer). */
export async function latestReturnComment(db: Db, reviewId: number, questionId: string) {
  return db
    .selectFrom('comment')
    .select(['id', 'author', 'body', 'created_at as createdAt'])
    .where('review_id', '=', reviewId)
    .where('question_id', '=', questionId)
    .where('kind', '=', 'return')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
