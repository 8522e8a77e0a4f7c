import { useEffect, useState, type FormEvent } from 'react';
import { describedBy, ErrorSummary, FieldMessage, type FieldError } from '../../components/error-summary.js';
import { messageOf } from '../../components/moves.js';
import { post } from '../../lib/api.js';
import { isolate } from '../../lib/bidi.js';
import { useLocale } from '../../lib/i18n.js';
import type { Submission } from '../../lib/types.js';

const ACKNOWLEDGE = 'submission-acknowledge';
const COMMENT = 'submission-comment';
const REASON = 'submission-return-reason';

/**
 * What the secretariat does with a submission: acknowledge receipt (once), comment, or return the
 * review to the country with a reason — after a confirmation that says what a return does, since
 * it sends the country's review back to draft. One error summary for the three, above them.
 */
export function SubmissionActions(props: {
  path: string;
  submission: Submission;
  countryName: string;
  /** Only the latest submission may be returned (the API says submission.not_latest otherwise). */
  latest: boolean;
  onDone: (message: string) => void;
}) {
  const { t, dateTime } = useLocale();
  const s = props.submission;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  // The confirmation takes the focus: a keyboard or screen-reader user lands on the question.
  useEffect(() => {
    if (confirming) document.getElementById('submission-return-confirm')?.focus();
  }, [confirming]);

  const act = async (field: string, run: () => Promise<unknown>, message: string) => {
    setBusy(true);
    try {
      await run();
      setErrors([]);
      props.onDone(message);
      return true;
    } catch (error) {
      setErrors([{ field, message: messageOf(error) }]);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const acknowledge = () =>
    void act(ACKNOWLEDGE, () => post(`${props.path}/acknowledgement`), t('regional.submission.acknowledged_done'));

  const sendComment = async (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return setErrors([{ field: COMMENT, message: t('regional.submission.comment_required') }]);
    if (
      await act(
        COMMENT,
        () => post(`${props.path}/comments`, { body: comment.trim() }),
        t('regional.submission.comment_done'),
      )
    )
      setComment('');
  };

  const askReturn = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setErrors([{ field: REASON, message: t('regional.submission.reason_required') }]);
    setErrors([]);
    setConfirming(true);
  };

  const confirmReturn = async () => {
    const ok = await act(
      REASON,
      () => post(`${props.path}/return`, { reason: reason.trim() }),
      t('regional.submission.returned_done', { country: props.countryName }),
    );
    setConfirming(false);
    if (ok) setReason('');
  };

  const invalid = (field: string) => (errors.some((e) => e.field === field) ? ' field-error' : '');

  return (
    <section aria-labelledby="submission-actions" className="submission-actions">
      <h2 id="submission-actions">{t('regional.submission.actions')}</h2>
      <ErrorSummary errors={errors} />

      <h3>{t('regional.submission.acknowledge_title')}</h3>
      {s.acknowledged ? (
        <p className="muted">
          {t('regional.submission.event_acknowledged', {
            by: isolate(s.acknowledged.by),
            date: dateTime(s.acknowledged.at),
          })}
        </p>
      ) : (
        <div className={`field${invalid(ACKNOWLEDGE)}`}>
          <p className="hint" id={`${ACKNOWLEDGE}-hint`}>
            {t('regional.submission.acknowledge_hint')}
          </p>
          <FieldMessage id={ACKNOWLEDGE} errors={errors} />
          <button
            type="button"
            id={ACKNOWLEDGE}
            className="button"
            disabled={busy}
            aria-describedby={describedBy(ACKNOWLEDGE, errors, `${ACKNOWLEDGE}-hint`)}
            onClick={acknowledge}
          >
            {t('regional.submission.acknowledge')}
          </button>
        </div>
      )}

      <form onSubmit={(e) => void sendComment(e)} noValidate>
        <div className={`field${invalid(COMMENT)}`}>
          <h3>
            <label htmlFor={COMMENT}>{t('regional.submission.comment_title')}</label>
          </h3>
          <p className="hint" id={`${COMMENT}-hint`}>
            {t('regional.submission.comment_hint')}
          </p>
          <FieldMessage id={COMMENT} errors={errors} />
          <textarea
            id={COMMENT}
            dir="auto"
            rows={4}
            value={comment}
            aria-describedby={describedBy(COMMENT, errors, `${COMMENT}-hint`)}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t('regional.submission.comment_submit')}
        </button>
      </form>

      {props.latest && !s.returned && (
        <form onSubmit={askReturn} noValidate className="submission-return">
          <div className={`field${invalid(REASON)}`}>
            <h3>
              <label htmlFor={REASON}>{t('regional.submission.return_title')}</label>
            </h3>
            <p className="hint" id={`${REASON}-hint`}>
              {t('regional.submission.return_hint')}
            </p>
            <FieldMessage id={REASON} errors={errors} />
            <textarea
              id={REASON}
              dir="auto"
              rows={4}
              value={reason}
              readOnly={confirming}
              aria-describedby={describedBy(REASON, errors, `${REASON}-hint`)}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          {confirming ? (
            <div className="confirm">
              <p role="alert">{t('regional.submission.return_confirm', { country: props.countryName })}</p>
              <div className="button-group">
                <button
                  type="button"
                  id="submission-return-confirm"
                  className="button button-warning"
                  disabled={busy}
                  onClick={() => void confirmReturn()}
                >
                  {t('regional.submission.return_yes')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="submit" className="button button-secondary" disabled={busy}>
              {t('regional.submission.return_submit')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
