import { useState } from 'react';
import { put, reviewPath } from '../lib/api.js';
import { isolate } from '../lib/bidi.js';
import { useLocale } from '../lib/i18n.js';
import type { ReviewSubmissions as Submissions, SubmissionSummary, Workspace } from '../lib/types.js';
import { reviewQueries, useApi, useApiMutation } from '../lib/query.js';
import { Link } from './link.js';
import { messageOf } from './moves.js';

// Keys written out, so that the catalogue test finds each of them used.
const STATE_LABELS = {
  received: 'regional.submission.state_received',
  acknowledged: 'regional.submission.state_acknowledged',
  returned: 'regional.submission.state_returned',
} as const;

/** Where a submission stands, in words: returned, acknowledged, or waiting for the secretariat. */
export function SubmissionState({ summary }: { summary: Pick<SubmissionSummary, 'acknowledged' | 'returned'> }) {
  const { t } = useLocale();
  const state = summary.returned ? 'returned' : summary.acknowledged ? 'acknowledged' : 'received';
  return <strong className={`tag tag-submission-${state}`}>{t(STATE_LABELS[state])}</strong>;
}

const submissionLink = (ws: Workspace, number: number) => `${reviewPath(ws.country, ws.cycle)}/submissions/${number}`;

/**
 * On top of a review's dashboard, when the secretariat returned the country's latest submission:
 * its reason, who returned it and when, and the submission. Read by those who may read the
 * review's submissions (focal points, validators); for anyone else the list answers an error and
 * nothing shows.
 */
export function ReviewReturned({ ws }: { ws: Workspace }) {
  const { t, dateTime, number } = useLocale();
  const { data } = useApi<Submissions>(`${reviewPath(ws.country, ws.cycle)}/submissions`);
  const latest = data?.submissions.reduce<SubmissionSummary | null>((a, b) => (a && a.number > b.number ? a : b), null);
  if (!latest?.returned) return null;
  return (
    <section className="review-returned" aria-labelledby="review-returned-title">
      <h2 id="review-returned-title">{t('review_returned.title')}</h2>
      <p>
        {t('review_returned.by', {
          by: isolate(latest.returned.byName || latest.returned.by),
          date: dateTime(latest.returned.at),
        })}
      </p>
      <p dir="auto" className="returned-reason">
        {latest.returned.reason}
      </p>
      <p>{t('review_returned.next')}</p>
      <p>
        <Link to={submissionLink(ws, latest.number)}>
          {t('review_returned.open', { number: number(latest.number) })}
        </Link>
      </p>
    </section>
  );
}

/**
 * Further down the dashboard: what the country submitted to its secretariat (each submission, its
 * date and state, a link to it), and the focal point's choice to let the secretariat see the
 * review's progress before it is submitted — counts of answered questions only, never text.
 */
export function ReviewSubmissions({ ws }: { ws: Workspace }) {
  const { t, dateTime, number } = useLocale();
  const { data } = useApi<Submissions>(`${reviewPath(ws.country, ws.cycle)}/submissions`);
  // Sharing or not: the dashboard, and the region's tracking, which shows the progress or not.
  const sharing = useApiMutation(
    (share: boolean) => put(`${reviewPath(ws.country, ws.cycle)}/progress-sharing`, { share }),
    reviewQueries(ws.country, ws.cycle),
  );
  const busy = sharing.isPending;
  // Shown as chosen at once; put back if the server refuses.
  const [shared, setShared] = useState(ws.shareProgress);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submissions = (data?.submissions ?? []).slice().sort((a, b) => a.number - b.number);

  const share = async (value: boolean) => {
    setShared(value);
    try {
      await sharing.mutateAsync(value);
      setMessage({ ok: true, text: t(value ? 'review_returned.shared_on' : 'review_returned.shared_off') });
    } catch (error) {
      setShared(!value);
      setMessage({ ok: false, text: messageOf(error) });
    }
  };

  if (!data && !ws.may.shareProgress) return null;
  return (
    <section aria-labelledby="review-submissions">
      <h2 id="review-submissions">{t('review_returned.submissions')}</h2>
      {data &&
        (submissions.length === 0 ? (
          <p className="muted">{t('review_returned.none')}</p>
        ) : (
          <ol className="submission-list">
            {submissions.map((s) => (
              <li key={s.number}>
                <Link to={submissionLink(ws, s.number)}>
                  {t('regional.submission.item', { number: number(s.number), date: dateTime(s.submittedAt) })}
                </Link>{' '}
                <SubmissionState summary={s} />
              </li>
            ))}
          </ol>
        ))}
      {ws.may.shareProgress && (
        <div className="field">
          {message && (
            <p className={message.ok ? 'notice' : 'error-message'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </p>
          )}
          <div className="checkbox">
            <input
              type="checkbox"
              id="share-progress"
              checked={shared}
              disabled={busy}
              aria-describedby="share-progress-hint"
              onChange={(event) => void share(event.target.checked)}
            />
            <label htmlFor="share-progress">{t('review_returned.share')}</label>
          </div>
          <p className="hint" id="share-progress-hint">
            {t('review_returned.share_hint')}
          </p>
        </div>
      )}
    </section>
  );
}
