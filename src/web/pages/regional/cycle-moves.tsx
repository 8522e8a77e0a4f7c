import { useState } from 'react';
import { errorsOf, Form, RadioGroup, type FieldError } from '../../components/form.js';
import { post } from '../../lib/api.js';
import { useLocale } from '../../lib/i18n.js';
import { useApiMutation } from '../../lib/query.js';
import type { CycleInfo } from '../../lib/types.js';
import { CycleState } from './cycle-state-tag.js';

/**
 * A cycle's state moves: planned → open → closed → open (docs/regional.md). Closing asks what
 * happens to a review submitted afterwards, with no answer chosen in advance: the secretariat
 * decides each time (the API refuses a close without it).
 */
export function CycleMoves({ cycle }: { cycle: CycleInfo }) {
  const { t } = useLocale();
  const [late, setLate] = useState<'' | 'accept' | 'refuse'>('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const to = cycle.state === 'open' ? 'closed' : 'open';
  // A cycle's state: its pages and the region's home (/cycles…), the tracking, and the reviews
  // and to-do lists of its countries (whether they may still submit).
  const moving = useApiMutation(
    () => post(`/cycles/${encodeURIComponent(cycle.id)}/state`, to === 'closed' ? { to, late } : { to }),
    ['/cycles', '/reviews', '/tasks'],
  );

  const move = async () => {
    if (to === 'closed' && !late) {
      setErrors([{ field: 'cycle-late-accept', message: t('regional.cycle_form.late_required') }]);
      return;
    }
    try {
      await moving.mutateAsync();
      setErrors([]);
    } catch (failure) {
      setErrors(errorsOf(failure, to === 'closed' ? 'cycle-late-accept' : 'cycle-move'));
    }
  };

  return (
    <section aria-labelledby="cycle-state-title">
      <h2 id="cycle-state-title">{t('regional.cycle_form.state_title')}</h2>
      <p>
        {t('regional.cycle_form.state_now')} <CycleState state={cycle.state} />
      </p>
      <Form errors={errors} onSubmit={move}>
        {cycle.state === 'planned' && <p>{t('regional.cycle_form.open_explained')}</p>}
        {cycle.state === 'closed' && <p>{t('regional.cycle_form.reopen_explained')}</p>}
        {cycle.state === 'open' && (
          <RadioGroup
            id="cycle-late"
            label={t('regional.cycle_form.late_question')}
            hint={t('regional.cycle_form.close_explained')}
            errors={errors}
            value={late}
            onChange={(value) => setLate(value as 'accept' | 'refuse')}
            options={[
              {
                value: 'accept',
                label: t('regional.cycle_form.late_accept'),
                hint: t('regional.cycle_form.late_accept_hint'),
              },
              {
                value: 'refuse',
                label: t('regional.cycle_form.late_refuse'),
                hint: t('regional.cycle_form.late_refuse_hint'),
              },
            ]}
          />
        )}
        <button type="submit" id="cycle-move" className="button" disabled={moving.isPending}>
          {cycle.state === 'planned'
            ? t('regional.cycle_form.open')
            : cycle.state === 'open'
              ? t('regional.cycle_form.close')
              : t('regional.cycle_form.reopen')}
        </button>
      </Form>
    </section>
  );
}
