import { useState } from 'react';
import { Link } from '../components/link.js';
import { messageOf } from '../components/moves.js';
import { Loading, Page } from '../components/page.js';
import { StatusTag } from '../components/status.js';
import { SyntheticLabel } from '../components/synthetic.js';
import { post, reviewPath } from '../lib/api.js';
import { hasRole, useSession } from '../lib/session.js';
import { localText, useLocale } from '../lib/i18n.js';
import type { Notifications, Tasks, Todo as TodoList } from '../lib/types.js';
import { useApi, useApiMutation } from '../lib/query.js';

const answerPath = (task: { country: string; cycle: string; questionId: string }) =>
  `${reviewPath(task.country, task.cycle)}/answers/${encodeURIComponent(task.questionId)}`;

/** My work: the reviews I take part in, the questions my entities owe, the answers I decide. */
export function TasksPage() {
  const { t, language } = useLocale();
  const tasks = useApi<Tasks>('/tasks');
  if (tasks.error)
    return (
      <Page title={t('tasks.title')}>
        <p className="notice" role="alert">
          {tasks.error.message}
        </p>
        <Notifications />
      </Page>
    );
  if (!tasks.data) return <Loading />;
  const { reviews = [], assignments = [], decisions = [], todo } = tasks.data;
  return (
    <Page title={t('tasks.title')}>
      {todo && <Todo todo={todo} />}
      <section aria-labelledby="tasks-reviews">
        <h2 id="tasks-reviews">{t('tasks.reviews')}</h2>
        {reviews.length === 0 ? (
          <p className="muted">{t('tasks.no_reviews')}</p>
        ) : (
          <ul className="task-list">
            {reviews.map((review) => (
              <li key={`${review.country}/${review.cycle}`}>
                <Link to={reviewPath(review.country, review.cycle)}>
                  {t('tasks.review_of', {
                    country: localText(review.countryName, language) || review.country,
                    cycle: localText(review.cycleTitle, language) || review.cycle,
                  })}
                </Link>{' '}
                {review.synthetic && (
                  <>
                    <SyntheticLabel inline />{' '}
                  </>
                )}
                <StatusTag kind="review" status={review.status} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="tasks-assigned">
        <h2 id="tasks-assigned">{t('tasks.assigned')}</h2>
        {assignments.length === 0 ? (
          <p className="muted">{t('tasks.no_assigned')}</p>
        ) : (
          <ul className="task-list">
            {assignments.map((task) => (
              <AssignedQuestion
                key={`${task.country}/${task.cycle}/${task.questionId}/${task.entity?.id ?? ''}`}
                task={task}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="tasks-decisions">
        <h2 id="tasks-decisions">{t('tasks.decisions')}</h2>
        {decisions.length === 0 ? (
          <p className="muted">{t('tasks.no_decisions')}</p>
        ) : (
          <ul className="task-list">
            {decisions.map((task) => (
              <li key={`${task.country}/${task.cycle}/${task.questionId}`}>
                <Link to={answerPath(task)}>
                  <span className="question-id">{task.questionId}</span>{' '}
                  <span dir="auto">{localText(task.questionText, language)}</span>
                </Link>{' '}
                {/* A decision waits on an answer in review. */}
                <StatusTag kind="answer" status="in_review" />
              </li>
            ))}
          </ul>
        )}
      </section>
      <Notifications />
    </Page>
  );
}

function Notifications() {
  const { t, dateTime } = useLocale();
  const notes = useApi<Notifications>('/notifications');
  // Marking read changes the notifications only.
  const marking = useApiMutation((ids: number[]) => post('/notifications/read', { ids }), ['/notifications']);
  const [error, setError] = useState('');
  if (notes.error) return null;
  const list = notes.data?.notifications ?? [];
  const unread = list.filter((n) => !n.readAt);
  const markRead = async () => {
    try {
      await marking.mutateAsync(unread.map((n) => n.id));
      setError('');
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <section aria-labelledby="tasks-notifications">
      <h2 id="tasks-notifications">{t('notifications.title')}</h2>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {list.length === 0 ? (
        <p className="muted">{t('notifications.none')}</p>
      ) : (
        <>
          <ul className="task-list">
            {list.map((note) => {
              const read = Boolean(note.readAt);
              // The API says what happened in the reader's language, naming the question and the entity.
              const body =
                note.text ||
                (note.questionId
                  ? t(`notifications.kind.${note.kind}`) + ' — ' + t('tasks.question', { id: note.questionId })
                  : t(`notifications.kind.${note.kind}`));
              // What the secretariat wrote with a returned or commented submission, in its own words.
              const said = note.kind === 'submission_comment' ? note.details.comment : note.details.reason;
              return (
                <li key={note.id} className={read ? 'read' : 'unread'}>
                  {!read && <strong className="tag">{t('notifications.new')}</strong>}{' '}
                  {note.country && note.cycle && note.questionId ? (
                    <Link to={answerPath({ country: note.country, cycle: note.cycle, questionId: note.questionId })}>
                      <span dir="auto">{body}</span>
                    </Link>
                  ) : (
                    <span dir="auto">{body}</span>
                  )}{' '}
                  {said && (
                    <>
                      <q dir="auto">{said}</q>{' '}
                    </>
                  )}
                  <span className="muted">{dateTime(note.createdAt)}</span>
                </li>
              );
            })}
          </ul>
          {unread.length > 0 && (
            <button type="button" className="button button-secondary" onClick={() => void markRead()}>
              {t('notifications.mark_read')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/**
 * A focal point's to-do list: answers the validator returned (with what it asked), contributions
 * to merge, stakeholders' inputs to answer; each leads to the answer's page, where to act.
 */
function Todo({ todo }: { todo: TodoList }) {
  const { t, dateTime, language } = useLocale();
  const { session } = useSession();
  const { toMerge = [], inputs = [], returned = [] } = todo;
  const total = toMerge.length + inputs.length + returned.length;
  // Only focal points have a to-do list; nobody else is told « nothing to do » about it.
  if (total === 0 && !hasRole(session, 'focal_point')) return null;
  return (
    <section aria-labelledby="tasks-todo" className="todo">
      <h2 id="tasks-todo">{t('todo.title')}</h2>
      {total === 0 && <p className="muted">{t('todo.none')}</p>}
      {returned.length > 0 && (
        <>
          <h3 id="todo-returned">{t('todo.returned', { count: returned.length })}</h3>
          <ul className="task-list" aria-labelledby="todo-returned">
            {returned.map((item) => (
              <li key={`${item.country}/${item.cycle}/${item.questionId}`}>
                <Link to={answerPath(item)}>
                  <span className="question-id">{item.questionId}</span>{' '}
                  <span dir="auto">{localText(item.questionText, language)}</span>
                </Link>
                {item.comment && (
                  <p className="todo-comment">
                    {t('todo.returned_by', {
                      author: item.comment.authorName || item.comment.author,
                      date: dateTime(item.comment.createdAt),
                    })}{' '}
                    <q dir="auto">{item.comment.body}</q>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <Contributions id="todo-merge" heading={t('todo.to_merge', { count: toMerge.length })} items={toMerge} />
      <Contributions id="todo-inputs" heading={t('todo.inputs', { count: inputs.length })} items={inputs} />
    </section>
  );
}

/** A titled list of contributions waiting for the focal point (to merge, or inputs to answer); nothing when empty. */
function Contributions({ id, heading, items }: { id: string; heading: string; items: TodoList['toMerge'] }) {
  const { t, dateTime, language } = useLocale();
  if (!items || items.length === 0) return null;
  return (
    <>
      <h3 id={id}>{heading}</h3>
      <ul className="task-list" aria-labelledby={id}>
        {items.map((item) => (
          <li key={item.contribution}>
            <Link to={answerPath(item)}>
              <span className="question-id">{item.questionId}</span>{' '}
              <span dir="auto">{localText(item.questionText, language)}</span>
            </Link>
            <p className="task-meta">
              <span dir="auto">{item.entity.name}</span>
              {item.submittedAt && <span>{t('todo.submitted_on', { date: dateTime(item.submittedAt) })}</span>}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * A question an entity owes, in a list: its wording linking to the answer page, the focal point's
 * note, the entity, the due date (or since when it is overdue) and how far the contribution is.
 * The to-do list and a contributor's view of the review show it alike.
 */
export function AssignedQuestion({ task }: { task: Tasks['assignments'][number] }) {
  const { t, date, language } = useLocale();
  return (
    <li>
      <Link to={answerPath(task)}>
        <span className="question-id">{task.questionId}</span>{' '}
        <span dir="auto">{localText(task.questionText, language)}</span>
      </Link>
      {task.note && (
        <p className="assignment-note">
          {t('assign.note_shown')} <q dir="auto">{task.note}</q>
        </p>
      )}
      <p className="task-meta">
        {task.entity && <span dir="auto">{task.entity.name}</span>}
        {task.dueOn && (
          <span className={task.overdue ? 'overdue' : undefined}>
            {task.overdue
              ? t('tasks.overdue_since', { date: date(task.dueOn) })
              : t('tasks.due_on', { date: date(task.dueOn) })}
          </span>
        )}
        <StatusTag kind="contribution" status={task.contribution?.status ?? 'not_started'} />
      </p>
    </li>
  );
}
