import type { Language } from '../../../domain/language.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { reviewPath } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi } from '../../lib/query.js';
import type { Session, TranslationWork } from '../../lib/types.js';

// Keys written out, so that the catalogue test finds each of them used.
const WRITTEN_IN: Record<Language, string> = {
  fr: 'translation.home_written_in_fr',
  en: 'translation.home_written_in_en',
  ar: 'translation.home_written_in_ar',
};
const MISSING: Record<Language, string> = {
  fr: 'translation.home_missing_fr',
  en: 'translation.home_missing_en',
  ar: 'translation.home_missing_ar',
};

/** Whether a person only translates: their home is what is left to translate. */
export function translatorFirst(session: Session | null): boolean {
  const grants = session?.grants ?? [];
  return grants.length > 0 && grants.every((g) => g.role === 'translator');
}

/**
 * A translator's home (and a secretariat's view of the same, at /translations): the latest
 * submission of each country to the open cycles of its region, with how many answers still
 * lack an up-to-date translation into each other language of the cycle, each opening the
 * submission where the answers are translated.
 */
export function TranslatorHomePage() {
  const { t, number, language } = useLocale();
  const work = useApi<TranslationWork>('/translations/work');
  if (work.error) return <LoadError error={work.error} />;
  if (!work.data) return <Loading />;
  return (
    <Page title={t('translation.home_title')}>
      <p className="lead">{t('translation.home_intro')}</p>
      {work.data.work.length === 0 ? (
        <p className="muted">{t('translation.home_empty')}</p>
      ) : (
        <ul className="translation-work">
          {work.data.work.map((item) => (
            <li key={`${item.cycle}/${item.country}`}>
              <p className="translation-work-title">
                <Link to={`${reviewPath(item.country, item.cycle)}/submissions/${item.number}`}>
                  {t('translation.home_item', {
                    country: localText(item.countryName, language) || item.country,
                    number: number(item.number),
                  })}
                </Link>
                {item.synthetic && (
                  <>
                    {' '}
                    <SyntheticLabel inline />
                  </>
                )}
              </p>
              <p className="muted">
                {localText(item.cycleTitle, language) || item.cycle} · {t(WRITTEN_IN[item.answerLanguage])}
              </p>
              <ul className="translation-missing">
                {item.missing.map((m) => (
                  <li key={m.language}>{t(MISSING[m.language], { count: m.questions })}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
