import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { API } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useApi } from '../../lib/query.js';
import type { CycleInfo, Cycles, RegionChange } from '../../lib/types.js';
import { cyclePath } from '../regional/regional.js';
import { countryChangesPath, earlierCycle } from './country-changes.js';

type Row = RegionChange['countries'][number];
type Sort = 'country' | 'questions' | 'figures' | 'objectives' | 'codes';

const figures = (r: Row) => r.counts.figuresChanged + r.counts.figuresNew + r.counts.figuresDropped;
const objectives = (r: Row) => r.counts.objectivesAdded + r.counts.objectivesDropped;
const questions = (r: Row) => r.counts.questionsChanged + r.counts.questionsOnlyEarlier + r.counts.questionsOnlyLater;
/** Most changes first for a count; the country's name in the reader's alphabet otherwise. */
const KEYS: Record<Exclude<Sort, 'country'>, (r: Row) => number> = {
  questions,
  figures,
  objectives,
  codes: (r) => r.codes.length,
};

/**
 * `/cycles/:cycle/changes?from=`: for the cycle's secretariat, each country's change since an
 * earlier cycle of the region (by default the one that opened last before it): questions, figures
 * and objectives that changed, and the coded values it changed; sortable by each column (the
 * buttons in the headers), each country a link to its own change. CSV of the same rows.
 */
export function RegionChangesPage({ cycle }: { cycle: string }) {
  const { t, language, number } = useLocale();
  const [query] = useSearchParams();
  const [sort, setSort] = useState<Sort>('country');
  const info = useApi<CycleInfo>(cyclePath(cycle));
  const cycles = useApi<Cycles>('/cycles');
  const from = query.get('from') ?? (cycles.data ? earlierCycle(cycles.data.cycles, cycle)?.id : undefined);
  const change = useApi<RegionChange>(from ? `${cyclePath(cycle)}/changes?from=${encodeURIComponent(from)}` : null);
  const error = info.error ?? cycles.error ?? change.error;
  if (error) return <LoadError error={error} />;
  if (!info.data || !cycles.data) return <Loading />;
  const title = localText(info.data.title, language) || cycle;
  const page = (body: ReactNode) => (
    <Page title={t('changes.region.title')} caption={<Link to={cyclePath(cycle)}>{title}</Link>}>
      {info.data?.synthetic && <SyntheticLabel />}
      {body}
    </Page>
  );
  if (!from) return page(<p className="notice">{t('changes.region.no_earlier')}</p>);
  if (!change.data) return <Loading />;
  const earlier = cycles.data.cycles.find((c) => c.id === from);
  const name = (r: { country: string; countryName: Row['countryName'] }) =>
    localText(r.countryName, language) || r.country;
  const collator = new Intl.Collator(language);
  const rows = [...change.data.countries].sort((a, b) =>
    sort === 'country'
      ? collator.compare(name(a), name(b))
      : KEYS[sort](b) - KEYS[sort](a) || collator.compare(name(a), name(b)),
  );
  const header = (column: Sort, label: string) => (
    <th scope="col" aria-sort={sort === column ? (column === 'country' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="changes-sort" onClick={() => setSort(column)}>
        {label}
      </button>
    </th>
  );
  return page(
    <>
      <p>
        {t('changes.region.intro', {
          from: (earlier && localText(earlier.title, language)) || from,
          to: title,
        })}
      </p>
      <p>
        <a
          id="changes-csv"
          href={`${API}/cycles/${encodeURIComponent(cycle)}/changes.csv?from=${encodeURIComponent(from)}`}
        >
          {t('changes.region.csv')}
        </a>
      </p>
      <p role="status">{t('changes.region.count', { count: rows.length })}</p>
      <div className="table-wrap">
        <table className="changes-table">
          <caption className="visually-hidden">{t('changes.region.title')}</caption>
          <thead>
            <tr>
              {header('country', t('changes.region.country'))}
              {header('questions', t('changes.region.questions'))}
              {header('figures', t('changes.region.figures'))}
              {header('objectives', t('changes.region.objectives'))}
              {header('codes', t('changes.region.codes'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.country} data-country={r.country}>
                <th scope="row">
                  <Link to={countryChangesPath(r.country, from, cycle)}>{name(r)}</Link>
                  {r.synthetic && (
                    <>
                      {' '}
                      <SyntheticLabel inline />
                    </>
                  )}
                </th>
                <td data-label={t('changes.region.questions')}>{number(questions(r))}</td>
                <td data-label={t('changes.region.figures')}>{number(figures(r))}</td>
                <td data-label={t('changes.region.objectives')}>{number(objectives(r))}</td>
                <td data-label={t('changes.region.codes')}>
                  {r.codesCompared === 0
                    ? t('changes.region.codes_not_compared')
                    : r.codes.length === 0
                      ? t('changes.region.codes_same')
                      : r.codes.map((c) => (
                          <span key={c.question} className="changes-code">
                            {t('changes.region.code_change', {
                              question: c.question,
                              earlier: c.earlier.join(', ') || '—',
                              later: c.later.join(', ') || '—',
                            })}
                          </span>
                        ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {change.data.notCompared.length > 0 && (
        <p className="muted">
          {t('changes.region.not_compared', {
            count: change.data.notCompared.length,
            list: change.data.notCompared.map(name).join(', '),
          })}
        </p>
      )}
    </>,
  );
}
