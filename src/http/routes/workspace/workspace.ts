import type { FastifyInstance } from 'fastify';
import type { Block } from '../../../domain/blocks.js';
import type { Language } from '../../../domain/language.js';
import { addComment } from '../../../services/add-comment.js';
import { diffRevisions, getRevision, listRevisions, restoreRevision } from '../../../services/answer-revisions.js';
import { assignQuestions, unassignQuestion } from '../../../services/assign-questions.js';
import { createReview } from '../../../services/create-review.js';
import { decideObjective } from '../../../services/decide-objective.js';
import { getAnswerWorkspace } from '../../../services/get-answer-workspace.js';
import { getDashboard } from '../../../services/get-dashboard.js';
import { listReviewAudit } from '../../../services/list-audit.js';
import { listNotifications, markNotificationsRead } from '../../../services/list-notifications.js';
import { listTasks } from '../../../services/list-tasks.js';
import { moveAnswer } from '../../../services/move-answer.js';
import { moveReview } from '../../../services/move-review.js';
import { saveAnswer } from '../../../services/save-answer.js';
import type { Db } from '../../../services/storage.js';
import * as s from './schema.js';

type ReviewParams = { country: string; cycle: string };
type AnswerParams = ReviewParams & { questionId: string };
type RevisionParams = AnswerParams & { revision: number };

const BASE = '/api/v1/reviews/:country/:cycle';
const ANSWER = `${BASE}/answers/:questionId`;

/** The workspace API (docs/workspace.md): each route hands the session's actor to one service. */
export function workspaceRoutes(app: FastifyInstance, db: Db) {
  app.get('/api/v1/tasks', { schema: s.tasksSchema }, async (request) => listTasks(db, request.actor));

  app.get('/api/v1/notifications', { schema: s.notificationsSchema }, async (request) =>
    listNotifications(db, request.actor),
  );
  app.post<{ Body: { ids?: number[] } }>(
    '/api/v1/notifications/read',
    { schema: s.readNotificationsSchema },
    async (request, reply) => {
      await markNotificationsRead(db, request.actor, request.body?.ids);
      return reply.status(204).send();
    },
  );

  app.post<{ Body: { country: string; cycle: string; language: Language } }>(
    '/api/v1/reviews',
    { schema: s.createReviewSchema },
    async (request, reply) => reply.status(201).send(await createReview(db, request.actor, request.body)),
  );

  app.get<{ Params: ReviewParams }>(`${BASE}/workspace`, { schema: s.dashboardSchema }, async (request) =>
    getDashboard(db, request.actor, request.params),
  );
  app.post<{ Params: ReviewParams; Body: { to: string; reason?: string } }>(
    `${BASE}/status`,
    { schema: s.moveReviewSchema },
    async (request) => moveReview(db, request.actor, request.params, request.body),
  );
  app.get<{ Params: ReviewParams; Querystring: { limit?: number; before?: string } }>(
    `${BASE}/audit`,
    { schema: s.auditSchema },
    async (request) => listReviewAudit(db, request.actor, request.params, request.query),
  );

  app.post<{ Params: ReviewParams; Body: { questionIds: string[]; entityId: number; dueOn?: string | null } }>(
    `${BASE}/assignments`,
    { schema: s.assignSchema },
    async (request, reply) =>
      reply.status(201).send(await assignQuestions(db, request.actor, request.params, request.body)),
  );
  app.delete<{ Params: AnswerParams & { entityId: number } }>(
    `${BASE}/assignments/:questionId/:entityId`,
    { schema: s.unassignSchema },
    async (request, reply) => {
      await unassignQuestion(db, request.actor, request.params);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: AnswerParams }>(ANSWER, { schema: s.getAnswerSchema }, async (request) =>
    getAnswerWorkspace(db, request.actor, request.params),
  );
  app.put<{ Params: AnswerParams; Body: { blocks: Block[]; baseRevision: number; contributionIds?: number[] } }>(
    ANSWER,
    { schema: s.saveAnswerSchema },
    async (request) => saveAnswer(db, request.actor, request.params, request.body),
  );
  app.post<{ Params: AnswerParams; Body: { to: string; comment?: string } }>(
    `${ANSWER}/status`,
    { schema: s.moveAnswerSchema },
    async (request) => moveAnswer(db, request.actor, request.params, request.body),
  );

  app.get<{ Params: AnswerParams }>(`${ANSWER}/revisions`, { schema: s.revisionsSchema }, async (request) => ({
    revisions: await listRevisions(db, request.actor, request.params),
  }));
  app.get<{ Params: RevisionParams }>(`${ANSWER}/revisions/:revision`, { schema: s.revisionSchema }, async (request) =>
    getRevision(db, request.actor, request.params, request.params.revision),
  );
  app.get<{ Params: AnswerParams; Querystring: { from: number; to: number } }>(
    `${ANSWER}/diff`,
    { schema: s.diffSchema },
    async (request) => diffRevisions(db, request.actor, request.params, request.query.from, request.query.to),
  );
  app.post<{ Params: RevisionParams; Body: { baseRevision: number } }>(
    `${ANSWER}/revisions/:revision/restore`,
    { schema: s.restoreSchema },
    async (request) =>
      restoreRevision(db, request.actor, request.params, request.params.revision, request.body.baseRevision),
  );

  app.get<{ Params: AnswerParams }>(`${ANSWER}/comments`, { schema: s.commentsSchema }, async (request) => ({
    comments: (await getAnswerWorkspace(db, request.actor, request.params)).comments,
  }));
  app.post<{ Params: AnswerParams; Body: { body: string } }>(
    `${ANSWER}/comments`,
    { schema: s.addCommentSchema },
    async (request, reply) =>
      reply.status(201).send(await addComment(db, request.actor, request.params, request.body.body)),
  );

  app.put<{ Params: AnswerParams & { objective: number }; Body: { status: 'confirmed' | 'removed' } }>(
    `${ANSWER}/objectives/:objective`,
    { schema: s.decideObjectiveSchema },
    async (request) => decideObjective(db, request.actor, request.params, request.body.status),
  );
}
