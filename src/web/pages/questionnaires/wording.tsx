import { useState } from 'react';
import { ErrorSummary, errorsOf, type FieldError } from '../../components/form.js';
import { put } from '../../lib/api.js';
import { LANGUAGES, useLocale } from '../../lib/i18n.js';
import { useApiMutation } from '../../lib/query.js';
import type { Questionnaire } from '../../lib/types.js';
import { apiVersion, LIST_PATH, MARK_KEYS, NAME_KEYS } from './shared.js';

type Language = (typeof LANGUAGES)[number];

/**
 * Each language's wording, official (the secretariat distributed it) or Pacte's unofficial
 * translation; where the version may change, one button per language, after a confirmation
 * that says every section and question in that language changes with it.
 */
export function WordingStatuses({ questionnaire, editable }: { questionnaire: Questionnaire; editable: boolean }) {
  const { t } = useLocale();
  const [confirming, setConfirming] = useState<Language | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  const marking = useApiMutation(
    ({ lang, status }: { lang: Language; status: 'official' | 'unofficial' }) =>
      put<Questionnaire>(`${apiVersion(questionnaire.id, questionnaire.version)}/wording/${lang}`, { status }),
    [LIST_PATH],
  );
  const statusOf = (lang: Language) => questionnaire.wordingStatus?.[lang] ?? 'unofficial';
  const mark = async (lang: Language) => {
    const status = statusOf(lang) === 'official' ? 'unofficial' : 'official';
    try {
      await marking.mutateAsync({ lang, status });
      setErrors([]);
      setConfirming(null);
      setDone(
        t(status === 'official' ? 'questionnaires.wording.done_official' : 'questionnaires.wording.done_unofficial', {
          name: t(NAME_KEYS[lang]),
        }),
      );
    } catch (failure) {
      setErrors(errorsOf(failure, `wording-${lang}`));
    }
  };
  return (
    <section aria-labelledby="wording-title" className="questionnaire-wording">
      <h2 id="wording-title">{t('questionnaires.wording.title')}</h2>
      <p className="hint">{t('questionnaires.wording.hint')}</p>
      <ErrorSummary errors={errors} />
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ul className="wording-list">
        {LANGUAGES.map((lang) => {
          const official = statusOf(lang) === 'official';
          const action = t(MARK_KEYS[lang][official ? 1 : 0]);
          return (
            <li key={lang}>
              <span>
                <strong>{t(NAME_KEYS[lang])}</strong> —{' '}
                {official ? t('questionnaires.wording.official') : t('questionnaires.wording.unofficial')}
              </span>
              {editable && confirming !== lang && (
                <button
                  type="button"
                  id={`wording-${lang}`}
                  className="button button-secondary button-small"
                  onClick={() => {
                    setDone('');
                    setConfirming(lang);
                  }}
                >
                  {action}
                </button>
              )}
              {editable && confirming === lang && (
                <div className="confirm" role="group" aria-labelledby={`wording-${lang}-confirm`}>
                  <p id={`wording-${lang}-confirm`}>
                    {t(
                      official
                        ? 'questionnaires.wording.confirm_unofficial'
                        : 'questionnaires.wording.confirm_official',
                    )}
                  </p>
                  <div className="button-row">
                    <button
                      type="button"
                      id={`wording-${lang}`}
                      className="button"
                      disabled={marking.isPending}
                      onClick={() => void mark(lang)}
                    >
                      {action}
                    </button>
                    <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
