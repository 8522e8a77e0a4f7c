import { useState } from 'react';
import { OPEN_REVIEW } from '../../domain/workflow.js';
import {
  CheckboxGroup,
  errorsOf,
  Form,
  SelectField,
  TextArea,
  TextField,
  type FieldError,
} from '../components/form.js';
import { QuestionAssignments, today } from '../components/assignment-edit.js';
import { Link } from '../components/link.js';
import { ReviewMoves } from '../components/review-moves.js';
import { ReviewExports } from '../components/review-exports.js';
import { ReviewReturned, ReviewSubmissions } from '../components/review-returned.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { StatusTag } from '../components/status.js';
import { SyntheticLabel } from '../components/synthetic.js';
import { post, reviewPath } from '../lib/api.js';
import { localText, useLocale } from '../lib/i18n.js';
import type { Countries, CycleInfo, Workspace } from '../lib/types.js';
import { reviewQueries, useApi, useApiMutation } from '../lib/query.js';

/** Brings a message just shown into view (stable, so React calls it once, when it appears). */
const reveal = (node: HTMLElement | null) => node?.scrollIntoView({ block: 'nearest' });

const ANSWER_ORDER = ['not_started', 'drafting', 'in_review', 'changes_requested', 'approved'];

/** A review's dashboard: where it stands, who owes what, and (focal points) assigning questions. */
export function DashboardPage({ country, cycle }: { country: string; cycle: string }) {
  const { t, number, date, language } = useLocale();
  const base = reviewPath(country, cycle);
  const workspace = useApi<Workspace>(`${base}/workspace`);
  // Names, not codes: the country's and the cycle's names in the reader's language (both public).
  const countries = useApi<Countries>('/countries');
  const cycleInfo = useApi<CycleInfo>(`/cycles/${encodeURIComponent(cycle)}`);
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
          <dd>{number(overdue.length)}</dd>
        </div>
      </dl>

      {/* The moves that will succeed, why the others cannot yet, confirmations; publishing apart. */}
      <ReviewMoves ws={ws} />

      <ReviewSubmissions ws={ws} />

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

      <section aria-labelledby="dashboard-sections">
        <h2 id="dashboard-sections">{t('dashboard.sections')}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('dashboard.sections_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.section')}</th>
                {ANSWER_ORDER.map((status) => (
                  <th scope="col" key={status} className="numeric">
                    {t(`answer.status.${status}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ws.sections.map((section) => (
                <tr key={section.id}>
                  <th scope="row">
                    {section.id}. <span dir="auto">{localText(section.title, language)}</span>
                  </th>
                  {ANSWER_ORDER.map((status) => (
                    <td key={status} className="numeric">
                      {number(section.questions.filter((q) => q.status === status).length)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {ws.byEntity && ws.byEntity.length > 0 && (
        <section aria-labelledby="dashboard-entities">
          <h2 id="dashboard-entities">{t('dashboard.entities')}</h2>
          <div className="table-wrap">
            <table>
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
                    <td className="numeric">{number(row.assigned)}</td>
                    <td className="numeric">{number(row.submitted)}</td>
                    <td className="numeric">{number(row.overdue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

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

      <section aria-labelledby="dashboard-questions">
        <h2 id="dashboard-questions">{t('dashboard.questions')}</h2>
        {ws.sections.map((section) => (
          <div key={section.id}>
            <h3>
              {section.id}. <span dir="auto">{localText(section.title, language)}</span>
            </h3>
            <ul className="question-list">
              {section.questions.map((q) => (
                <li key={q.id}>
                  <Link to={`${base}/answers/${encodeURIComponent(q.id)}`}>
                    <span className="question-id">{q.id}</span> <span dir="auto">{localText(q.text, language)}</span>
                  </Link>{' '}
                  <StatusTag kind="answer" status={q.status} />
                  <QuestionAssignments
                    base={base}
                    questionId={q.id}
                    assignments={q.assignments ?? []}
                    editable={(ws.may?.assign ?? false) && OPEN_REVIEW.has(ws.status)}
                    queries={reviewQueries(country, cycle)}
                  />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      {(ws.may?.assign ?? false) && OPEN_REVIEW.has(ws.status) && (
        <AssignForm
          base={base}
          queries={reviewQueries(country, cycle)}
          sections={ws.sections}
          entities={ws.entities ?? []}
        />
      )}
    </Page>
  );
}

function AssignForm(props: {
  base: string;
  /** What an assignment changes: the review's pages and the to-do lists of the entity's people. */
  queries: string[];
  sections: Workspace['sections'];
  entities: Workspace['entities'];
}) {
  const { t, language } = useLocale();
  const [selected, setSelected] = useState<string[]>([]);
  const [entityId, setEntityId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  const assigning = useApiMutation(
    (body: { questionIds: string[]; entityId: number; dueOn: string; note: string | null }) =>
      post(`${props.base}/assignments`, body),
    props.queries,
  );
  const firstQuestion = props.sections[0]?.questions[0]?.id ?? '';
  const questionField = `assign-q-${firstQuestion}`;

  const submit = async () => {
    const found: FieldError[] = [];
    if (selected.length === 0) found.push({ field: questionField, message: t('assign.questions_required') });
    if (!entityId) found.push({ field: 'assign-entity', message: t('assign.entity_required') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) found.push({ field: 'assign-due', message: t('assign.due_required') });
    setErrors(found);
    setDone('');
    if (found.length) return;
    try {
      await assigning.mutateAsync({
        questionIds: selected,
        entityId: Number(entityId),
        dueOn,
        note: note.trim() || null,
      });
      const name = props.entities.find((e) => String(e.id) === entityId)?.name ?? '';
      setDone(t('assign.done', { count: selected.length, entity: name }));
      setSelected([]);
      setNote('');
    } catch (error) {
      setErrors(
        errorsOf(error, 'assign-entity', {
          'assignment.invalid_due_date': 'assign-due',
          'assignment.due_in_past': 'assign-due',
          'assignment.note': 'assign-note',
          'question.': questionField,
        }),
      );
    }
  };

  return (
    <section aria-labelledby="assign-title">
      <h2 id="assign-title">{t('assign.title')}</h2>
      <Form errors={errors} onSubmit={submit}>
        <CheckboxGroup
          id="assign-q"
          label={t('assign.questions')}
          errors={errors}
          values={selected}
          onChange={setSelected}
          options={props.sections.flatMap((section) =>
            section.questions.map((q, i) => ({
              value: q.id,
              section:
                i === 0 ? (
                  <>
                    {section.id}. <span dir="auto">{localText(section.title, language)}</span>
                  </>
                ) : undefined,
              label: (
                <>
                  <span className="question-id">{q.id}</span> <span dir="auto">{localText(q.text, language)}</span>
                </>
              ),
            })),
          )}
        />
        <SelectField
          id="assign-entity"
          label={t('assign.entity')}
          errors={errors}
          value={entityId}
          onChange={setEntityId}
          placeholder={t('assign.choose_entity')}
          options={props.entities.map((entity) => ({ value: String(entity.id), label: entity.name }))}
        />
        <TextField
          id="assign-due"
          type="date"
          label={t('assign.due')}
          errors={errors}
          value={dueOn}
          min={today()}
          onChange={setDueOn}
        />
        <TextArea
          id="assign-note"
          label={t('assign.note')}
          hint={t('assign.note_hint')}
          errors={errors}
          value={note}
          rows={2}
          onChange={setNote}
        />
        <button type="submit" className="button" disabled={assigning.isPending}>
          {t('assign.submit')}
        </button>
        {/* Beside the button just pressed, not at the top of a long form. */}
        {done && (
          <p className="notice" role="status" ref={reveal}>
            {done}
          </p>
        )}
      </Form>
    </section>
  );
}
