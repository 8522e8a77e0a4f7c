import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi } from '../../lib/query.js';
import type { QuestionnaireVersion, QuestionnaireVersions } from '../../lib/types.js';
import { KIND_OF_VERSION_KEYS, kindOfVersion, LIST_PATH, versionPath } from './shared.js';

/** A version's status in words (never colour alone). */
export function VersionTag({ version }: { version: Pick<QuestionnaireVersion, 'region' | 'example' | 'frozen'> }) {
  const { t } = useLocale();
  const kind = kindOfVersion(version);
  return <strong className={`tag tag-questionnaire-${kind}`}>{t(KIND_OF_VERSION_KEYS[kind][0])}</strong>;
}

/** `/questionnaires`: the versions the secretariat may use, copy or edit, newest first per questionnaire. */
export function QuestionnairesPage() {
  const { t, language } = useLocale();
  const list = useApi<QuestionnaireVersions>(LIST_PATH);
  if (list.error) return <LoadError error={list.error} />;
  if (!list.data) return <Loading />;
  return (
    <Page title={t('questionnaires.title')}>
      <p>{t('questionnaires.intro')}</p>
      <ul className="questionnaire-list">
        {list.data.versions.map((v) => (
          <li key={`${v.id}@${v.version}`} className="questionnaire-row">
            <h2>
              <Link to={versionPath(v.id, v.version)}>{localText(v.title, language)}</Link>
            </h2>
            <p className="questionnaire-meta">
              <span dir="ltr">{v.id}</span> · {t('questionnaires.version_n', { version: v.version })} ·{' '}
              {t('questionnaires.questions_count', { count: v.questions })} <VersionTag version={v} />
            </p>
            {v.cycles.length > 0 && (
              <p className="questionnaire-meta">
                {t('questionnaires.used_by', { cycles: v.cycles.map((c) => localText(c.title, language)).join(', ') })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
