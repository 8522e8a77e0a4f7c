import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { localText, useLocale } from '../../lib/i18n.js';
import type { CycleInfo } from '../../lib/types.js';
import { useApi } from '../../lib/query.js';
import { CycleState } from './cycle-state-tag.js';
import { cyclePath } from './regional.js';
import { TrackingTable } from './tracking-table.js';

const LATE = { accept: 'regional.cycle.late_accept', refuse: 'regional.cycle.late_refuse' } as const;

/** A cycle for its secretariat: its settings, then where each participating country stands. */
export function CyclePage({ cycle: id }: { cycle: string }) {
  const { t, date, dateTime, language } = useLocale();
  const cycle = useApi<CycleInfo>(`/cycles/${encodeURIComponent(id)}`);
  if (cycle.error) return <LoadError error={cycle.error} />;
  if (!cycle.data) return <Loading />;
  const c = cycle.data;
  const settings = c.settings;
  return (
    <Page
      title={localText(c.title, language) || c.id}
      caption={<Link to="/region">{t('regional.cycle.back_home')}</Link>}
    >
      {c.synthetic && <SyntheticLabel />}
      <section aria-labelledby="cycle-settings">
        <h2 id="cycle-settings">{t('regional.cycle.settings')}</h2>
        <dl className="summary">
          <div>
            <dt>{t('regional.cycle.state')}</dt>
            <dd>
              <CycleState state={c.state} />
            </dd>
          </div>
          <div>
            <dt>{t('regional.cycle.id')}</dt>
            <dd dir="ltr">{c.id}</dd>
          </div>
          <div>
            <dt>{t('regional.cycle.questionnaire')}</dt>
            <dd>
              {/* The version's page: its sections and questions, whether it is frozen. */}
              <Link to={`/questionnaires/${c.questionnaire.id}/${c.questionnaire.version}`}>
                <bdi dir="ltr">{c.questionnaire.id}</bdi>{' '}
                {t('regional.cycle.version', { version: c.questionnaire.version })}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('regional.cycle.languages')}</dt>
            {/* Arabic separates a list with its own comma. */}
            <dd>{c.languages.map((l) => t(`language.${l}`)).join(language === 'ar' ? '، ' : ', ')}</dd>
          </div>
          <div>
            <dt>{t('regional.cycle.opens_on')}</dt>
            <dd>{c.opensOn ? date(c.opensOn) : t('regional.cycle.no_date')}</dd>
          </div>
          <div>
            <dt>{t('regional.cycle.due_on')}</dt>
            <dd>{c.dueOn ? date(c.dueOn) : t('regional.cycle.no_date')}</dd>
          </div>
          {settings && (
            <div>
              <dt>{t('regional.cycle.countries')}</dt>
              <dd>{settings.countries.length}</dd>
            </div>
          )}
          {settings?.lateSubmissions && (
            <div>
              <dt>{t('regional.cycle.late')}</dt>
              <dd>{t(LATE[settings.lateSubmissions])}</dd>
            </div>
          )}
          {settings && (
            <div>
              <dt>{t('regional.cycle.updated')}</dt>
              <dd>{dateTime(settings.updatedAt)}</dd>
            </div>
          )}
        </dl>
        {settings && (
          <p>
            <Link to={`${cyclePath(c.id)}/edit`} className="button button-secondary">
              {t('regional.cycle.edit')}
            </Link>
          </p>
        )}
        <p>
          <Link to={`${cyclePath(c.id)}/questions`} className="button button-secondary">
            {t('sidebyside.compare')}
          </Link>
        </p>
        <p>
          <Link to={`${cyclePath(c.id)}/codes`} className="button button-secondary">
            {t('coding.open')}
          </Link>
        </p>
        <p>
          <Link to={`${cyclePath(c.id)}/figures`} className="button button-secondary">
            {t('figures.open')}
          </Link>
        </p>
        {settings && (
          <p>
            <Link to={`${cyclePath(c.id)}/syntheses`} className="button button-secondary">
              {t('synthesis.open')}
            </Link>
          </p>
        )}
        {settings && (
          <p>
            <Link to={`${cyclePath(c.id)}/changes`} className="button button-secondary">
              {t('changes.open')}
            </Link>
          </p>
        )}
      </section>
      <TrackingTable cycle={c} />
    </Page>
  );
}
