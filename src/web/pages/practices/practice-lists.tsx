import { useSearchParams } from 'react-router';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi } from '../../lib/query.js';
import { focalCountries, useSession } from '../../lib/session.js';
import type { Practice, PracticeState, Practices } from '../../lib/types.js';
import { secretariatRegions } from '../regional/regional.js';
import { PracticeStateTag } from './practice-view.js';

/** The practices as rows: title (to its page), countries, state, and the secretariat's comment when returned. */
function PracticeRows({ list }: { list: Practice[] }) {
  const { t, language, date } = useLocale();
  if (list.length === 0) return <p className="muted">{t('practices.app.none')}</p>;
  return (
    <ul className="practice-rows">
      {list.map((p) => (
        <li key={p.id} className="practice-row">
          <p className="practice-row-title">
            <Link to={`/practices/${p.id}`} lang={p.language} dir="auto">
              {p.title}
            </Link>{' '}
            {p.synthetic && <SyntheticLabel inline />}
          </p>
          <p className="muted">
            <PracticeStateTag state={p.state} />{' '}
            {p.countries.map((c) => localText(c.name, language) || c.code).join(' · ')} — {date(p.updatedAt)}
          </p>
          {p.state === 'returned' && p.returnComment && (
            <p className="practice-row-comment">
              {t('practices.app.comment')} : <q dir="auto">{p.returnComment}</q>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A focal point's practices of its country (`/practices/country/:country`), with « Proposer une pratique ». */
export function CountryPracticesPage({ country }: { country: string }) {
  const { t } = useLocale();
  const [params] = useSearchParams();
  const cycle = params.get('cycle');
  const practices = useApi<Practices>(`/practices?country=${encodeURIComponent(country)}`);
  if (practices.error) return <LoadError error={practices.error} />;
  if (!practices.data) return <Loading />;
  const own = practices.data.practices.filter((p) => p.country === country);
  return (
    <Page title={t('practices.country.title')}>
      <p className="lead">{t('practices.country.intro')}</p>
      {cycle && (
        <p>
          <Link className="button" to={`/practices/new/${country}/${cycle}`}>
            {t('practices.country.propose')}
          </Link>
        </p>
      )}
      <PracticeRows list={own} />
    </Page>
  );
}

const QUEUE: PracticeState[] = ['proposed', 'in_review', 'returned', 'published'];

/** The secretariat's « Pratiques » (`/region/practices`): its region's practices, a queue by state. */
export function RegionPracticesPage() {
  const { t } = useLocale();
  const { session } = useSession();
  const regions = secretariatRegions(session);
  const region = regions?.[0];
  const practices = useApi<Practices>(`/practices${region ? `?region=${encodeURIComponent(region)}` : ''}`);
  if (practices.error) return <LoadError error={practices.error} />;
  if (!practices.data) return <Loading />;
  const list = practices.data.practices;
  return (
    <Page title={t('practices.region.title')} caption={<Link to="/region">{t('regional.cycle.back_home')}</Link>}>
      <p className="lead">{t('practices.region.intro')}</p>
      {QUEUE.map((state) => {
        const inState = list.filter((p) => p.state === state);
        return (
          <section key={state} aria-labelledby={`practices-${state}`}>
            <h2 id={`practices-${state}`}>{t(`practices.region.queue.${state}`, { count: inState.length })}</h2>
            <PracticeRows list={inState} />
          </section>
        );
      })}
    </Page>
  );
}

/** On the focal point's review page: its country's practices, and proposing one in this cycle. */
export function PracticesLink({ country, cycle }: { country: string; cycle: string }) {
  const { t } = useLocale();
  const { session } = useSession();
  const focal = focalCountries(session);
  if (focal !== null && !focal.includes(country)) return null;
  return (
    <p className="practices-link">
      <Link to={`/practices/country/${encodeURIComponent(country)}?cycle=${encodeURIComponent(cycle)}`}>
        {t('practices.country.link')}
      </Link>
    </p>
  );
}
