import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addComment } from '../../../services/add-comment.js';
import { diffRevisions } from '../../../services/diff-revisions.js';
import { getRevision } from '../../../services/get-revision.js';
import { listRevisions } from '../../../services/list-revisions.js';
import { restoreRevision } from '../../../services/restore-revision.js';
import { assignQuestions } from '../../../services/assign-questions.js';
import { unassignQuestion } from '../../../services/unassign-question.js';
import { updateAssignment } from '../../../services/update-assignment.js';
import { createReview } from '../../../services/create-review.js';
import { decideObjective } from '../../../services/decide-objective.js';
import { getAnswerWorkspace } from '../../../services/get-answer-workspace.js';
import { getDashboard } from '../../../services/get-dashboard.js';
import { listReviewAudit } from '../../../services/list-audit.js';
import { listNotifications } from '../../../services/list-notifications.js';
import { markNotificationsRead } from '../../../services/mark-notifications-read.js';
import { listTasks } from '../../../services/list-tasks.js';
import { moveAnswer } from '../../../services/move-answer.js';
import { moveAnswers } from '../../../services/move-answers.js';
import { moveReview } from '../../../services/move-review.js';
import { saveAnswer } from '../../../services/save-answer.js';
import { discardAnswerDraft } from '../../../services/discard-answer-draft.js';
import { saveAnswerDraft } from '../../../services/save-answer-draft.js';
import { nameAuthors } from '../../../services/author-names.js';
import type { Db } from '../../../db/connection.js';
import {
  presentAnswerWorkspace,
  presentComment,
  presentRevision,
  presentSavedAnswer,
} from '../../presenters/answers.js';
import { presentAuditEvent, presentDashboard, presentNotifications, presentTasks } from '../../presenters/workspace.js';
import { known } from '../../presenters/known.js';
import { explainRefusals } from '../../presenters/answer-moves.js';
import { requestLanguage } from '../../problem.js';
import { REVIEW_STATUSES } from '../../../domain/workflow.js';
import * as answers from './schema-answers.js';
import * as answerMoves from './schema-answer-moves.js';
import * as review from './schema-review.js';
import * as revisions from './schema-revisions.js';
import * as tasks from './schema-tasks.js';

const BASE = '/api/v1/reviews/:country/:cycle';
const ANSWER = `${BASE}/answers/:questionId`;

/** The workspace API (docs/workspace.md): each route hands the session's actor to one service. */
export function workspaceRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  /** Authors by their display names, in the request's language (services/author-names.ts). */
  const names = (request: FastifyRequest, authors: (string | null | undefined)[]) =>
    nameAuthors(db, requestLanguage(request), authors);

  api.get('/api/v1/tasks', { schema: tasks.listTasksSchema }, async (request) => {
    const found = await listTasks(db, request.actor);
    const nameOf = await names(
      request,
      found.todo.returned.map((r) => r.comment?.author),
    );
    return presentTasks(found, nameOf);
  });
  api.get('/api/v1/notifications', { schema: tasks.listNotificationsSchema }, async (request) =>
    presentNotifications(await listNotifications(db, request.actor), requestLanguage(request)),
  );
  api.post('/api/v1/notifications/read', { schema: tasks.markNotificationsReadSchema }, async (request, reply) => {
    await markNotificationsRead(db, request.actor, request.body?.ids);
    return reply.status(204).send(null);
  });

  api.post('/api/v1/reviews', { schema: review.createReviewSchema }, async (request, reply) => {
    const created = await createReview(db, request.actor, request.body);
    return reply.status(201).send({ ...created, status: known(REVIEW_STATUSES, created.status) });
  });
  api.get(`${BASE}/workspace`, { schema: review.getDashboardSchema }, async (request) =>
    presentDashboard(await getDashboard(db, request.actor, request.params)),
  );
  api.post(`${BASE}/status`, { schema: review.moveReviewSchema }, async (request) =>
    moveReview(db, request.actor, request.params, request.body),
  );
  api.get(`${BASE}/audit`, { schema: review.listReviewAuditSchema }, async (request) => {
    const { events } = await listReviewAudit(db, request.actor, request.params, request.query);
    const nameOf = await names(
      request,
      events.map((e) => e.actor),
    );
    return { events: events.map((e) => presentAuditEvent(e, nameOf)) };
  });
  api.post(`${BASE}/assignments`, { schema: review.assignQuestionsSchema }, async (request, reply) =>
    reply.status(201).send(await assignQuestions(db, request.actor, request.params, request.body)),
  );
  api.delete(
    `${BASE}/assignments/:questionId/:entityId`,
    { schema: review.unassignQuestionSchema },
    async (request, reply) => {
      await unassignQuestion(db, request.actor, request.params);
      return reply.status(204).send(null);
    },
  );
  api.patch(`${BASE}/assignments/:questionId/:entityId`, { schema: review.updateAssignmentSchema }, async (request) =>
    updateAssignment(db, request.actor, request.params, request.body),
  );

  // Several answers at once, all or nothing; each refusal said in the reader's language.
  api.post(`${BASE}/answers/status`, { schema: answerMoves.moveAnswersSchema }, async (request) => {
    try {
      return await moveAnswers(db, request.actor, request.params, request.body);
    } catch (error) {
      throw explainRefusals(error, requestLanguage(request));
    }
  });
  api.get(ANSWER, { schema: answers.getAnswerSchema }, async (request) => {
    const page = await getAnswerWorkspace(db, request.actor, request.params);
    const authors = [
      page.updatedBy,
      ...page.comments.map((c) => c.author),
      ...page.contributions.map((c) => c.updatedBy),
    ];
    const nameOf = await names(request, authors);
    return presentAnswerWorkspace(request.params, page, nameOf);
  });
  api.put(ANSWER, { schema: answers.saveAnswerSchema }, async (request) =>
    presentSavedAnswer(await saveAnswer(db, request.actor, request.params, request.body)),
  );
  api.put(`${ANSWER}/draft`, { schema: answers.saveAnswerDraftSchema }, async (request) => {
    const saved = await saveAnswerDraft(db, request.actor, request.params, request.body);
    return { savedAt: saved.savedAt.toISOString(), baseRevision: saved.baseRevision };
  });
  api.delete(`${ANSWER}/draft`, { schema: answers.discardAnswerDraftSchema }, async (request, reply) => {
    await discardAnswerDraft(db, request.actor, request.params);
    return reply.status(204).send(null);
  });
  api.post(`${ANSWER}/status`, { schema: answers.moveAnswerSchema }, async (request) => {
    const moved = await moveAnswer(db, request.actor, request.params, request.body);
    return { questionId: moved.questionId, status: moved.status };
  });
  api.get(`${ANSWER}/comments`, { schema: answers.listCommentsSchema }, async (request) => {
    const { comments } = await getAnswerWorkspace(db, request.actor, request.params);
    const nameOf = await names(
      request,
      comments.map((c) => c.author),
    );
    return { comments: comments.map((c) => presentComment(c, nameOf)) };
  });
  api.post(`${ANSWER}/comments`, { schema: answers.addCommentSchema }, async (request, reply) => {
    const comment = await addComment(db, request.actor, request.params, request.body.body);
    return reply.status(201).send(presentComment(comment, await names(request, [comment.author])));
  });
  api.put(`${ANSWER}/objectives/:objective`, { schema: answers.decideObjectiveSchema }, async (request) => {
    const decided = await decideObjective(db, request.actor, request.params, request.body.status);
    return { objective: decided.objective, status: known(['confirmed', 'removed'], decided.status) };
  });

  api.get(`${ANSWER}/revisions`, { schema: revisions.listRevisionsSchema }, async (request) => {
    const history = await listRevisions(db, request.actor, request.params);
    const nameOf = await names(
      request,
      history.revisions.map((r) => r.author),
    );
    return { revisions: history.revisions.map((r) => presentRevision(r, nameOf)), synthetic: history.synthetic };
  });
  api.get(`${ANSWER}/revisions/:revision`, { schema: revisions.getRevisionSchema }, async (request) => {
    const found = await getRevision(db, request.actor, request.params, request.params.revision);
    const value = found.value ? { value: found.value } : {};
    return { ...presentRevision(found, await names(request, [found.author])), blocks: found.blocks, ...value };
  });
  api.get(`${ANSWER}/diff`, { schema: revisions.diffRevisionsSchema }, async (request) =>
    diffRevisions(db, request.actor, request.params, request.query.from, request.query.to),
  );
  api.post(`${ANSWER}/revisions/:revision/restore`, { schema: revisions.restoreRevisionSchema }, async (request) =>
    presentSavedAnswer(
      await restoreRevision(db, request.actor, request.params, request.params.revision, request.body.baseRevision),
    ),
  );
}
