import { useState } from 'react';
import type { Language } from '../../domain/language.js';
import { formatNumberInput, parseNumberInput } from '../lib/number-input.js';
import { localText, useLocale } from '../lib/i18n.js';
import { useApi } from '../lib/query.js';
import type { Answer, Objectives, Principles } from '../lib/types.js';
import { CheckboxGroup, RadioGroup, TextField, type Choice, type FieldError } from './form.js';

/** What a question asks for besides free text, as the answer page's API gives it. */
export type Asked = Pick<Answer, 'kind' | 'choices' | 'unit'>;

/**
 * A typed value as the editor holds it: the API's value, or null; a number field's text that is
 * not a number is kept as typed (`{ number: "beaucoup" }`) so that the save is refused by the
 * server with its reason in the reader's language, next to the field.
 */
export type EditedValue = Record<string, unknown> | null;

const list = (value: EditedValue, key: string): string[] =>
  Array.isArray(value?.[key]) ? (value[key] as unknown[]).map(String) : [];

/** The label of each kind's control (and of its value when read). */
export const VALUE_LABELS: Record<string, string> = {
  single_choice: 'answerValue.label.single_choice',
  multiple_choice: 'answerValue.label.multiple_choice',
  number: 'answerValue.label.number',
  objectives: 'answerValue.label.objectives',
  principles: 'answerValue.label.principles',
};

/** The control's id (the error summary and the editor's error link lead to it). */
export const valueFieldId = (editor: string) => `${editor}-value`;

/**
 * The typed value of an answer, above its free text (issue 15): radio buttons for one choice,
 * checkboxes for several, a number with its unit (typed the reader's way: « 4 500 », « 4,5 »,
 * Eastern digits), the 23 GCM objectives or the 10 guiding principles as checkboxes with their
 * titles (a title that is not the UN's official wording in the reader's language says so).
 */
export function ValueField(props: {
  id: string;
  asked: Asked;
  value: EditedValue;
  onChange: (value: EditedValue) => void;
  error?: string | null;
}) {
  const { t, language } = useLocale();
  const { id, asked } = props;
  const errors: FieldError[] = props.error ? [{ field: id, message: props.error }] : [];
  const label = t(VALUE_LABELS[asked.kind] ?? 'answerValue.label.single_choice');
  const hint =
    asked.kind === 'multiple_choice' || asked.kind === 'objectives' || asked.kind === 'principles'
      ? t('answerValue.hint_several')
      : undefined;
  if (asked.kind === 'single_choice' || asked.kind === 'multiple_choice') {
    const options: Choice[] = (asked.choices ?? []).map((c) => ({ value: c.id, label: localText(c.label, language) }));
    const chosen = list(props.value, 'choices');
    const set = (ids: string[]) => props.onChange(ids.length ? { choices: ids } : null);
    // A radio group names its errors by its first button; the wrapper takes the focus from links.
    const first = options[0] ? `${id}-choice-${options[0].value}` : id;
    return asked.kind === 'single_choice' ? (
      <div className="value-field" id={id} tabIndex={-1}>
        <RadioGroup
          id={`${id}-choice`}
          label={label}
          errors={props.error ? [{ field: first, message: props.error }] : []}
          options={options}
          value={chosen[0] ?? ''}
          onChange={(v) => set([v])}
        />
        {chosen.length > 0 && (
          <button type="button" className="button button-secondary" onClick={() => set([])}>
            {t('answerValue.clear')}
          </button>
        )}
      </div>
    ) : (
      <CheckboxGroup
        id={id}
        label={label}
        hint={hint}
        errors={errors}
        groupErrors
        options={options}
        values={chosen}
        onChange={set}
        className="value-field"
      />
    );
  }
  if (asked.kind === 'number') return <NumberField {...props} label={label} errors={errors} language={language} />;
  if (asked.kind === 'objectives') return <ObjectivesField {...props} label={label} hint={hint} errors={errors} />;
  if (asked.kind === 'principles') return <PrinciplesField {...props} label={label} hint={hint} errors={errors} />;
  return null;
}

interface Shown {
  id: string;
  value: EditedValue;
  onChange: (value: EditedValue) => void;
  label: string;
  hint?: string | undefined;
  errors: FieldError[];
}

function NumberField(props: Shown & { asked: Asked; language: Language }) {
  const { language } = props;
  const initial = props.value?.number;
  // The text as typed: « 4 500 » stays « 4 500 » while the value underneath is 4500.
  const [text, setText] = useState(
    typeof initial === 'number' ? formatNumberInput(initial, language) : typeof initial === 'string' ? initial : '',
  );
  const unit = props.asked.unit ? localText(props.asked.unit, language) : '';
  return (
    <div className="value-field value-number">
      <TextField
        id={props.id}
        label={props.label}
        hint={unit || undefined}
        errors={props.errors}
        value={text}
        inputClassName="input-number"
        onChange={(typed) => {
          setText(typed);
          const n = parseNumberInput(typed, language);
          props.onChange(n === null ? null : { number: Number.isNaN(n) ? typed : n });
        }}
      />
    </div>
  );
}

/** A title is the UN's wording in the reader's language when the catalogue verified it. */
const official = (verified: Record<string, unknown>, language: Language) =>
  verified[language] === true || verified[language] === 'secondary';

/** The group's hint, saying once (not on each of 23 boxes) that the titles are unofficial. */
function HintWithStatus(props: { hint?: string | undefined; unofficial: boolean }) {
  const { t } = useLocale();
  return (
    <>
      {props.hint}
      {props.unofficial && (
        <>
          {' '}
          <strong className="tag">{t('answer.unofficial')}</strong>
        </>
      )}
    </>
  );
}

function ObjectivesField(props: Shown) {
  const { language } = useLocale();
  const catalogue = useApi<Objectives>('/objectives');
  const all = catalogue.data?.objectives ?? [];
  const options: Choice[] = all.map((o) => ({
    value: String(o.number),
    label: (
      <>
        {o.number}. <span dir="auto">{localText(o.title, language)}</span>
      </>
    ),
  }));
  const unofficial = all.some((o) => !official(o.verified, language));
  return (
    <CheckboxGroup
      id={props.id}
      label={props.label}
      hint={<HintWithStatus hint={props.hint} unofficial={unofficial} />}
      errors={props.errors}
      groupErrors
      className="value-field"
      options={options}
      values={list(props.value, 'objectives')}
      onChange={(values) => props.onChange(values.length ? { objectives: values.map(Number) } : null)}
    />
  );
}

function PrinciplesField(props: Shown) {
  const { language } = useLocale();
  const catalogue = useApi<Principles>('/principles');
  const all = catalogue.data?.principles ?? [];
  const options: Choice[] = all.map((p) => ({
    value: p.key,
    label: <span dir="auto">{localText(p.title, language)}</span>,
  }));
  const unofficial = all.some((p) => !official(p.verified, language));
  return (
    <CheckboxGroup
      id={props.id}
      label={props.label}
      hint={<HintWithStatus hint={props.hint} unofficial={unofficial} />}
      errors={props.errors}
      groupErrors
      className="value-field"
      options={options}
      values={list(props.value, 'principles')}
      onChange={(values) => props.onChange(values.length ? { principles: values } : null)}
    />
  );
}
