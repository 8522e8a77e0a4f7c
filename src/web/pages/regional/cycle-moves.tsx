import { useState, type FormEvent } from 'react';
import { ErrorSummary, FieldMessage, type FieldError } from '../../components/error-summary.js';
import { messageOf } from '../../components/moves.js';
import { post } from '../../lib/api.js';
import { useLocale } from '../../lib/i18n.js';
import type { CycleInfo } from '../../lib/types.js';
import { CycleState } from './cycle-state-tag.js';

/**
 * A cycle's state moves: planned → open → closed → open (docs/regional.md). Closing asks what
 * happens to a review submitted afterwards, with no answer chosen in advance: the secretariat
 * decides each time (the API refuses a close without it).
 */
export function CycleMoves({ cycle, onMoved }: { cycle: CycleInfo; onMoved: () => void }) {
  const { t } = useLocale();
  const [late, setLate] = useState<'' | 'accept' | 'refuse'>('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const to = cycle.state === 'open' ? 'closed' : 'open';

  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (to === 'closed' && !late) {
      setErrors([{ field: 'cycle-late-accept', message: t('regional.cycle_form.late_required') }]);
      return;
    }
    setBusy(true);
    try {
      await post(`/cycles/${encodeURIComponent(cycle.id)}/state`, to === 'closed' ? { to, late } : { to });
      setErrors([]);
      onMoved();
    } catch (failure) {
      setErrors([{ field: to === 'closed' ? 'cycle-late-accept' : 'cycle-move', message: messageOf(failure) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="cycle-state-title">
      <h2 id="cycle-state-title">{t('regional.cycle_form.state_title')}</h2>
      <p>
        {t('regional.cycle_form.state_now')} <CycleState state={cycle.state} />
      </p>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void move(e)} noValidate>
        {cycle.state === 'planned' && <p>{t('regional.cycle_form.open_explained')}</p>}
        {cycle.state === 'closed' && <p>{t('regional.cycle_form.reopen_explained')}</p>}
        {cycle.state === 'open' && (
          <fieldset className={errors.length ? 'field-error' : undefined}>
            <legend>{t('regional.cycle_form.late_question')}</legend>
            <p className="hint">{t('regional.cycle_form.close_explained')}</p>
            <FieldMessage id="cycle-late-accept" errors={errors} />
            <div className="checkbox">
              <input
                id="cycle-late-accept"
                type="radio"
                name="late"
                checked={late === 'accept'}
                aria-describedby="cycle-late-accept-hint"
                onChange={() => setLate('accept')}
              />
              <div>
                <label htmlFor="cycle-late-accept">{t('regional.cycle_form.late_accept')}</label>
                <p className="hint" id="cycle-late-accept-hint">
                  {t('regional.cycle_form.late_accept_hint')}
                </p>
              </div>
            </div>
            <div className="checkbox">
              <input
                id="cycle-late-refuse"
                type="radio"
                name="late"
                checked={late === 'refuse'}
                aria-describedby="cycle-late-refuse-hint"
                onChange={() => setLate('refuse')}
              />
              <div>
                <label htmlFor="cycle-late-refuse">{t('regional.cycle_form.late_refuse')}</label>
                <p className="hint" id="cycle-late-refuse-hint">
                  {t('regional.cycle_form.late_refuse_hint')}
                </p>
              </div>
            </div>
          </fieldset>
        )}
        <button type="submit" id="cycle-move" className="button" disabled={busy}>
          {cycle.state === 'planned'
            ? t('regional.cycle_form.open')
            : cycle.state === 'open'
              ? t('regional.cycle_form.close')
              : t('regional.cycle_form.reopen')}
        </button>
      </form>
    </section>
  );
}
