import { useEffect, useRef, useState } from 'react';
import { api, del } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import { useApiMutation } from '../lib/query.js';
import type { Assignment } from '../lib/types.js';
import { errorsOf, Form, TextArea, TextField, type FieldError } from './form.js';
import { messageOf } from './moves.js';

/**
 * Today in the browser's calendar, YYYY-MM-DD: the date field's min. The API decides (it allows
 * for the earliest time zone) and its refusal, assignment.due_in_past, is shown under the field.
 */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A question's assignments on the dashboard, each with its due date and note; a focal point may
 * change the due date and the note, or withdraw it after a confirmation. What was done is said
 * here, beside the assignment (not at the top of a long page), and stays after a withdrawal.
 */
export function QuestionAssignments(props: {
  base: string;
  questionId: string;
  assignments: Assignment[];
  /** May edit and withdraw (a focal point of an open review). */
  editable: boolean;
  queries: string[];
}) {
  const { t, date } = useLocale();
  const [done, setDone] = useState('');
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) said.current?.scrollIntoView({ block: 'nearest' });
  }, [done]);
  if (props.assignments.length === 0 && !done) return null;
  return (
    <div className="assignments">
      {done && (
        <p className="notice" role="status" ref={said}>
          {done}
        </p>
      )}
      {props.assignments.map((a) => (
        <div key={a.entity.id} className="assignment">
          <p className={`task-meta${a.overdue ? ' overdue' : ''}`}>
            <span dir="auto">{a.entity.name}</span>
            {/* An assignment may have no due date. */}
            {a.dueOn &&
              ` — ${
                a.overdue
                  ? t('tasks.overdue_since', { date: date(a.dueOn) })
                  : t('tasks.due_on', { date: date(a.dueOn) })
              }`}
          </p>
          {a.note && (
            <p className="assignment-note">
              {t('assign.note_shown')} <q dir="auto">{a.note}</q>
            </p>
          )}
          {props.editable && <AssignmentActions {...props} assignment={a} onDone={setDone} />}
        </div>
      ))}
    </div>
  );
}

function AssignmentActions(props: {
  base: string;
  questionId: string;
  assignment: Assignment;
  queries: string[];
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const a = props.assignment;
  const path = `${props.base}/assignments/${encodeURIComponent(props.questionId)}/${a.entity.id}`;
  const id = `assignment-${props.questionId}-${a.entity.id}`.replace(/[^\w-]/g, '_');
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [dueOn, setDueOn] = useState(a.dueOn ?? '');
  const [note, setNote] = useState(a.note ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState('');
  const saving = useApiMutation(
    (body: { dueOn: string | null; note: string | null }) => api('PATCH', path, body),
    props.queries,
  );
  const withdrawing = useApiMutation(() => del(path), props.queries);

  const save = async () => {
    props.onDone('');
    try {
      await saving.mutateAsync({ dueOn: dueOn || null, note: note.trim() || null });
      setErrors([]);
      setOpen(false);
      props.onDone(t('assign.changed', { entity: a.entity.name }));
    } catch (error) {
      setErrors(errorsOf(error, `${id}-due`, { 'assignment.note': `${id}-note` }));
    }
  };
  const withdraw = async () => {
    try {
      await withdrawing.mutateAsync();
      props.onDone(t('assign.withdrawn', { entity: a.entity.name, id: props.questionId }));
    } catch (error) {
      setFailure(messageOf(error));
      setConfirming(false);
    }
  };

  if (confirming)
    return (
      <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
        <p id={`${id}-confirm`}>{t('assign.withdraw_confirm', { entity: a.entity.name, id: props.questionId })}</p>
        <div className="button-row">
          <button type="button" className="button button-warning" onClick={() => void withdraw()}>
            {t('assign.withdraw_yes')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  return (
    <>
      {failure && (
        <p className="notice" role="alert">
          {failure}
        </p>
      )}
      {open ? (
        <Form errors={errors} onSubmit={save} className="assignment-form">
          <TextField
            id={`${id}-due`}
            type="date"
            label={t('assign.due')}
            errors={errors}
            value={dueOn}
            min={today()}
            onChange={setDueOn}
          />
          <TextArea
            id={`${id}-note`}
            label={t('assign.note')}
            hint={t('assign.note_hint')}
            errors={errors}
            value={note}
            rows={2}
            onChange={setNote}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={saving.isPending}>
              {t('assign.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Form>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary button-small"
            aria-label={t('assign.edit_label', { entity: a.entity.name, id: props.questionId })}
            onClick={() => {
              props.onDone('');
              setOpen(true);
            }}
          >
            {t('assign.edit')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-label={t('assign.withdraw_label', { entity: a.entity.name, id: props.questionId })}
            onClick={() => {
              props.onDone('');
              setConfirming(true);
            }}
          >
            {t('assign.withdraw')}
          </button>
        </div>
      )}
    </>
  );
}
