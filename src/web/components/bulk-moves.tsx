import { useEffect, useRef, useState } from 'react';
import { OPEN_REVIEW } from '../../domain/workflow.js';
import { ApiError, post } from '../lib/api.js';
import { localText, useLocale } from '../lib/i18n.js';
import { useApiMutation } from '../lib/query.js';
import type { AnswersMoved, DashboardQuestion, Workspace } from '../lib/types.js';
import { QuestionAssignments } from './assignment-edit.js';
import { Link } from './link.js';
import { messageOf } from './moves.js';
import { StatusTag } from './status.js';

/**
 * The dashboard's questions, listed once, section by section (issue 12, items 8 and 11): each
 * row its id, wording, status, assignments and — when a move applies to it — a checkbox; several
 * answers are then sent for review or approved together (POST …/answers/status, all or nothing),
 * from a bar that stays at the bottom of the screen while something is selected, after a
 * confirmation that states the count. What happened is said above the list, focused: the answers
 * moved, or each refused one with the API's reason.
 */

/** The moves done in bulk: those that need no comment (returning an answer asks for one, per answer). */
const BULK_MOVES = ['in_review', 'approved'] as const;
type BulkMove = (typeof BULK_MOVES)[number];

const applies = (q: DashboardQuestion, to: BulkMove) => q.allowedMoves.some((m) => m.to === to && !m.requires);
/** An element id from a question id (II.a → II_a): ids with dots need escaping in selectors. */
const slug = (id: string) => id.replace(/[^\w-]/g, '_');

/** One answer of a refused bulk move, as the API lists it (details.refused of answers.not_moved). */
interface Refusal {
  questionId: string;
  code: string;
  message: string;
  details?: { from?: unknown };
}

interface Outcome {
  ok: boolean;
  message: string;
  refused: { questionId: string; message: string }[];
}

export function QuestionsBySection(props: { ws: Workspace; base: string; queries: string[] }) {
  const { ws, base } = props;
  const { t, number, language } = useLocale();
  const [selected, setSelected] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<BulkMove | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const said = useRef<HTMLDivElement>(null);
  const asked = useRef<HTMLParagraphElement>(null);
  const moving = useApiMutation(
    (body: { questions: string[]; to: BulkMove }) => post<AnswersMoved>(`${base}/answers/status`, body),
    props.queries,
  );
  const questions = ws.sections.flatMap((s) => s.questions);
  const editable = (ws.may?.assign ?? false) && OPEN_REVIEW.has(ws.status);
  // The moves someone may make on at least one answer: one « select all » each.
  const offered = BULK_MOVES.filter((to) => questions.some((q) => applies(q, to)));
  // A row that no longer offers a move (it moved, or the page was refreshed) leaves the selection.
  const chosen = selected.filter((id) => questions.some((q) => q.id === id && offered.some((to) => applies(q, to))));
  const chosenFor = (to: BulkMove) =>
    chosen.filter((id) =>
      applies(
        questions.find((q) => q.id === id)!,
        to,
      ),
    );

  useEffect(() => {
    if (outcome) said.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (confirming) asked.current?.focus();
  }, [confirming]);

  const toggle = (id: string, on: boolean) => {
    setOutcome(null);
    setSelected((current) => (on ? [...current.filter((q) => q !== id), id] : current.filter((q) => q !== id)));
  };
  const actionLabel = (to: BulkMove, count: number) =>
    to === 'in_review' ? t('bulk.send', { count }) : t('bulk.approve', { count });

  const run = async (to: BulkMove) => {
    const ids = chosenFor(to);
    try {
      const moved = await moving.mutateAsync({ questions: ids, to });
      const count = moved.answers.length;
      setOutcome({
        ok: true,
        message: to === 'in_review' ? t('bulk.sent', { count }) : t('bulk.approved', { count }),
        refused: [],
      });
      setSelected((current) => current.filter((id) => !ids.includes(id)));
    } catch (error) {
      const listed =
        error instanceof ApiError && Array.isArray(error.details.refused) ? (error.details.refused as Refusal[]) : [];
      // An answer that moved meanwhile is said with its status in words, not the API's codes.
      const refused = listed.map((r) => ({
        questionId: r.questionId,
        message:
          r.code === 'answer.move_not_allowed' && typeof r.details?.from === 'string'
            ? t('bulk.refused_status', { status: t(`answer.status.${r.details.from}`) })
            : r.message,
      }));
      setOutcome({ ok: false, message: messageOf(error), refused });
    } finally {
      setConfirming(null);
    }
  };

  return (
    <section aria-labelledby="dashboard-questions" className="dashboard-questions">
      <h2 id="dashboard-questions">{t('dashboard.questions')}</h2>
      {offered.length > 0 && (
        <div className="button-row bulk-select">
          {offered.map((to) => (
            <button
              key={to}
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setOutcome(null);
                setSelected(questions.filter((q) => applies(q, to)).map((q) => q.id));
              }}
            >
              {to === 'in_review' ? t('bulk.select_all_send') : t('bulk.select_all_approve')}
            </button>
          ))}
        </div>
      )}
      <div ref={said} tabIndex={-1} role="status" className="bulk-outcome">
        {outcome && (
          <div className={outcome.ok ? 'notice' : 'error-summary'}>
            <p>{outcome.message}</p>
            {outcome.refused.length > 0 && (
              <ul>
                {outcome.refused.map((r) => (
                  <li key={r.questionId}>
                    <Link to={`${base}/answers/${encodeURIComponent(r.questionId)}`}>{r.questionId}</Link> — {r.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {ws.sections.map((section) => {
        const approved = section.questions.filter((q) => q.status === 'approved').length;
        return (
          <section key={section.id} id={`section-${section.id}`} aria-labelledby={`section-${section.id}-title`}>
            <h3 id={`section-${section.id}-title`}>
              {section.id}. <span dir="auto">{localText(section.title, language)}</span>
            </h3>
            <p className="section-progress">
              {t('dashboard.section_approved', { count: number(approved), total: number(section.questions.length) })}
            </p>
            <ul className="question-list">
              {section.questions.map((q) => {
                const row = `q-${slug(q.id)}`;
                const box = offered.some((to) => applies(q, to));
                return (
                  <li key={q.id} className="question-row">
                    {/* Rows without a box keep its place, so that the questions stay aligned. */}
                    {!box && offered.length > 0 && <span className="bulk-box" aria-hidden="true" />}
                    {box && (
                      <input
                        type="checkbox"
                        id={`bulk-${slug(q.id)}`}
                        className="bulk-box"
                        checked={chosen.includes(q.id)}
                        aria-labelledby={`${row}-id ${row}-text`}
                        onChange={(e) => toggle(q.id, e.target.checked)}
                      />
                    )}
                    <div className="question-body">
                      {/* The wording is cut to two lines on the dashboard (whole on the answer's page). */}
                      <Link to={`${base}/answers/${encodeURIComponent(q.id)}`} className="question-link">
                        <span className="question-id" id={`${row}-id`}>
                          {q.id}
                        </span>{' '}
                        <span dir="auto" id={`${row}-text`}>
                          {localText(q.text, language)}
                        </span>
                      </Link>
                      <div className="question-meta">
                        <StatusTag kind="answer" status={q.status} />
                      </div>
                      <QuestionAssignments
                        base={base}
                        questionId={q.id}
                        assignments={q.assignments ?? []}
                        editable={editable}
                        queries={props.queries}
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {chosen.length > 0 && (
        <div className="bulk-bar" role="region" aria-label={t('bulk.bar')}>
          {confirming ? (
            <>
              <p ref={asked} tabIndex={-1} className="bulk-question">
                {confirming === 'in_review'
                  ? t('bulk.confirm_send', { count: chosenFor(confirming).length })
                  : t('bulk.confirm_approve', { count: chosenFor(confirming).length })}
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="button"
                  disabled={moving.isPending}
                  onClick={() => void run(confirming)}
                >
                  {actionLabel(confirming, chosenFor(confirming).length)}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p className="bulk-question">{t('bulk.selected', { count: chosen.length })}</p>
              <div className="button-row">
                {offered
                  .filter((to) => chosenFor(to).length > 0)
                  .map((to) => (
                    <button key={to} type="button" className="button" onClick={() => setConfirming(to)}>
                      {actionLabel(to, chosenFor(to).length)}
                    </button>
                  ))}
                <button type="button" className="button button-secondary" onClick={() => setSelected([])}>
                  {t('bulk.clear')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
