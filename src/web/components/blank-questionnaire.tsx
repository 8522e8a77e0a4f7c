import { API } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';

/**
 * On a review's dashboard, for whoever answers (issue 15, item 3): the cycle's blank
 * questionnaire in Word, in the reader's language, to fill offline and import back.
 */
export function BlankQuestionnaireLink({ cycle }: { cycle: string }) {
  const { t, language } = useLocale();
  return (
    <p>
      <a
        id="blank-questionnaire"
        className="button button-secondary"
        href={`${API}/cycles/${encodeURIComponent(cycle)}/questionnaire.docx?lang=${language}`}
        download
      >
        {t('blank.download')}
      </a>{' '}
      <span className="muted">{t('blank.hint')}</span>
    </p>
  );
}
