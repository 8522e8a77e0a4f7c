import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Form, SelectField } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { Loading } from '../../components/page.js';
import { StatusTag } from '../../components/status.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { API, reviewPath } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useGo } from '../../lib/navigation.js';
import type { CycleInfo, TrackedCountry, Tracking } from '../../lib/types.js';
import { useApi } from '../../lib/query.js';
import { cyclePath, isShow, shows, type Show } from './regional.js';
import { Reminders } from './reminders.js';

// The API's sorts and states (src/services/get-tracking.ts), each with its words.
const SORTS = {
  country: 'regional.tracking.sort_country',
  state: 'regional.tracking.sort_state',
  lastActivity: 'regional.tracking.sort_last_activity',
  overdue: 'regional.tracking.sort_overdue',
} as const;
// A review's states in the workflow's order (the API's TRACKING_STATES), `none` for no review yet.
const STATE_LABELS = {
  none: 'regional.tracking.state_none',
  draft: 'review.status.draft',
  in_consultation: 'review.status.in_consultation',
  validated: 'review.status.validated',
  submitted: 'review.status.submitted',
  published: 'review.status.published',
} as const;
const STATES = Object.keys(STATE_LABELS) as (keyof typeof STATE_LABELS)[];
const VIEWS: Record<Show, string> = {
  unacknowledged: 'regional.tracking.view_unacknowledged',
  overdue: 'regional.tracking.view_overdue',
  returned: 'regional.tracking.view_returned',
  submitted: 'regional.tracking.view_submitted',
};
type Sort = keyof typeof SORTS;
const isSort = (value: string | null): value is Sort => value !== null && value in SORTS;

/**
 * The tracking table of a cycle: one row per participating country, sorted and filtered by the
 * API (the address keeps the choice, so a link or a reload shows the same rows), with the CSV of
 * the same rows and the reminders. `?show=` narrows it to what the home page counted.
 */
export function TrackingTable({ cycle }: { cycle: CycleInfo }) {
  const { t, language } = useLocale();
  const [query] = useSearchParams();
  const go = useGo();
  const sort: Sort = isSort(query.get('sort')) ? (query.get('sort') as Sort) : 'country';
  const state = STATES.find((s) => s === query.get('state')) ?? '';
  const overdue = ['true', 'false'].find((o) => o === query.get('overdue')) ?? '';
  const show = isShow(query.get('show')) ? (query.get('show') as Show) : null;
  const filters: Record<string, string> = { sort, ...(state && { state }), ...(overdue && { overdue }) };
  const search = new URLSearchParams(filters).toString();
  const tracking = useApi<Tracking>(`/cycles/${encodeURIComponent(cycle.id)}/tracking?${search}`);
  const [picked, setPicked] = useState<string[]>([]);
  const [form, setForm] = useState({ sort, state: state as string, overdue: overdue as string });
  // The address leads (a link, the browser's back button): the fields follow it.
  useEffect(() => setForm({ sort, state, overdue }), [sort, state, overdue]);

  const apply = () => {
    const next = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ''));
    go(cyclePath(cycle.id, { ...next, ...(show && { show }) }));
  };
  const rows = (tracking.data?.countries ?? []).filter((row) => !show || shows(row, show));
  const name = (row: TrackedCountry) => localText(row.countryName, language) || row.country;
  const toggle = (code: string, on: boolean) =>
    setPicked((list) => (on ? [...new Set([...list, code])] : list.filter((c) => c !== code)));
  const sorted = (column: Sort) =>
    sort === column ? (column === 'overdue' ? ('descending' as const) : ('ascending' as const)) : undefined;

  return (
    <section aria-labelledby="tracking-title">
      <h2 id="tracking-title">{t('regional.tracking.title')}</h2>
      <Form className="tracking-filters" errors={[]} onSubmit={apply}>
        <SelectField
          id="tracking-sort"
          label={t('regional.tracking.sort')}
          errors={[]}
          value={form.sort}
          onChange={(value) => setForm({ ...form, sort: value as Sort })}
          options={(Object.keys(SORTS) as Sort[]).map((s) => ({ value: s, label: t(SORTS[s]) }))}
        />
        <SelectField
          id="tracking-state"
          label={t('regional.tracking.state')}
          errors={[]}
          value={form.state}
          onChange={(value) => setForm({ ...form, state: value })}
          placeholder={t('regional.tracking.any_state')}
          options={STATES.map((s) => ({ value: s, label: t(STATE_LABELS[s]) }))}
        />
        <SelectField
          id="tracking-overdue"
          label={t('regional.tracking.overdue')}
          errors={[]}
          value={form.overdue}
          onChange={(value) => setForm({ ...form, overdue: value })}
          placeholder={t('regional.tracking.any_overdue')}
          options={[
            { value: 'true', label: t('regional.tracking.only_late') },
            { value: 'false', label: t('regional.tracking.only_on_time') },
          ]}
        />
        <button type="submit" className="button button-secondary">
          {t('regional.tracking.apply')}
        </button>
      </Form>
      {show && (
        <p className="notice" id="tracking-view">
          {t(VIEWS[show])} <Link to={cyclePath(cycle.id, filters)}>{t('regional.tracking.show_all')}</Link>
        </p>
      )}
      <p>
        <a
          id="tracking-csv"
          href={`${API}/cycles/${encodeURIComponent(cycle.id)}/tracking.csv?${search}&lang=${language}`}
        >
          {t('regional.tracking.csv')}
        </a>
      </p>
      {tracking.error ? (
        <p className="notice" role="alert">
          {tracking.error.message}
        </p>
      ) : !tracking.data ? (
        <Loading />
      ) : (
        <>
          <p role="status" id="tracking-count">
            {t('regional.tracking.count', { count: rows.length })}
          </p>
          <div className="table-wrap">
            <table className="tracking-table">
              <caption className="visually-hidden">{t('regional.tracking.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('regional.tracking.pick_column')}</span>
                  </th>
                  <th scope="col" aria-sort={sorted('country')}>
                    {t('regional.tracking.country')}
                  </th>
                  <th scope="col" aria-sort={sorted('state')}>
                    {t('regional.tracking.state')}
                  </th>
                  <th scope="col">{t('regional.tracking.progress')}</th>
                  <th scope="col" aria-sort={sorted('lastActivity')}>
                    {t('regional.tracking.last_activity')}
                  </th>
                  <th scope="col" aria-sort={sorted('overdue')}>
                    {t('regional.tracking.overdue')}
                  </th>
                  <th scope="col">{t('regional.tracking.submissions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <Row
                    key={row.country}
                    questions={tracking.data?.questions ?? 0}
                    row={row}
                    cycle={cycle.id}
                    name={name(row)}
                    picked={picked.includes(row.country)}
                    onPick={(on) => toggle(row.country, on)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <Reminders
            cycle={cycle.id}
            picked={picked}
            names={Object.fromEntries(tracking.data.countries.map((r) => [r.country, name(r)]))}
            onSent={() => setPicked([])}
          />
        </>
      )}
    </section>
  );
}

function Row(props: {
  questions: number;
  row: TrackedCountry;
  cycle: string;
  name: string;
  picked: boolean;
  onPick: (on: boolean) => void;
}) {
  const { t, date, dateTime } = useLocale();
  const { row } = props;
  const s = row.submissions;
  return (
    <tr data-country={row.country}>
      <td>
        <input
          type="checkbox"
          id={`pick-${row.country}`}
          checked={props.picked}
          aria-label={t('regional.tracking.pick', { country: props.name })}
          onChange={(e) => props.onPick(e.target.checked)}
        />
      </td>
      <th scope="row" data-label={t('regional.tracking.country')}>
        <span dir="auto">{props.name}</span>{' '}
        <span className="muted" dir="ltr">
          {row.country}
        </span>
        {row.synthetic && (
          <>
            {' '}
            <SyntheticLabel inline />
          </>
        )}
      </th>
      <td data-label={t('regional.tracking.state')}>
        {row.state === 'none' ? (
          <strong className="tag">{t('regional.tracking.state_none')}</strong>
        ) : (
          <StatusTag kind="review" status={row.state} />
        )}
      </td>
      <td data-label={t('regional.tracking.progress')}>
        {row.progress ? (
          <>
            {t('regional.tracking.answered', { count: row.progress.answered, total: props.questions })}
            <ul className="progress-sections">
              {row.progress.sections.map((section) => (
                <li key={section.id} dir="ltr">
                  {t('regional.tracking.section', {
                    section: section.id,
                    answered: section.answered,
                    questions: section.questions,
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <span className="muted">{t('regional.tracking.not_shared')}</span>
        )}
      </td>
      <td data-label={t('regional.tracking.last_activity')}>
        {row.lastActivity ? dateTime(row.lastActivity) : <span className="muted">{t('regional.tracking.never')}</span>}
      </td>
      <td data-label={t('regional.tracking.overdue')}>
        {row.overdue ? (
          <strong className="tag overdue">{t('regional.tracking.late')}</strong>
        ) : (
          t('regional.tracking.on_time')
        )}
      </td>
      <td data-label={t('regional.tracking.submissions')}>
        {s.count === 0 || !s.lastAt ? (
          <span className="muted">{t('regional.tracking.no_submission')}</span>
        ) : (
          <>
            <Link to={`${reviewPath(row.country, props.cycle)}/submissions/${s.count}`}>
              {t('regional.tracking.latest_submission', { number: s.count, date: date(s.lastAt) })}
            </Link>
            {(s.acknowledged || s.returned) && (
              <span className="submission-flags">
                {' '}
                {s.returned ? t('regional.tracking.returned') : t('regional.tracking.acknowledged')}
              </span>
            )}
          </>
        )}
      </td>
    </tr>
  );
}
