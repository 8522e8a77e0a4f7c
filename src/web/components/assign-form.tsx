import { useState } from 'react';
import { CheckboxGroup, errorsOf, Form, SelectField, TextArea, TextField, type FieldError } from './form.js';
import { today } from './assignment-edit.js';
import { post } from '../lib/api.js';
import { localText, useLocale } from '../lib/i18n.js';
import { useApiMutation } from '../lib/query.js';
import type { Workspace } from '../lib/types.js';

/** Brings a message just shown into view (stable, so React calls it once, when it appears). */
const reveal = (node: HTMLElement | null) => node?.scrollIntoView({ block: 'nearest' });

/**
 * Giving questions to an entity, with a due date and a note (the focal point, on the dashboard:
 * behind « Attribuer des questions », so that the form no longer sits under the whole list).
 */
export function AssignForm(props: {
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
      <h2 id="assign-title" className="visually-hidden">
        {t('assign.title')}
      </h2>
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
