import { useState } from 'react';
import { OPEN_REVIEW } from '../../domain/workflow.js';
import { AssignForm } from '../components/assign-form.js';
import { BlankQuestionnaireLink } from '../components/blank-questionnaire.js';
import { QuestionsBySection } from '../components/bulk-moves.js';
import { Link } from '../components/link.js';
import { ReviewMoves } from '../components/review-moves.js';
import { ReviewExports } from '../components/review-exports.js';
import { ReviewReturned, ReviewSubmissions } from '../components/review-returned.js';
import { EarlierCycleLink } from './changes/earlier-cycle-link.js';
import { PracticesLink } from './practices/practice-lists.js';
import { CitationRequestsLink } from './synthesis/requests-link.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { StatusTag } from '../components/status.js';
import { SyntheticLabel } from '../components/synthetic.js';
import { reviewPath } from '../lib/api.js';
import { localText, useLocale } from '../lib/i18n.js';
import type { Countries, CycleInfo, Workspace } from '../lib/types.js';
import { reviewQueries, useApi } from '../lib/query.js';

/**
 * A review's dashboard: where it stands, who owes what, and (focal points) assigning questions.
 * On a phone it stays short (issue 12, item 11): the questions are listed once, by section, with
 * « Aller à la section » links at the top; the assignment form opens from « Attribuer des
 * questions » instead of sitting under the whole list.
 */
export function DashboardPage({ country, cycle }: { country: string; cycle: string }) {
  const { t, number, date, language } = useLocale();
  const base = reviewPath(country, cycle);
  const workspace = useApi<Workspace>(`${base}/workspace`);
  // Names, not codes: the country's and the cycle's names in the reader's language (both public).
  const countries = useApi<Countries>('/countries');
  const cycleInfo = useApi<CycleInfo>(`/cycles/${encodeURIComponent(cycle)}`);
  // Open when the page is opened at #assign (a link from elsewhere), else behind its button.
  const [assigning, setAssigning] = useState(() => window.location.hash === '#assign');
  if (workspace.error) return <LoadError error={workspace.error} />;
  // The heading waits for the names (a code flashing first would be read, then replaced).
  if (!workspace.data || (!countries.data && !countries.error) || (!cycleInfo.data && !cycleInfo.error))
    return <Loading />;
  const ws = workspace.data;
  const countryName = countries.data?.countries.find((c) => c.code === ws.country)?.name;
  const title = t('dashboard.title', {
    country: localText(countryName, language) || ws.country,
    cycle: localText(cycleInfo.data?.title, language) || ws.cycle,
  });
  const questions = ws.sections.flatMap((s) => s.questions);
  const overdue = questions.flatMap((q) =>
    (q.assignments ?? []).flatMap((a) =>
      a.overdue && a.dueOn ? [{ questionId: q.id, entity: a.entity, dueOn: a.dueOn }] : [],
    ),
  );
  const mayAssign = (ws.may?.assign ?? false) && OPEN_REVIEW.has(ws.status);

  return (
    <Page title={title} caption={<Link to="/tasks">{t('nav.back_to_tasks')}</Link>}>
      {ws.synthetic && <SyntheticLabel />}
      <ReviewReturned ws={ws} />
      <dl className="summary">
        <div>
          <dt>{t('dashboard.status')}</dt>
          <dd>
            <StatusTag kind="review" status={ws.status} />
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.approved')}</dt>
          <dd>
            {t('dashboard.count_of', {
              count: number(questions.filter((q) => q.status === 'approved').length),
              total: number(questions.length),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.overdue')}</dt>
          <dd>{overdue.length > 0 ? <a href="#dashboard-overdue">{number(overdue.length)}</a> : number(0)}</dd>
        </div>
      </dl>

      {/* Straight to a section's questions: the page is long on a phone. */}
      <nav aria-labelledby="dashboard-sections" className="jump-nav">
        <h2 id="dashboard-sections">{t('dashboard.jump')}</h2>
        <ul>
          {ws.sections.map((section) => (
            <li key={section.id}>
              <a href={`#section-${section.id}`}>
                {section.id}. <span dir="auto">{localText(section.title, language)}</span>
              </a>{' '}
              <span className="muted">
                {t('dashboard.count_of', {
                  count: number(section.questions.filter((q) => q.status === 'approved').length),
                  total: number(section.questions.length),
                })}
              </span>
            </li>
          ))}
        </ul>
      </nav>

      {/* The moves that will succeed, why the others cannot yet, confirmations; publishing apart. */}
      <ReviewMoves ws={ws} />

      <ReviewSubmissions ws={ws} />
      <EarlierCycleLink country={ws.country} cycle={ws.cycle} />
      {ws.may?.edit ? <BlankQuestionnaireLink cycle={ws.cycle} /> : null}
      <PracticesLink country={ws.country} cycle={ws.cycle} />
      <CitationRequestsLink country={ws.country} cycle={ws.cycle} />

      {mayAssign && (
        <details
          id="assign"
          className="assign-disclosure"
          open={assigning}
          onToggle={(e) => setAssigning(e.currentTarget.open)}
        >
          <summary>{t('assign.title')}</summary>
          <AssignForm
            base={base}
            queries={reviewQueries(country, cycle)}
            sections={ws.sections}
            entities={ws.entities ?? []}
          />
        </details>
      )}

      <QuestionsBySection ws={ws} base={base} queries={reviewQueries(country, cycle)} />

      <section aria-labelledby="dashboard-overdue">
        <h2 id="dashboard-overdue">{t('dashboard.overdue_items')}</h2>
        {overdue.length === 0 ? (
          <p className="muted">{t('dashboard.no_overdue')}</p>
        ) : (
          <ul className="task-list">
            {overdue.map((item) => (
              <li key={`${item.questionId}/${item.entity.id}`}>
                <Link to={`${base}/answers/${encodeURIComponent(item.questionId)}`}>{item.questionId}</Link>{' '}
                <span dir="auto">{item.entity.name}</span>{' '}
                <span className="overdue">{t('tasks.overdue_since', { date: date(item.dueOn) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {ws.byEntity && ws.byEntity.length > 0 && (
        <section aria-labelledby="dashboard-entities">
          <h2 id="dashboard-entities">{t('dashboard.entities')}</h2>
          {/* Each entity a block of labelled lines on a phone (data-label): nothing scrolls sideways. */}
          <div className="table-wrap">
            <table className="entity-progress">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.entity')}</th>
                  <th scope="col" className="numeric">
                    {t('dashboard.assigned')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('dashboard.submitted')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('dashboard.overdue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ws.byEntity.map((row) => (
                  <tr key={row.entity.id}>
                    <th scope="row" dir="auto">
                      {row.entity.name}
                    </th>
                    <td className="numeric" data-label={t('dashboard.assigned')}>
                      {number(row.assigned)}
                    </td>
                    <td className="numeric" data-label={t('dashboard.submitted')}>
                      {number(row.submitted)}
                    </td>
                    <td className="numeric" data-label={t('dashboard.overdue')}>
                      {number(row.overdue)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby="dashboard-versions">
        <h2 id="dashboard-versions">{t('dashboard.versions')}</h2>
        {(ws.versions ?? []).length === 0 ? (
          <p className="muted">{t('dashboard.versions_none')}</p>
        ) : (
          <ul>
            {(ws.versions ?? []).map((v) => (
              <li key={v.version}>
                <a href={`/reviews/${ws.country}/${ws.cycle}/versions/${v.version}?lang=${language}`}>
                  {t('dashboard.version', { version: number(v.version), date: date(v.publishedAt) })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ReviewExports country={ws.country} cycle={ws.cycle} />
    </Page>
  );
}
