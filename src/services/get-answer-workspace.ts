import type { Kysely } from 'kysely';
import * as assignments from '../db/queries/assignments.js';
import * as catalogue from '../db/queries/catalogue.js';
import * as comments from '../db/queries/comments.js';
import * as entityQueries from '../db/queries/entities.js';
import * as factQueries from '../db/queries/facts.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, entitiesOf, type Actor } from '../domain/permissions.js';
import { OPEN_REVIEW, isOverdue } from '../domain/workflow.js';
import { listContributions } from './list-contributions.js';
import { findCountrySettings } from '../db/queries/country-settings.js';
import { allowedAnswerMoves } from './move-answer.js';
import { openReview, questionOf } from './review-access.js';

/**
 * `GET …/answers/{questionId}`: everything the answer page needs. The country's team sees it
 * all; a contributor or stakeholder sees it only for questions given to their entity (or, for
 * stakeholders, while the review is in consultation), with their own contributions only.
 */
export async function getAnswerWorkspace(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  today = new Date().toISOString().slice(0, 10),
) {
  const access = await openReview(db, actor, target.country, target.cycle, { participant: true });
  const { section, question } = questionOf(access, target.questionId);
  const team = can(actor, 'review.read', access.scope);
  const reviewId = access.review.id;
  const open = OPEN_REVIEW.has(access.review.status); // what may change, and so which buttons to offer
  const assigned = await assignments.listAssignments(db, { reviewId, questionId: question.id });
  const mine = new Set(entitiesOf(actor, access.review.country));
  const stakeholderOpen =
    access.review.status === 'in_consultation' &&
    (actor?.grants ?? []).some((g) => g.role === 'stakeholder' && g.country === access.review.country);
  if (!team && !assigned.some((a) => mine.has(a.entity.id)) && !stakeholderOpen) {
    // Not theirs: as if the review did not exist for them.
    throw new PacteError('review.not_found', { country: target.country, cycle: target.cycle });
  }
  const [answer, contributions, notes, objectives, allObjectives, entities, settings] = await Promise.all([
    reviews.findAnswer(db, reviewId, question.id),
    listContributions(db, access, actor, question.id),
    team || assigned.some((a) => mine.has(a.entity.id)) ? comments.listComments(db, reviewId, question.id) : [],
    factQueries.findObjectives(db, reviewId),
    catalogue.listObjectives(db),
    entityQueries.listEntities(db, [access.review.country]),
    findCountrySettings(db, access.review.country),
  ]);
  const status = answer?.status ?? 'not_started';
  const moves = allowedAnswerMoves(actor, access, status, {
    updatedBy: answer?.updatedBy ?? null,
    selfApproval: settings?.selfApproval ?? false,
  });
  const titleOf = new Map(allObjectives.map((o) => [o.number, o.shortName]));
  const states = new Map(contributions.map((c) => [c.entity.id, c.status]));
  return {
    country: access.review.country,
    cycle: access.review.cycle,
    reviewStatus: access.review.status,
    reviewLanguage: access.review.language,
    synthetic: access.review.synthetic,
    questionId: question.id,
    section: { id: section.id, title: section.title },
    text: question.text,
    textStatus: question.textStatus,
    status,
    revision: answer?.revision ?? 0,
    blocks: answer?.blocks ?? [],
    updatedBy: team ? (answer?.updatedBy ?? null) : null,
    updatedAt: answer?.updatedAt ?? null,
    // A returned answer opens with why it was returned: the latest return comment.
    returnedWith: status === 'changes_requested' ? (notes.filter((c) => c.kind === 'return').at(-1) ?? null) : null,
    allowedMoves: moves,
    may: {
      edit: open && can(actor, 'answer.edit', access.scope),
      decide: open && can(actor, 'answer.decide', access.scope),
      // Separation of duties: false for the author of the current text (answer.self_approval).
      approve: moves.some((m) => m.to === 'approved'),
      assign: open && can(actor, 'assignment.manage', access.scope),
      comment: can(actor, 'comment.write', access.scope) || assigned.some((a) => mine.has(a.entity.id)),
    },
    assignments: assigned
      .filter((a) => team || mine.has(a.entity.id))
      .map((a) => ({
        entity: a.entity,
        dueOn: a.dueOn,
        note: a.note,
        overdue: isOverdue(a.dueOn, states.get(a.entity.id), today, status),
        contribution: states.has(a.entity.id) ? { status: states.get(a.entity.id) } : null,
      })),
    contributions,
    comments: notes,
    objectives: team
      ? (objectives.get(question.id) ?? []).map((o) => ({ ...o, title: titleOf.get(o.number) ?? {} }))
      : [],
    myEntities: entities.filter((e) => mine.has(e.id)),
  };
}
