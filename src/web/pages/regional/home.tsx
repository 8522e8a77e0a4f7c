import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { hasRole, useSession } from '../../lib/session.js';
import type { CycleInfo, Cycles, Tracking } from '../../lib/types.js';
import { useApi } from '../../lib/query.js';
import { CycleState } from './cycle-state-tag.js';
import { cycleOrder, cyclePath, secretariatRegions, shows } from './regional.js';

/**
 * The secretariat's home: the cycles of its region(s), open ones first, each with what needs
 * attention (new submissions, late countries, returned reviews) as counts that open the
 * tracking table on those countries, and the links to what it can do.
 */
export function RegionalHomePage() {
  const { t } = useLocale();
  const { session } = useSession();
  const cycles = useApi<Cycles>('/cycles');
  if (cycles.error) return <LoadError error={cycles.error} />;
  if (!cycles.data) return <Loading />;
  const regions = secretariatRegions(session);
  // `settings` comes only with the cycles the person runs (their secretariat's, or all for an admin).
  const mine = cycles.data.cycles
    .filter((c) => c.settings && (regions === null || regions.includes(c.region)))
    .sort(cycleOrder);
  const others = hasRole(session, 'focal_point', 'validator', 'contributor', 'stakeholder');
  return (
    <Page title={t('regional.home.title')}>
      <p className="lead">{t('regional.home.intro')}</p>
      <ul className="button-group regional-actions">
        <li>
          <Link to="/cycles/new" className="button">
            {t('regional.home.create_cycle')}
          </Link>
        </li>
        <li>
          <Link to="/people" className="button button-secondary">
            {t('regional.home.people')}
          </Link>
        </li>
        {[...new Set(mine.map((c) => c.region))].map((region) => (
          <li key={region}>
            <Link to={`/regions/${encodeURIComponent(region)}/groups`} className="button button-secondary">
              {t('groups.link', { region })}
            </Link>
          </li>
        ))}
        <li>
          <Link to="/region/practices" className="button button-secondary">
            {t('practices.link')}
          </Link>
        </li>
        {others && (
          <li>
            <Link to="/tasks" className="button button-secondary">
              {t('regional.home.my_tasks')}
            </Link>
          </li>
        )}
      </ul>
      {mine.length === 0 ? (
        <p className="muted">{t('regional.home.no_cycles')}</p>
      ) : (
        mine.map((cycle) => <CycleSummary key={cycle.id} cycle={cycle} />)
      )}
    </Page>
  );
}

function CycleSummary({ cycle }: { cycle: CycleInfo }) {
  const { t, date, language } = useLocale();
  const tracking = useApi<Tracking>(`/cycles/${encodeURIComponent(cycle.id)}/tracking`);
  const heading = `cycle-${cycle.id}`;
  const rows = tracking.data?.countries ?? [];
  const count = (show: 'unacknowledged' | 'overdue' | 'returned') => rows.filter((r) => shows(r, show)).length;
  const attention = [
    { show: 'unacknowledged', count: count('unacknowledged'), text: 'regional.home.unacknowledged' },
    { show: 'overdue', count: count('overdue'), text: 'regional.home.overdue' },
    { show: 'returned', count: count('returned'), text: 'regional.home.returned' },
  ] as const;
  return (
    <section className="cycle-summary" aria-labelledby={heading}>
      <h2 id={heading}>
        <Link to={cyclePath(cycle.id)}>{localText(cycle.title, language) || cycle.id}</Link>
      </h2>
      <p className="cycle-meta">
        <CycleState state={cycle.state} /> <span dir="ltr">{cycle.id}</span>
        {cycle.synthetic && (
          <>
            {' '}
            <SyntheticLabel inline />
          </>
        )}
      </p>
      <dl className="summary cycle-dates">
        <div>
          <dt>{t('regional.cycle.opens_on')}</dt>
          <dd>{cycle.opensOn ? date(cycle.opensOn) : t('regional.cycle.no_date')}</dd>
        </div>
        <div>
          <dt>{t('regional.cycle.due_on')}</dt>
          <dd>{cycle.dueOn ? date(cycle.dueOn) : t('regional.cycle.no_date')}</dd>
        </div>
        <div>
          <dt>{t('regional.cycle.countries')}</dt>
          <dd>{cycle.settings?.countries.length ?? 0}</dd>
        </div>
      </dl>
      <h3 id={`${heading}-attention`}>{t('regional.home.attention')}</h3>
      {tracking.error ? (
        <p className="notice" role="alert">
          {tracking.error.message}
        </p>
      ) : !tracking.data ? (
        <Loading />
      ) : attention.every((a) => a.count === 0) ? (
        <p className="muted">{t('regional.home.nothing')}</p>
      ) : (
        <ul className="attention-list" aria-labelledby={`${heading}-attention`}>
          {attention
            .filter((a) => a.count > 0)
            .map((a) => (
              <li key={a.show} data-attention={a.show}>
                <Link to={cyclePath(cycle.id, a.show === 'overdue' ? { overdue: 'true' } : { show: a.show })}>
                  {t(a.text, { count: a.count })}
                </Link>
              </li>
            ))}
        </ul>
      )}
      <ul className="link-list">
        <li>
          <Link to={cyclePath(cycle.id)}>{t('regional.home.tracking')}</Link>
        </li>
        <li>
          <Link to={cyclePath(cycle.id, { show: 'submitted' })}>{t('regional.home.submissions')}</Link>
        </li>
        <li>
          <Link to={`${cyclePath(cycle.id)}/questions`}>{t('sidebyside.compare')}</Link>
        </li>
        <li>
          <Link to={`${cyclePath(cycle.id)}/edit`}>{t('regional.home.edit_cycle')}</Link>
        </li>
      </ul>
    </section>
  );
}
