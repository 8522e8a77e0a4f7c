import { useState, type FormEvent } from 'react';
import { OPEN_REVIEW } from '../../domain/workflow.js';
import { Blocks } from '../components/blocks.js';
import { DraftEditor } from '../components/draft-editor.js';
import { describedBy, ErrorSummary, FieldMessage, type FieldError } from '../components/error-summary.js';
import { Link } from '../components/link.js';
import { messageOf, Moves } from '../components/moves.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { StatusTag } from '../components/status.js';
import { post, put, reviewPath } from '../lib/api.js';
import { draftKey } from '../lib/drafts.js';
import { isUnofficial, localText, useLocale } from '../lib/i18n.js';
import type { Answer, Contribution, Move } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import { ContributionEditor } from './contribution-editor.js';

interface Props {
  country: string;
  cycle: string;
  questionId: string;
}

/**
 * One question: its wording, the answer with its status and moves, comments, the entities'
 * contributions and stakeholders' inputs side by side (merge), suggested objectives; for a
 * contributor, its entity's contribution editor.
 */
export function AnswerPage({ country, cycle, questionId }: Props) {
  const { t, date, language } = useLocale();
  const base = `${reviewPath(country, cycle)}/answers/${encodeURIComponent(questionId)}`;
  const answer = useData<Answer>(base);
  if (answer.error) return <LoadError error={answer.error} />;
  if (!answer.data) return <Loading />;
  const a = answer.data;
  const may = a.may ?? {};
  const reviewLink = reviewPath(country, cycle);
  const canSeeReview = may.edit || may.decide || may.assign;
  const mine = a.myEntities ?? [];
  // Answers and contributions change only while the review is a draft or in consultation.
  const open = !a.reviewStatus || OPEN_REVIEW.has(a.reviewStatus);

  const move = async (m: Move, text: string) => {
    // A return's comment and a re-opening's reason are both kept as a comment on the answer.
    await post(`${base}/status`, { to: m.to, ...(m.requires ? { comment: text } : {}) });
    answer.reload();
  };

  return (
    <Page
      title={t('answer.title', { id: a.questionId })}
      caption={
        canSeeReview ? (
          <Link to={reviewLink}>{t('answer.back_to_review')}</Link>
        ) : (
          <Link to="/tasks">{t('nav.back_to_tasks')}</Link>
        )
      }
    >
      {a.section && (
        <p className="muted">
          {a.section.id}. <span dir="auto">{localText(a.section.title, language)}</span>
        </p>
      )}
      <div className="question-text">
        <p className="lead" dir="auto">
          {localText(a.text, language)}
        </p>
        {isUnofficial(a.textStatus, a.text, language) && (
          <p>
            <strong className="tag">{t('answer.unofficial')}</strong>
          </p>
        )}
      </div>

      {mine.map((entity) => (
        <ContributionEditor
          key={entity.id}
          country={country}
          cycle={cycle}
          base={base}
          questionId={questionId}
          entity={entity}
          assignment={a.assignments?.find((x) => x.entity.id === entity.id)}
          initial={a.contributions?.find((c) => c.entity.id === entity.id)}
          open={open}
        />
      ))}

      {(may.edit || may.decide || !mine.length) && (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('answer.answer')}</h2>
          <dl className="summary">
            <div>
              <dt>{t('answer.status')}</dt>
              <dd>
                <StatusTag kind="answer" status={a.status} />
              </dd>
            </div>
            <div>
              <dt>{t('answer.revision')}</dt>
              <dd>{a.revision}</dd>
            </div>
            {a.updatedBy && (
              <div>
                <dt>{t('answer.updated')}</dt>
                <dd>
                  <span dir="auto">{a.updatedBy}</span>
                  {a.updatedAt && <>, {date(a.updatedAt)}</>}
                </dd>
              </div>
            )}
          </dl>
          {may.edit && open && a.status !== 'approved' ? (
            <DraftEditor
              id="answer-text"
              label={t('answer.edit_label')}
              storageKey={draftKey(country, cycle, questionId, 'answer')}
              serverBlocks={a.blocks ?? []}
              serverRevision={a.revision}
              save={(blocks, baseRevision) => put<{ revision?: number }>(base, { blocks, baseRevision })}
              onSaved={answer.reload}
            />
          ) : (
            <div className="answer">
              {(a.blocks ?? []).length > 0 ? (
                <Blocks blocks={a.blocks} />
              ) : (
                <p className="muted">{t('answer.empty')}</p>
              )}
            </div>
          )}
          <p>
            <Link to={`${base}/history`}>{t('answer.history')}</Link>
          </p>
          <h3>{t('answer.moves')}</h3>
          {/* The API lists moves by role only; it refuses them all once the review is closed. */}
          <Moves kind="answer" moves={open ? (a.allowedMoves ?? []) : []} onMove={move} />
        </section>
      )}

      {(a.assignments ?? []).length > 0 && !mine.length && (
        <section aria-labelledby="assignments-heading">
          <h2 id="assignments-heading">{t('answer.assignments')}</h2>
          <ul className="task-list">
            {a.assignments.map((x) => (
              <li key={x.entity.id}>
                <span dir="auto">{x.entity.name}</span>
                {/* An assignment may have no due date. */}
                {x.dueOn && (
                  <>
                    {' '}
                    —{' '}
                    <span className={x.overdue ? 'overdue' : undefined}>
                      {x.overdue
                        ? t('tasks.overdue_since', { date: date(x.dueOn) })
                        : t('tasks.due_on', { date: date(x.dueOn) })}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {!mine.length && (a.contributions ?? []).length > 0 && (
        <Contributions answer={a} base={base} open={open} onChange={answer.reload} />
      )}

      {(a.objectives ?? []).length > 0 && <Objectives answer={a} base={base} open={open} onChange={answer.reload} />}

      <Comments answer={a} base={base} onChange={answer.reload} />
    </Page>
  );
}

function Contributions(props: { answer: Answer; base: string; open: boolean; onChange: () => void }) {
  const { answer, base, open, onChange } = props;
  const { t, date } = useLocale();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  const contributions = answer.contributions.filter((c) => c.kind !== 'input');
  const inputs = answer.contributions.filter((c) => c.kind === 'input');
  // Only a submitted contribution may be merged: a draft is not finished, a merged one is in
  // the answer already (the API refuses both).
  const mergeable = answer.may?.edit && open ? contributions.filter((c) => c.status === 'submitted') : [];
  const firstId = mergeable[0] ? `merge-${mergeable[0].id}` : 'merge';

  const merge = async () => {
    setDone('');
    if (selected.size === 0) {
      setErrors([{ field: firstId, message: t('merge.none_selected') }]);
      return;
    }
    try {
      await post(`${base}/merge`, { contributionIds: [...selected], baseRevision: answer.revision });
      setErrors([]);
      setSelected(new Set());
      setDone(t('merge.done'));
      onChange();
    } catch (failure) {
      setErrors([{ field: firstId, message: messageOf(failure) }]);
    }
  };

  return (
    <section aria-labelledby="contributions-heading">
      <h2 id="contributions-heading">{t('contributions.title')}</h2>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <ErrorSummary errors={errors} />
      {contributions.length > 0 && (
        <div className="side-by-side">
          {contributions.map((c) => (
            <article key={c.id} className="contribution" aria-labelledby={`contribution-title-${c.id}`}>
              <h3 id={`contribution-title-${c.id}`} dir="auto">
                {c.entity.name}
              </h3>
              <p>
                <StatusTag kind="contribution" status={c.status} />{' '}
                {c.updatedAt && <span className="muted">{date(c.updatedAt)}</span>}
              </p>
              <div className="answer">
                {c.blocks.length ? <Blocks blocks={c.blocks} /> : <p className="muted">{t('answer.empty')}</p>}
              </div>
              {(c.evidence ?? []).length > 0 && (
                <ul className="evidence-list">
                  {c.evidence!.map((e) => (
                    <li key={e.id}>
                      <a href={e.url} download={e.fileName} dir="auto">
                        {e.fileName}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {mergeable.includes(c) && (
                <div className="checkbox">
                  <input
                    type="checkbox"
                    id={`merge-${c.id}`}
                    checked={selected.has(c.id)}
                    onChange={() =>
                      setSelected((s) => {
                        const next = new Set(s);
                        if (next.has(c.id)) next.delete(c.id);
                        else next.add(c.id);
                        return next;
                      })
                    }
                  />
                  <label htmlFor={`merge-${c.id}`}>{t('merge.include', { entity: c.entity.name })}</label>
                </div>
              )}
            </article>
          ))}
        </div>
      )}
      {mergeable.length > 0 && (
        <button type="button" className="button" onClick={() => void merge()}>
          {t('merge.submit')}
        </button>
      )}
      {inputs.length > 0 && (
        <>
          <h3>{t('inputs.title')}</h3>
          {inputs.map((c) => (
            <Input
              key={c.id}
              contribution={c}
              base={base}
              canRespond={Boolean(answer.may?.edit) && open}
              onChange={onChange}
            />
          ))}
        </>
      )}
    </section>
  );
}

function Input(props: { contribution: Contribution; base: string; canRespond: boolean; onChange: () => void }) {
  const { t } = useLocale();
  const c = props.contribution;
  const [text, setText] = useState(c.response ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const id = `response-${c.id}`;
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setErrors([{ field: id, message: t('inputs.response_required') }]);
      return;
    }
    try {
      await post(`${props.base}/contributions/${c.entity.id}/response`, { text: text.trim() });
      setErrors([]);
      props.onChange();
    } catch (failure) {
      setErrors([{ field: id, message: messageOf(failure) }]);
    }
  };
  return (
    <article className="contribution" aria-labelledby={`input-title-${c.id}`}>
      <h4 id={`input-title-${c.id}`} dir="auto">
        {c.entity.name}
      </h4>
      <div className="answer">
        <Blocks blocks={c.blocks} />
      </div>
      {props.canRespond ? (
        <form onSubmit={(e) => void send(e)} noValidate>
          <ErrorSummary errors={errors} />
          <div className={`field${errors.length ? ' field-error' : ''}`}>
            <label htmlFor={id}>{t('inputs.response')}</label>
            <FieldMessage id={id} errors={errors} />
            <textarea
              id={id}
              dir="auto"
              rows={3}
              value={text}
              aria-describedby={describedBy(id, errors)}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-secondary">
            {t('inputs.send_response')}
          </button>
        </form>
      ) : (
        c.response && (
          <p dir="auto">
            <strong>{t('inputs.response')}:</strong> {c.response}
          </p>
        )
      )}
    </article>
  );
}

function Objectives(props: { answer: Answer; base: string; open: boolean; onChange: () => void }) {
  const { answer, base, onChange } = props;
  const { t, language } = useLocale();
  const [error, setError] = useState('');
  const set = async (n: number, status: 'confirmed' | 'removed') => {
    try {
      await put(`${base}/objectives/${n}`, { status });
      setError('');
      onChange();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <section aria-labelledby="objectives-heading">
      <h2 id="objectives-heading">{t('objectives.title')}</h2>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      <ul className="objective-list">
        {answer.objectives.map((o) => (
          <li key={o.number}>
            <span dir="auto">{t('objectives.item', { number: o.number, title: localText(o.title, language) })}</span>{' '}
            <strong className="tag">{t(`objectives.status.${o.status}`)}</strong>
            {answer.may?.edit && props.open && (
              <span className="button-group inline">
                {o.status !== 'confirmed' && (
                  <button type="button" className="link-button" onClick={() => void set(o.number, 'confirmed')}>
                    {t('objectives.confirm', { number: o.number })}
                  </button>
                )}
                {/* Removed objectives are not listed: each listed one may be removed. */}
                <button type="button" className="link-button" onClick={() => void set(o.number, 'removed')}>
                  {t('objectives.remove', { number: o.number })}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Comments({ answer, base, onChange }: { answer: Answer; base: string; onChange: () => void }) {
  const { t, dateTime } = useLocale();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setErrors([{ field: 'comment-body', message: t('comments.required') }]);
      return;
    }
    try {
      await post(`${base}/comments`, { body: body.trim() });
      setBody('');
      setErrors([]);
      onChange();
    } catch (failure) {
      setErrors([{ field: 'comment-body', message: messageOf(failure) }]);
    }
  };
  const comments = answer.comments ?? [];
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('comments.title')}</h2>
      {comments.length === 0 ? (
        <p className="muted">{t('comments.none')}</p>
      ) : (
        <ol className="comments">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="comment-meta">
                <strong dir="auto">{c.author}</strong> · <span>{dateTime(c.createdAt)}</span>
                {c.kind && c.kind !== 'comment' && (
                  <>
                    {' '}
                    <span className="tag">{t(`comments.kind.${c.kind}`)}</span>
                  </>
                )}
              </p>
              <p dir="auto">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {answer.may?.comment && (
        <form onSubmit={(e) => void send(e)} noValidate>
          <ErrorSummary errors={errors} />
          <div className={`field${errors.length ? ' field-error' : ''}`}>
            <label htmlFor="comment-body">{t('comments.add')}</label>
            <FieldMessage id="comment-body" errors={errors} />
            <textarea
              id="comment-body"
              dir="auto"
              rows={3}
              value={body}
              aria-describedby={describedBy('comment-body', errors)}
              onChange={(e) => setBody(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-secondary">
            {t('comments.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
