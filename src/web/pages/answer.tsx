import { useRef } from 'react';
import type { Block } from '../../domain/blocks.js';
import { OPEN_REVIEW } from '../../domain/workflow.js';
import { Blocks } from '../components/blocks.js';
import { DraftEditor } from '../components/draft-editor.js';
import { Link } from '../components/link.js';
import { Moves } from '../components/moves.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { StatusTag } from '../components/status.js';
import { Guidance, ValueText } from '../components/value-text.js';
import { ValueField, valueFieldId, type EditedValue } from '../components/value-field.js';
import { SyntheticLabel } from '../components/synthetic.js';
import { del, post, put, reviewPath } from '../lib/api.js';
import { draftKey } from '../lib/drafts.js';
import { isUnofficial, localText, useLocale } from '../lib/i18n.js';
import type { Answer, AnswerDraftSaved, AnswerSaved, Move, Neighbours } from '../lib/types.js';
import { reviewQueries, useApi, useApiMutation } from '../lib/query.js';
import { Contributions } from './answer-contributions.js';
import { Comments, Objectives } from './answer-objectives-comments.js';
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
  const { t, date, dateTime, language } = useLocale();
  const base = `${reviewPath(country, cycle)}/answers/${encodeURIComponent(questionId)}`;
  const answer = useApi<Answer>(base);
  // Whatever changes an answer changes its review's pages, the to-do lists and the tracking.
  const queries = reviewQueries(country, cycle);
  const moving = useApiMutation(
    ({ m, text }: { m: Move; text: string }) =>
      // A return's comment and a re-opening's reason are both kept as a comment on the answer.
      post(`${base}/status`, { to: m.to, ...(m.requires ? { comment: text } : {}) }),
    queries,
  );
  const saving = useApiMutation(
    ({ blocks, baseRevision, value }: { blocks: Block[]; baseRevision: number; value?: unknown }) =>
      put<AnswerSaved>(base, { blocks, baseRevision, ...(value !== undefined ? { value } : {}) }),
    queries,
  );
  // The autosave keeps the author's working draft on the server (no revision). A plain call, not
  // a mutation: nothing another page shows changes, and fetching the answer again at every pause
  // in typing would redraw the page under the writer's hands.
  const autosaveDraft = async (blocks: Block[], baseRevision: number, value?: unknown) => {
    await put<AnswerDraftSaved>(`${base}/draft`, { blocks, baseRevision, ...(value !== undefined ? { value } : {}) });
  };
  // The editor's « save first if needed » (DraftEditor's actions), for the moves below it.
  const flushRef = useRef<(() => Promise<boolean>) | null>(null);
  if (answer.error) return <LoadError error={answer.error} />;
  if (!answer.data) return <Loading />;
  const a = answer.data;
  const may = a.may ?? {};
  const reviewLink = reviewPath(country, cycle);
  const canSeeReview = may.edit || may.decide || may.assign;
  const mine = a.myEntities ?? [];
  // Answers and contributions change only while the review is a draft or in consultation.
  const open = !a.reviewStatus || OPEN_REVIEW.has(a.reviewStatus);

  const editing = Boolean(may.edit && open && a.status !== 'approved');
  const typed = a.kind !== 'text';
  if (!editing) flushRef.current = null; // no editor, nothing typed to save first
  const move = async (m: Move, text: string) => {
    // What is typed goes with the move: sending for review (or any move) saves it as a revision
    // first, and a save refused (a conflict, the network) stops the move, the editor saying why.
    if (flushRef.current && !(await flushRef.current())) throw new Error(t('answer.move_not_saved'));
    await moving.mutateAsync({ m, text });
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
      {a.neighbours && (
        <QuestionNav review={reviewLink} neighbours={a.neighbours} place="top" editor={Boolean(may.edit)} />
      )}
      {a.synthetic && <SyntheticLabel />}
      {/* Returned: what the validator asked, first, before the question and the text to revise. */}
      {a.returnedWith && (
        <div className="notice returned-with" role="note" aria-labelledby="returned-with-heading">
          <h2 id="returned-with-heading">{t('answer.returned_with')}</h2>
          <p className="comment-meta">
            <strong dir="auto">{a.returnedWith.authorName || a.returnedWith.author}</strong> ·{' '}
            <span>{dateTime(a.returnedWith.createdAt)}</span>
          </p>
          <p dir="auto" className="returned-comment">
            {a.returnedWith.body}
          </p>
        </div>
      )}
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
        <Guidance section={a.section?.guidance} question={a.guidance} />
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
                  <span dir="auto">{a.updatedByName || a.updatedBy}</span>
                  {a.updatedAt && <>, {date(a.updatedAt)}</>}
                </dd>
              </div>
            )}
          </dl>
          {editing ? (
            <DraftEditor
              id="answer-text"
              label={t('answer.edit_label')}
              storageKey={draftKey(country, cycle, questionId, 'answer')}
              serverBlocks={a.blocks ?? []}
              serverRevision={a.revision}
              save={(blocks, baseRevision, value) => saving.mutateAsync({ blocks, baseRevision, value })}
              {...(typed
                ? {
                    value: {
                      server: a.value,
                      fieldId: valueFieldId('answer-text'),
                      render: (value, onChange, error) => (
                        <ValueField
                          id={valueFieldId('answer-text')}
                          asked={a}
                          value={value as EditedValue}
                          onChange={onChange}
                          error={error}
                        />
                      ),
                    },
                  }
                : {})}
              autosaveDraft={autosaveDraft}
              serverDraft={a.myDraft}
              discardDraft={() => del(`${base}/draft`).then(() => undefined)}
              actions={(flush) => {
                flushRef.current = flush;
                return null;
              }}
            />
          ) : (
            <div className="answer">
              {typed && a.value && <ValueText asked={a} value={a.value} />}
              {(a.blocks ?? []).length > 0 ? (
                <Blocks blocks={a.blocks} />
              ) : (
                !(typed && a.value) && <p className="muted">{t('answer.empty')}</p>
              )}
            </div>
          )}
          <p>
            <Link to={`${base}/history`}>{t('answer.history')}</Link>
          </p>
          <h3>{t('answer.moves')}</h3>
          {/* The moves the API allows, and why one is not there (the reader wrote the text). */}
          <Moves
            kind="answer"
            status={a.status}
            moves={open ? (a.allowedMoves ?? []) : []}
            blocked={open ? (a.blockedMoves ?? []) : []}
            onMove={move}
          />
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
                {x.note && (
                  <p className="assignment-note">
                    {t('assign.note_shown')} <q dir="auto">{x.note}</q>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {!mine.length && (a.contributions ?? []).length > 0 && (
        <Contributions answer={a} base={base} open={open} queries={queries} />
      )}

      {(a.objectives ?? []).length > 0 && <Objectives answer={a} base={base} open={open} queries={queries} />}

      <Comments answer={a} base={base} queries={queries} />
      {a.neighbours && (
        <QuestionNav review={reviewLink} neighbours={a.neighbours} place="bottom" editor={Boolean(may.edit)} />
      )}
    </Page>
  );
}

/**
 * « Question précédente / suivante » in the questionnaire's order, and the next answer waiting for
 * the reader (to write or revise for whoever edits, to approve or return for a validator), at the
 * top and the bottom of the page. Each link names its question, so it reads alone.
 */
function QuestionNav(props: { review: string; neighbours: Neighbours; place: 'top' | 'bottom'; editor: boolean }) {
  const { t } = useLocale();
  const { previous, next, nextForMe } = props.neighbours;
  const to = (id: string) => `${props.review}/answers/${encodeURIComponent(id)}`;
  return (
    <nav
      className={`question-nav question-nav-${props.place}`}
      aria-label={props.place === 'top' ? t('answer.nav.top') : t('answer.nav.bottom')}
    >
      <ul>
        {previous && (
          <li>
            <Link to={to(previous)} rel="prev">
              {t('answer.nav.previous', { id: previous })}
            </Link>
          </li>
        )}
        {next && (
          <li>
            <Link to={to(next)} rel="next">
              {t('answer.nav.next', { id: next })}
            </Link>
          </li>
        )}
        {nextForMe && (
          <li>
            <Link to={to(nextForMe)}>
              {props.editor
                ? t('answer.nav.next_to_write', { id: nextForMe })
                : t('answer.nav.next_to_review', { id: nextForMe })}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
