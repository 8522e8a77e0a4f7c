import { useEffect, useState } from 'react';
import { describedBy, FieldMessage } from '../../components/error-summary.js';
import { ErrorSummary, errorsOf, TextArea, type FieldError } from '../../components/form.js';
import { post } from '../../lib/api.js';
import { isolate } from '../../lib/bidi.js';
import { useLocale } from '../../lib/i18n.js';
import { useApiMutation } from '../../lib/query.js';
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
  /** What an action changes: the review's pages (its state, its submissions), the tracking… */
  queries: string[];
  onDone: (message: string) => void;
}) {
  const { t, dateTime } = useLocale();
  const s = props.submission;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const write = useApiMutation((run: () => Promise<unknown>) => run(), props.queries);
  const busy = write.isPending;
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  // The confirmation takes the focus: a keyboard or screen-reader user lands on the question.
  useEffect(() => {
    if (confirming) document.getElementById('submission-return-confirm')?.focus();
  }, [confirming]);

  const act = async (field: string, run: () => Promise<unknown>, message: string) => {
    try {
      await write.mutateAsync(run);
      setErrors([]);
      props.onDone(message);
      return true;
    } catch (error) {
      setErrors(errorsOf(error, field));
      return false;
    }
  };

  const acknowledge = () =>
    void act(ACKNOWLEDGE, () => post(`${props.path}/acknowledgement`), t('regional.submission.acknowledged_done'));

  const sendComment = async () => {
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

  const askReturn = () => {
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
            by: isolate(s.acknowledged.byName || s.acknowledged.by),
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

      <form
        onSubmit={(e) => {
          e.preventDefault();
          void sendComment();
        }}
        noValidate
      >
        <TextArea
          id={COMMENT}
          labelAs="h3"
          label={t('regional.submission.comment_title')}
          hint={t('regional.submission.comment_hint')}
          errors={errors}
          value={comment}
          onChange={setComment}
        />
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t('regional.submission.comment_submit')}
        </button>
      </form>

      {props.latest && !s.returned && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            askReturn();
          }}
          noValidate
          className="submission-return"
        >
          <TextArea
            id={REASON}
            labelAs="h3"
            label={t('regional.submission.return_title')}
            hint={t('regional.submission.return_hint')}
            errors={errors}
            value={reason}
            readOnly={confirming}
            onChange={setReason}
          />
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
