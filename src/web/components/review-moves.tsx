import { useState } from 'react';
import { post, reviewPath } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import { reviewQueries, useApiMutation } from '../lib/query.js';
import type { Move, ReviewMoved, Workspace } from '../lib/types.js';
import { Form, TextArea, type FieldError } from './form.js';
import { Link } from './link.js';
import { focusOnMount, messageOf, MoveDone, moveLabel, reviewAction } from './moves.js';

const CHECKLIST = ['unanswered', 'notApproved', 'overdue', 'toMerge', 'inputs'] as const;

/**
 * The review's moves on its dashboard (issue 12, item 6). Only moves that will succeed are
 * buttons; the API says why the others cannot be made yet (blockedMoves), and that is shown
 * with a way to the questions concerned. Every move first shows what it will do and waits for a
 * confirmation (submitting also shows the checklist and takes the transmittal note); once made,
 * a message says what changed. Publishing is apart, under its own heading: it is not the next
 * step after « Soumettre » but what follows the secretariat's reading.
 */
export function ReviewMoves({ ws }: { ws: Workspace }) {
  const { t, number } = useLocale();
  const base = reviewPath(ws.country, ws.cycle);
  const moving = useApiMutation(
    (body: { to: string; reason?: string; note?: string }) => post<ReviewMoved>(`${base}/status`, body),
    reviewQueries(ws.country, ws.cycle),
  );
  const [pending, setPending] = useState<Move | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  const status = ws.status;
  const publishes = (m: Move) => m.to === 'published';
  const moves = ws.allowedMoves.filter((m) => !publishes(m));
  const publication = ws.allowedMoves.filter(publishes);
  const nextVersion = Math.max(0, ...(ws.versions ?? []).map((v) => v.version)) + 1;
  const label = (move: Pick<Move, 'to' | 'requires'>) => moveLabel(t, 'review', move, status);

  const open = (move: Move) => {
    setDone('');
    setErrors([]);
    setReason('');
    setNote('');
    setPending(move);
  };

  const confirm = async () => {
    if (!pending) return;
    const why = reason.trim();
    if (pending.requires === 'reason' && !why) {
      setErrors([{ field: 'review-move-reason', message: t('moves.reason_required') }]);
      return;
    }
    const action = reviewAction(pending, status);
    try {
      const moved = await moving.mutateAsync({
        to: pending.to,
        ...(pending.requires === 'reason' ? { reason: why } : {}),
        ...(pending.to === 'submitted' && note.trim() ? { note: note.trim() } : {}),
      });
      setPending(null);
      setErrors([]);
      setDone(
        t(`review.done.${action}`, {
          submission: number(moved.submission ?? 0),
          version: number(moved.version ?? nextVersion),
        }),
      );
    } catch (error) {
      setErrors([
        {
          field: pending.requires === 'reason' ? 'review-move-reason' : 'review-move-confirm',
          message: messageOf(error),
        },
      ]);
    }
  };

  const confirmation = (move: Move) => {
    const action = reviewAction(move, status);
    return (
      <Form errors={errors} onSubmit={confirm} className="move-confirm">
        <h3 tabIndex={-1} ref={focusOnMount}>
          {t(`review.confirm.${action}`)}
        </h3>
        <p>{t(`review.explain.${action}`, { version: number(nextVersion) })}</p>
        {(move.to === 'submitted' || action === 'validated') && <Checklist ws={ws} />}
        {move.requires === 'reason' && (
          <TextArea
            id="review-move-reason"
            label={t('moves.reason_label')}
            hint={t('review.reason_hint')}
            errors={errors}
            value={reason}
            onChange={setReason}
          />
        )}
        {move.to === 'submitted' && (
          <TextArea
            id="review-move-note"
            label={t('review.note_label')}
            hint={t('review.note_hint')}
            errors={errors}
            value={note}
            rows={3}
            onChange={setNote}
          />
        )}
        <div className="button-group">
          <button type="submit" id="review-move-confirm" className="button" disabled={moving.isPending}>
            {label(move)}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setPending(null);
              setErrors([]);
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    );
  };

  const button = (move: Move) => (
    <button
      key={move.to}
      id={`review-move-${move.to}`}
      type="button"
      className={`button${move.requires ? ' button-secondary' : ''}`}
      onClick={() => open(move)}
    >
      {label(move)}
    </button>
  );

  return (
    <>
      <section aria-labelledby="dashboard-moves">
        <h2 id="dashboard-moves">{t('dashboard.moves')}</h2>
        {done && <MoveDone id="review-move-done" text={done} />}
        {pending && !publishes(pending) ? (
          confirmation(pending)
        ) : (
          <>
            {moves.length === 0 && ws.blockedMoves.length === 0 && <p className="muted">{t('moves.none')}</p>}
            {moves.length > 0 && <div className="button-group">{moves.map(button)}</div>}
            {ws.blockedMoves.length > 0 && (
              <ul className="moves-blocked">
                {ws.blockedMoves.map((b) => (
                  <li key={b.to} id={`review-blocked-${b.to}`}>
                    <strong>{label({ to: b.to })}</strong>
                    {' — '}
                    {t(`review.blocked.${b.code}`, {
                      notApproved: b.details.notApproved ?? 0,
                      total: number(b.details.total ?? 0),
                    })}{' '}
                    {b.code === 'review.answers_not_approved' && (
                      <a href="#dashboard-questions">{t('review.blocked_link')}</a>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      {publication.length > 0 && (
        <section aria-labelledby="dashboard-publish" className="publish-section">
          <h2 id="dashboard-publish">
            {status === 'submitted' ? t('review.publish.title') : t('review.publish_any.title')}
          </h2>
          {pending && publishes(pending) ? (
            confirmation(pending)
          ) : (
            <>
              <p>
                {status === 'submitted'
                  ? t('review.publish.explain', { version: number(nextVersion) })
                  : t('review.publish_any.explain', { version: number(nextVersion) })}
              </p>
              <div className="button-group">{publication.map(button)}</div>
            </>
          )}
        </section>
      )}
    </>
  );
}

/**
 * What to look at before submitting (and validating), from the API's checklist: each count with
 * the questions concerned. Warnings only: what blocks a move, the API says (blockedMoves).
 */
function Checklist({ ws }: { ws: Workspace }) {
  const { t } = useLocale();
  const base = reviewPath(ws.country, ws.cycle);
  const items = CHECKLIST.filter((key) => ws.checklist[key].count > 0);
  return (
    <div className="checklist">
      <h4>{t('checklist.title')}</h4>
      {items.length === 0 ? (
        <p id="checklist-clear">{t('checklist.none')}</p>
      ) : (
        <>
          <ul>
            {items.map((key) => (
              <li key={key} id={`checklist-${key}`}>
                {t(`checklist.${key}`, { count: ws.checklist[key].count })}
                {' — '}
                <span className="checklist-questions">
                  {ws.checklist[key].questions.map((id, i) => (
                    <span key={id}>
                      {i > 0 && ', '}
                      <Link to={`${base}/answers/${encodeURIComponent(id)}`}>{id}</Link>
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
          <p className="hint">{t('checklist.warning')}</p>
        </>
      )}
    </div>
  );
}
