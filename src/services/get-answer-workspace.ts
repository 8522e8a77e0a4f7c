import type { Kysely } from 'kysely';
import * as answerDrafts from '../db/queries/answer-drafts.js';
import * as assignments from '../db/queries/assignments.js';
import * as catalogue from '../db/queries/catalogue.js';
import * as comments from '../db/queries/comments.js';
import * as entityQueries from '../db/queries/entities.js';
import * as factQueries from '../db/queries/facts.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, entitiesOf, type Actor } from '../domain/permissions.js';
import { kindOf, type Questionnaire } from '../domain/questionnaire.js';
import { ANSWER_MOVES, OPEN_REVIEW, isOverdue, isSelfApproval, type AnswerStatus } from '../domain/workflow.js';
import { listContributions } from './list-contributions.js';
import { findCountrySettings } from '../db/queries/country-settings.js';
import { allowedAnswerMoves } from './move-answer.js';
import { openReview, questionOf, type ReviewAccess } from './review-access.js';

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
  const [answer, contributions, notes, objectives, allObjectives, entities, settings, statuses, myDraft] =
    await Promise.all([
      reviews.findAnswer(db, reviewId, question.id),
      listContributions(db, access, actor, question.id),
      team || assigned.some((a) => mine.has(a.entity.id)) ? comments.listComments(db, reviewId, question.id) : [],
      factQueries.findObjectives(db, reviewId),
      catalogue.listObjectives(db),
      entityQueries.listEntities(db, [access.review.country]),
      findCountrySettings(db, access.review.country),
      team ? reviews.listAnswerStatuses(db, reviewId) : new Map<string, AnswerStatus>(),
      // The reader's own autosaved draft only (migration 027): the key is their name.
      actor && can(actor, 'answer.edit', access.scope)
        ? answerDrafts.findAnswerDraft(db, { reviewId, questionId: question.id, author: actor.name })
        : undefined,
    ]);
  const status = answer?.status ?? 'not_started';
  const author = { updatedBy: answer?.updatedBy ?? null, selfApproval: settings?.selfApproval ?? false };
  const moves = allowedAnswerMoves(actor, access, status, author);
  const may = {
    edit: open && can(actor, 'answer.edit', access.scope),
    decide: open && can(actor, 'answer.decide', access.scope),
  };
  const titleOf = new Map(allObjectives.map((o) => [o.number, o.shortName]));
  const states = new Map(contributions.map((c) => [c.entity.id, c.status]));
  return {
    country: access.review.country,
    cycle: access.review.cycle,
    reviewStatus: access.review.status,
    reviewLanguage: access.review.language,
    synthetic: access.review.synthetic,
    questionId: question.id,
    section: { id: section.id, title: section.title, guidance: section.guidance ?? null },
    text: question.text,
    textStatus: question.textStatus,
    // What the question asks for besides free text (issue 15), and the guidance note.
    kind: kindOf(question),
    choices: question.choices ?? null,
    unit: question.unit ?? null,
    guidance: question.guidance ?? null,
    value: answer?.value ?? null,
    status,
    revision: answer?.revision ?? 0,
    blocks: answer?.blocks ?? [],
    updatedBy: team ? (answer?.updatedBy ?? null) : null,
    updatedAt: answer?.updatedAt ?? null,
    // A returned answer opens with why it was returned: the latest return comment.
    returnedWith: status === 'changes_requested' ? (notes.filter((c) => c.kind === 'return').at(-1) ?? null) : null,
    allowedMoves: moves,
    // Why a move is not offered (answer.self_approval: the viewer wrote the current text).
    blockedMoves: blockedAnswerMoves(actor, access, status, author),
    may: {
      ...may,
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
    myDraft: myDraft ?? null,
    // The team walks the questionnaire from the answer page; others see their questions only.
    neighbours: team ? neighbours(access.questionnaire, question.id, statuses, may) : null,
  };
}

/**
 * The questions before and after this one in the questionnaire's order, and the next one
 * (after this one, then from the start) whose next step is the reader's: for whoever may
 * write answers (the focal point), one not started, being drafted or returned; for whoever
 * may only decide (the validator), one waiting in review. Nothing while the review is closed.
 */
export function neighbours(
  questionnaire: Questionnaire,
  questionId: string,
  statuses: ReadonlyMap<string, AnswerStatus>,
  may: { edit: boolean; decide: boolean },
) {
  const ids = questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id));
  const at = ids.indexOf(questionId);
  const needs: readonly AnswerStatus[] = may.edit
    ? ['not_started', 'drafting', 'changes_requested']
    : may.decide
      ? ['in_review']
      : [];
  const after = [...ids.slice(at + 1), ...ids.slice(0, at)];
  return {
    previous: ids[at - 1] ?? null,
    next: ids[at + 1] ?? null,
    nextForMe: after.find((id) => needs.includes(statuses.get(id) ?? 'not_started')) ?? null,
  };
}

/**
 * The moves on an answer that the actor's role and the answer's status allow but a rule refuses
 * now, with the code moveAnswer would refuse them with (as allowedAnswerMoves leaves them out): approving one's own text (separation of
 * duties), so the page can say why the approve button is not there.
 */
function blockedAnswerMoves(
  actor: Actor | null,
  access: ReviewAccess,
  status: string,
  author: { updatedBy: string | null; selfApproval: boolean },
) {
  if (!OPEN_REVIEW.has(access.review.status) || !actor) return [];
  return ANSWER_MOVES.filter(
    (m) =>
      m.from === status &&
      m.to === 'approved' &&
      can(actor, m.needs, access.scope) &&
      isSelfApproval(actor.name, author.updatedBy, author.selfApproval),
  ).map((m) => ({ to: m.to, code: 'answer.self_approval' as const, details: {} }));
}
