import { useEffect, useRef, useState } from 'react';
import { ErrorSummary, errorsOf, type FieldError } from '../../components/form.js';
import { get, post } from '../../lib/api.js';
import { useLocale } from '../../lib/i18n.js';
import { useApiMutation } from '../../lib/query.js';
import type { Reminders as Sent, Tracking } from '../../lib/types.js';

/** Whom a reminder goes to: the countries ticked in the table, or every late one. */
type Pending = { late: true; countries: string[] } | { late: false; countries: string[] };

/**
 * Reminders of the due date to the focal points of the ticked countries, or of every late
 * country (as the API decides who is late, whatever the table shows now). One step to confirm,
 * saying to how many countries and how it reaches them; then what was done, in numbers.
 */
export function Reminders(props: {
  cycle: string;
  picked: string[];
  names: Record<string, string>;
  onSent: () => void;
}) {
  const { t } = useLocale();
  const [pending, setPending] = useState<Pending | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<Sent | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const base = `/cycles/${encodeURIComponent(props.cycle)}`;
  const firstBox = props.picked[0] ?? Object.keys(props.names)[0] ?? '';
  // A reminder: the cycle's tracking (who was reminded when) and the focal points' notifications.
  const sending = useApiMutation(
    (body: { late: true } | { countries: string[] }) => post<Sent>(`${base}/reminders`, body),
    [base, '/notifications'],
  );

  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const askSelected = () => {
    setDone(null);
    if (props.picked.length === 0) {
      setErrors([{ field: `pick-${firstBox}`, message: t('regional.tracking.pick_first') }]);
      return;
    }
    setErrors([]);
    setPending({ late: false, countries: props.picked });
  };
  const askLate = async () => {
    setDone(null);
    setErrors([]);
    try {
      const late = await get<Tracking>(`${base}/tracking?overdue=true`);
      setPending({ late: true, countries: late.countries.map((c) => c.country) });
    } catch (failure) {
      setErrors(errorsOf(failure, 'remind-late'));
    }
  };
  const send = async () => {
    if (!pending) return;
    try {
      setDone(await sending.mutateAsync(pending.late ? { late: true } : { countries: pending.countries }));
      setPending(null);
      props.onSent();
    } catch (failure) {
      setErrors(errorsOf(failure, 'remind-send'));
    }
  };

  return (
    <section aria-labelledby="reminders-title" className="reminders">
      <h3 id="reminders-title">{t('regional.tracking.reminders')}</h3>
      <p className="hint">{t('regional.tracking.reminders_hint')}</p>
      <ErrorSummary errors={errors} />
      {done && (
        <div className="notice" role="status" tabIndex={-1} ref={doneRef} id="reminders-done">
          <p>{t('regional.tracking.reminded', { people: done.reminded, countries: done.countries.length })}</p>
          <p>{t('regional.tracking.mailed', { mailed: done.mailed })}</p>
        </div>
      )}
      {pending ? (
        <div className="confirm" tabIndex={-1} ref={confirmRef} aria-labelledby="reminders-confirm" role="group">
          <h4 id="reminders-confirm">
            {pending.countries.length === 0
              ? t('regional.tracking.none_late')
              : pending.late
                ? t('regional.tracking.confirm_late', { count: pending.countries.length })
                : t('regional.tracking.confirm_selected', { count: pending.countries.length })}
          </h4>
          {pending.countries.length > 0 && (
            <p dir="auto">{pending.countries.map((c) => props.names[c] ?? c).join(', ')}</p>
          )}
          {pending.countries.length > 0 && <p>{t('regional.tracking.confirm_how')}</p>}
          <div className="button-group">
            {pending.countries.length > 0 && (
              <button
                type="button"
                id="remind-send"
                className="button"
                disabled={sending.isPending}
                onClick={() => void send()}
              >
                {t('regional.tracking.send')}
              </button>
            )}
            <button type="button" className="button button-secondary" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-group">
          <button type="button" id="remind-selected" className="button" onClick={askSelected}>
            {t('regional.tracking.remind_selected', { count: props.picked.length })}
          </button>
          <button type="button" id="remind-late" className="button button-secondary" onClick={() => void askLate()}>
            {t('regional.tracking.remind_late')}
          </button>
        </div>
      )}
    </section>
  );
}
