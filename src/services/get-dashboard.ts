import type { Kysely } from 'kysely';
import * as assignments from '../db/queries/assignments.js';
import * as comments from '../db/queries/comments.js';
import * as entities from '../db/queries/entities.js';
import * as publications from '../db/queries/publications.js';
import * as reviews from '../db/queries/reviews.js';
import * as tracking from '../db/queries/tracking.js';
import { isAnswered, type AnswerValue } from '../domain/answer-value.js';
import type { Database } from '../db/schema.js';
import type { Multilingual } from '../domain/language.js';
import { can, type Actor } from '../domain/permissions.js';
import { ANSWER_STATUSES, OPEN_REVIEW, isDelivered, isOverdue, type AnswerStatus } from '../domain/workflow.js';
import { findCountrySettings } from '../db/queries/country-settings.js';
import { allowedAnswerMoves } from './move-answer.js';
import { reviewMoves } from './move-review.js';
import { acceptsSubmissions } from '../domain/cycles.js';
import { findCycle } from '../db/queries/cycles.js';
import { openReview, requireOnReview } from './review-access.js';

export interface DashboardAssignment {
  entity: { id: number; name: string; category: string };
  dueOn: string | null;
  note: string | null;
  overdue: boolean;
  contribution: { status: string } | null;
}

/**
 * `GET /reviews/{country}/{cycle}/workspace`: the focal point's dashboard. Every question with
 * its answer's status, who owes what by when (overdue: due date passed, nothing submitted and the
 * answer not approved),
 * and progress per section and per entity.
 */
export async function getDashboard(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
  today = new Date().toISOString().slice(0, 10),
) {
  const access = await openReview(db, actor, target.country, target.cycle);
  requireOnReview(actor, 'review.read', access);
  const reviewId = access.review.id;
  const open = OPEN_REVIEW.has(access.review.status); // what may change, and so which buttons to offer
  const [answers, assigned, states, allComments, countryEntities, versions, shared] = await Promise.all([
    reviews.listAnswerRows(db, reviewId),
    assignments.listAssignments(db, { reviewId }),
    assignments.listContributionStates(db, reviewId),
    comments.listComments(db, reviewId),
    entities.listEntities(db, [access.review.country]),
    publications.listVersions(db, reviewId),
    tracking.shareProgress(db, reviewId),
  ]);
  const selfApproval = (await findCountrySettings(db, access.review.country))?.selfApproval ?? false;
  const cycle = await findCycle(db, access.review.cycle);
  const answerOf = new Map(answers.map((a) => [a.questionId, a]));
  const stateOf = new Map(states.map((s) => [`${s.questionId}/${s.entityId}`, s]));
  const byEntity = new Map<
    number,
    { entity: DashboardAssignment['entity']; assigned: number; submitted: number; overdue: number }
  >();

  const sections = access.questionnaire.sections.map((section) => {
    const count = Object.fromEntries(ANSWER_STATUSES.map((s) => [s, 0])) as Record<AnswerStatus, number>;
    const questions = section.questions.map((question) => {
      const answer = answerOf.get(question.id);
      const status: AnswerStatus = answer?.status ?? 'not_started';
      count[status]++;
      const mine = assigned.filter((a) => a.questionId === question.id);
      const rows: DashboardAssignment[] = mine.map((a) => {
        const state = stateOf.get(`${question.id}/${a.entity.id}`);
        const overdue = isOverdue(a.dueOn, state?.status, today, status);
        const e = byEntity.get(a.entity.id) ?? { entity: a.entity, assigned: 0, submitted: 0, overdue: 0 };
        e.assigned++;
        if (isDelivered(state?.status)) e.submitted++;
        if (overdue) e.overdue++;
        byEntity.set(a.entity.id, e);
        return {
          entity: a.entity,
          dueOn: a.dueOn,
          note: a.note,
          overdue,
          contribution: state ? { status: state.status } : null,
        };
      });
      return {
        id: question.id,
        letter: question.letter,
        text: question.text as Multilingual,
        textStatus: question.textStatus,
        status,
        revision: answer?.revision ?? 0,
        allowedMoves: allowedAnswerMoves(actor, access, status, { updatedBy: answer?.updatedBy ?? null, selfApproval }),
        assignments: rows,
        inputs: states.filter((s) => s.questionId === question.id && s.kind === 'input' && s.status !== 'draft').length,
        comments: allComments.filter((c) => c.questionId === question.id).length,
      };
    });
    return { id: section.id, title: section.title, progress: count, questions };
  });

  return {
    country: access.review.country,
    cycle: access.review.cycle,
    title: access.review.title,
    language: access.review.language,
    status: access.review.status,
    synthetic: access.review.synthetic,
    ...reviewMoves(actor, access, { answers, acceptsSubmissions: !cycle || acceptsSubmissions(cycle) }),
    checklist: checklistOf(
      sections.flatMap((s) => s.questions),
      answers,
      states,
    ),
    may: {
      edit: open && can(actor, 'answer.edit', access.scope),
      assign: open && can(actor, 'assignment.manage', access.scope),
      audit: can(actor, 'audit.read', access.scope),
      // As shareTrackingProgress decides: whoever moves the review decides what leaves the country.
      shareProgress: can(actor, 'review.move', access.scope),
    },
    shareProgress: shared,
    sections,
    byEntity: [...byEntity.values()].sort((a, b) => a.entity.name.localeCompare(b.entity.name)),
    entities: countryEntities,
    // What the public reads: each published version, newest first.
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString() })),
  };
}

/** Question ids, each once, in questionnaire order (the rows come in that order). */
const idsOf = (rows: { questionId: string }[]) => [...new Set(rows.map((r) => r.questionId))];

/**
 * What to look at before validating or submitting, from the rows the dashboard already read:
 * questions without a written answer, written answers not approved, overdue assignments,
 * contributions submitted but not merged, stakeholders' inputs without a response (as the focal
 * point's to-do list counts them, db/queries/todo.ts).
 */
function checklistOf(
  questions: { id: string; assignments: DashboardAssignment[] }[],
  answers: { questionId: string; status: string; blocks: readonly unknown[]; value: AnswerValue | null }[],
  states: { questionId: string; kind: string; status: string; responded: unknown }[],
) {
  const order = new Map(questions.map((q, i) => [q.id, i]));
  const inOrder = <T extends { questionId: string }>(rows: T[]) =>
    rows.filter((r) => order.has(r.questionId)).sort((a, b) => order.get(a.questionId)! - order.get(b.questionId)!);
  // Written: some text or a typed value (issue 15: a value alone is an answer).
  const written = new Map(answers.filter((a) => isAnswered(a)).map((a) => [a.questionId, a]));
  const unanswered = questions.filter((q) => !written.has(q.id)).map((q) => q.id);
  const notApproved = questions.filter((q) => written.has(q.id) && written.get(q.id)!.status !== 'approved');
  const overdue = questions.flatMap((q) => q.assignments.filter((a) => a.overdue).map(() => ({ questionId: q.id })));
  const toMerge = inOrder(states.filter((s) => s.kind === 'contribution' && s.status === 'submitted'));
  const inputs = inOrder(
    states.filter((s) => s.kind === 'input' && (s.status === 'submitted' || s.status === 'merged') && !s.responded),
  );
  return {
    unanswered: { count: unanswered.length, questions: unanswered },
    notApproved: { count: notApproved.length, questions: notApproved.map((q) => q.id) },
    overdue: { count: overdue.length, questions: idsOf(overdue) },
    toMerge: { count: toMerge.length, questions: idsOf(toMerge) },
    inputs: { count: inputs.length, questions: idsOf(inputs) },
  };
}
