import type { Kysely } from 'kysely';
import * as assignments from '../db/queries/assignments.js';
import * as catalogue from '../db/queries/catalogue.js';
import * as notifications from '../db/queries/notifications.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Multilingual } from '../domain/language.js';
import { can, type Actor } from '../domain/permissions.js';
import { isDelivered, isOverdue } from '../domain/workflow.js';
import { listFocalTodo } from '../db/queries/todo.js';
import { takesPart } from './review-access.js';

/** Days before a due date when contributors get a reminder. */
const REMINDER_DAYS = 3;

/**
 * `GET /tasks`: what the signed-in person has to do. The reviews they take part in; the
 * questions given to their entities, with due dates; the answers waiting for their decision; a
 * focal point's to-do list (contributions to merge, stakeholders' inputs to answer, answers
 * returned with the validator's latest comment).
 * Due-date reminders are created here, once per assignment and person, so no background job
 * is needed for them.
 */
export async function listTasks(
  db: Kysely<Database>,
  actor: Actor | null,
  today = new Date().toISOString().slice(0, 10),
) {
  if (!actor?.userId) throw new PacteError('auth.required');
  const entityIds = actor.grants.filter((g) => g.entity !== null).map((g) => g.entity as number);
  const deciding = actor.grants.some((g) => g.role === 'admin')
    ? undefined
    : [
        ...new Set(
          actor.grants
            .filter((g) => g.role === 'focal_point' || g.role === 'validator')
            .map((g) => g.country as string),
        ),
      ];
  // The focal point's to-do list: its own countries (an administrator's would be every country's).
  const focal = [...new Set(actor.grants.filter((g) => g.role === 'focal_point').map((g) => g.country as string))];
  const [all, assigned, waiting, todo] = await Promise.all([
    reviews.listReviews(db),
    assignments.listAssignments(db, { entityIds }),
    reviews.listAnswersInStatus(db, 'in_review', deciding),
    listFocalTodo(db, focal),
  ]);
  const open: reviews.ReviewSummary[] = [];
  for (const r of all) {
    if (
      can(actor, 'review.read', { country: r.country, region: r.region, status: r.status }) ||
      (await takesPart(db, actor, r))
    ) {
      open.push(r);
    }
  }
  const todoItems = [...todo.toMerge, ...todo.inputs, ...todo.returned];
  const questionText = await questionTexts(db, new Set([...assigned, ...waiting, ...todoItems].map((a) => a.cycle)));
  const states = new Map<string, string>();
  const answerStatus = new Map<string, string>();
  for (const reviewId of new Set(assigned.map((a) => a.reviewId))) {
    for (const s of await assignments.listContributionStates(db, reviewId)) {
      states.set(`${reviewId}/${s.questionId}/${s.entityId}`, s.status);
    }
    for (const a of await reviews.listAnswerRows(db, reviewId))
      answerStatus.set(`${reviewId}/${a.questionId}`, a.status);
  }
  const inSoon = new Date(Date.parse(`${today}T00:00:00Z`) + REMINDER_DAYS * 86_400_000).toISOString().slice(0, 10);
  const tasks = assigned.map((a) => {
    const status = states.get(`${a.reviewId}/${a.questionId}/${a.entity.id}`) ?? null;
    const answer = answerStatus.get(`${a.reviewId}/${a.questionId}`);
    // Nothing is awaited from the entity once it delivered or the answer is approved.
    const done = isDelivered(status) || answer === 'approved';
    return {
      country: a.country,
      cycle: a.cycle,
      questionId: a.questionId,
      questionText: questionText.get(`${a.cycle}/${a.questionId}`) ?? {},
      entity: a.entity,
      dueOn: a.dueOn,
      note: a.note,
      overdue: isOverdue(a.dueOn, status, today, answer),
      dueSoon: a.dueOn !== null && a.dueOn >= today && a.dueOn <= inSoon && !done,
      contribution: status ? { status } : null,
    };
  });
  // A reminder that the date approaches, then one that it has passed (each once per due date).
  for (const t of tasks.filter((t) => t.dueSoon || t.overdue)) {
    await notifications.insertNotifications(db, [actor.userId], {
      kind: t.overdue ? 'overdue' : 'due_soon',
      country: t.country,
      cycle: t.cycle,
      questionId: t.questionId,
      details: { dueOn: t.dueOn, entity: t.entity.name },
      dedupeKey: `${t.overdue ? 'overdue' : 'due'}:${t.country}:${t.cycle}:${t.questionId}:${t.entity.id}:${t.dueOn}`,
    });
  }
  const withText = <T extends { cycle: string; questionId: string }>(item: T) => ({
    ...item,
    questionText: questionText.get(`${item.cycle}/${item.questionId}`) ?? {},
  });
  return {
    reviews: open.map((r) => ({
      country: r.country,
      cycle: r.cycle,
      title: r.title,
      status: r.status,
      countryName: r.countryName,
      cycleTitle: r.cycleTitle,
      answered: r.answered,
      questions: r.questions,
      synthetic: r.synthetic,
    })),
    assignments: tasks,
    decisions: waiting.map((w) => ({
      country: w.country,
      cycle: w.cycle,
      questionId: w.questionId,
      questionText: questionText.get(`${w.cycle}/${w.questionId}`) ?? {},
      since: w.updatedAt,
    })),
    todo: {
      toMerge: todo.toMerge.map(withText),
      inputs: todo.inputs.map(withText),
      returned: todo.returned.map(withText),
    },
  };
}

async function questionTexts(db: Kysely<Database>, cycles: Set<string>): Promise<Map<string, Multilingual>> {
  const out = new Map<string, Multilingual>();
  for (const id of cycles) {
    const cycle = await catalogue.findCycle(db, id);
    const questionnaire =
      cycle && (await catalogue.findQuestionnaire(db, cycle.questionnaireId, cycle.questionnaireVersion));
    for (const q of questionnaire?.sections.flatMap((s) => s.questions) ?? []) out.set(`${id}/${q.id}`, q.text);
  }
  return out;
}
