/** The workspace's overviews as the API answers them: tasks, notifications, the dashboard, the audit log. */
import type { Static } from '@sinclair/typebox';
import { CONTRIBUTION_STATUSES } from '../../domain/contributions.js';
import type { getDashboard } from '../../services/get-dashboard.js';
import type { listNotifications } from '../../services/list-notifications.js';
import type { listTasks } from '../../services/list-tasks.js';
import { NOTIFICATION_KINDS, type NotificationDetails } from '../routes/workspace/schema-tasks.js';
import type { Language } from '../../domain/language.js';
import { presentAssignment } from './answers.js';
import { notificationText } from './notification-text.js';
import { presentEntityRef } from './entities.js';
import { known } from './known.js';

const contributionState = (status: string | undefined) =>
  status === undefined ? null : { status: known(CONTRIBUTION_STATUSES, status) };

export const presentTasks = (tasks: Awaited<ReturnType<typeof listTasks>>, nameOf: (author: string) => string) => ({
  reviews: tasks.reviews,
  assignments: tasks.assignments.map((task) => ({
    ...task,
    entity: presentEntityRef(task.entity),
    contribution: contributionState(task.contribution?.status),
  })),
  decisions: tasks.decisions.map((decision) => ({ ...decision, since: decision.since.toISOString() })),
  todo: {
    toMerge: tasks.todo.toMerge.map(presentTodoContribution),
    inputs: tasks.todo.inputs.map(presentTodoContribution),
    returned: tasks.todo.returned.map((item) => ({
      ...item,
      comment: item.comment && {
        ...item.comment,
        authorName: nameOf(item.comment.author),
        createdAt: item.comment.createdAt.toISOString(),
      },
    })),
  },
});

const presentTodoContribution = <T extends { submittedAt: Date | null }>(item: T) => ({
  ...item,
  submittedAt: item.submittedAt?.toISOString() ?? null,
});

export const presentNotifications = (list: Awaited<ReturnType<typeof listNotifications>>, language: Language) => ({
  unread: list.unread,
  notifications: list.notifications.map((notification) => ({
    id: notification.id,
    kind: known(NOTIFICATION_KINDS, notification.kind),
    country: notification.country,
    cycle: notification.cycle,
    questionId: notification.questionId,
    // Written by the services that notify (their keys are listed in the schema); the response
    // check holds them to it under tests.
    details: notification.details as Static<typeof NotificationDetails>,
    text: notificationText(language, notification),
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt?.toISOString() ?? null,
  })),
});

export const presentDashboard = (dashboard: Awaited<ReturnType<typeof getDashboard>>) => ({
  ...dashboard,
  sections: dashboard.sections.map((section) => ({
    ...section,
    questions: section.questions.map((question) => ({
      ...question,
      assignments: question.assignments.map((assignment) =>
        presentAssignment({ ...assignment, contribution: contributionState(assignment.contribution?.status) }),
      ),
    })),
  })),
  byEntity: dashboard.byEntity.map((row) => ({ ...row, entity: presentEntityRef(row.entity) })),
  entities: dashboard.entities.map(presentEntityRef),
});

export const presentAuditEvent = (
  event: {
    id: string;
    at: Date;
    actor: string;
    action: string;
    questionId: string | null;
    details: Record<string, unknown>;
  },
  nameOf: (author: string) => string,
) => ({
  id: event.id,
  at: event.at.toISOString(),
  actor: event.actor,
  actorName: nameOf(event.actor),
  action: event.action,
  questionId: event.questionId,
  details: event.details,
});
