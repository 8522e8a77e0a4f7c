import { useState } from 'react';
import { Link } from '../components/link.js';
import { messageOf } from '../components/moves.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { StatusTag } from '../components/status.js';
import { post, reviewPath } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import { useData } from '../lib/use-data.js';

interface ReviewTask {
  country: string;
  cycle: string;
  status: string;
  countryName?: string;
  cycleTitle?: string;
  roles?: string[];
}
interface QuestionTask {
  country: string;
  cycle: string;
  questionId: string;
  text?: string;
  entity?: { id: number; name: string };
  dueOn?: string | null;
  overdue?: boolean;
  status?: string;
  contributionStatus?: string;
}
interface Tasks {
  reviews: ReviewTask[];
  assignments: QuestionTask[];
  decisions: QuestionTask[];
}
interface Notification {
  id: number;
  kind: string;
  message?: string;
  text?: string;
  createdAt: string;
  read?: boolean;
  readAt?: string | null;
  country?: string | null;
  cycle?: string | null;
  questionId?: string | null;
}

const answerPath = (task: { country: string; cycle: string; questionId: string }) =>
  `${reviewPath(task.country, task.cycle)}/answers/${encodeURIComponent(task.questionId)}`;

/** My work: the reviews I take part in, the questions my entities owe, the answers I decide. */
export function TasksPage() {
  const { t, date } = useLocale();
  const tasks = useData<Tasks>('/tasks');
  if (tasks.error) return <LoadError error={tasks.error} />;
  if (!tasks.data) return <Loading />;
  const { reviews = [], assignments = [], decisions = [] } = tasks.data;
  return (
    <Page title={t('tasks.title')}>
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
                    country: review.countryName ?? review.country,
                    cycle: review.cycleTitle ?? review.cycle,
                  })}
                </Link>{' '}
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
              <li key={`${task.country}/${task.cycle}/${task.questionId}/${task.entity?.id ?? ''}`}>
                <Link to={answerPath(task)}>
                  <span className="question-id">{task.questionId}</span>{' '}
                  <span dir="auto">{task.text ?? t('tasks.question', { id: task.questionId })}</span>
                </Link>
                <p className="task-meta">
                  {task.entity && <span dir="auto">{task.entity.name}</span>}
                  {task.dueOn && (
                    <span className={task.overdue ? 'overdue' : undefined}>
                      {task.overdue
                        ? t('tasks.overdue_since', { date: date(task.dueOn) })
                        : t('tasks.due_on', { date: date(task.dueOn) })}
                    </span>
                  )}
                  {(task.contributionStatus ?? task.status) && (
                    <StatusTag kind="contribution" status={(task.contributionStatus ?? task.status)!} />
                  )}
                </p>
              </li>
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
                  <span dir="auto">{task.text ?? t('tasks.question', { id: task.questionId })}</span>
                </Link>{' '}
                {task.status && <StatusTag kind="answer" status={task.status} />}
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
  const notes = useData<{ notifications: Notification[] }>('/notifications');
  const [error, setError] = useState('');
  if (notes.error) return null;
  const list = notes.data?.notifications ?? [];
  const unread = list.filter((n) => !(n.read ?? n.readAt));
  const markRead = async () => {
    try {
      await post('/notifications/read', { ids: unread.map((n) => n.id) });
      notes.reload();
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
              const read = Boolean(note.read ?? note.readAt);
              const body = note.message ?? note.text ?? t(`notifications.kind.${note.kind}`);
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
