import type { Language } from '../../../domain/language.js';
import { TextArea, TextField, type FieldError } from '../../components/form.js';
import { LANGUAGES, localText, useLocale } from '../../lib/i18n.js';
import { fieldIds as ids, type ValueDraft } from './code-draft.js';

/** « en français », "in French", « بالفرنسية »: how a field names its language. */
export const inLanguage = (t: ReturnType<typeof useLocale>['t'], l: Language) =>
  ({ fr: t('codeForm.in_fr'), en: t('codeForm.in_en'), ar: t('codeForm.in_ar') })[l];

/**
 * One value of a code in the code form (code-form.tsx): its key, its labels and its cue phrases
 * in fr, en and ar, and buttons to move it up or down and to remove it — buttons, not dragging,
 * so that a keyboard does everything. A value some answers are confirmed with says so first.
 */
export function ValueFields(props: {
  value: ValueDraft;
  number: number;
  count: number;
  /** How many countries' answers are confirmed with it (it cannot be removed then). */
  uses: number;
  errors: FieldError[];
  onChange: (change: Partial<ValueDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t, language } = useLocale();
  const { value, number, errors } = props;
  const languageName = (l: Language) => inLanguage(t, l);
  const legend = localText(value.labels, language).trim();
  const which = <span className="visually-hidden"> {t('codeForm.value.which', { number })}</span>;
  return (
    <fieldset className="code-value">
      <legend>
        {t('codeForm.value.legend', { number })}
        {legend && <span className="code-value-name"> — {legend}</span>}
      </legend>
      {props.uses > 0 && <p className="hint code-value-in-use">{t('codeForm.value.in_use', { count: props.uses })}</p>}
      {value.saved ? (
        <p className="code-value-key">
          {t('codeForm.value.key_fixed')} <code dir="ltr">{value.key}</code>
        </p>
      ) : (
        <TextField
          id={ids.key(value.uid)}
          label={t('codeForm.value.key')}
          hint={t('codeForm.value.key_hint')}
          errors={errors}
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          value={value.key}
          onChange={(key) => props.onChange({ key })}
        />
      )}
      <div className="code-form-langs">
        {LANGUAGES.map((l) => (
          <TextField
            key={l}
            id={ids.label(value.uid, l)}
            label={t('codeForm.value.label_in', { language: languageName(l) })}
            errors={errors}
            lang={l}
            dir={l === 'ar' ? 'rtl' : 'ltr'}
            value={value.labels[l]}
            onChange={(text) => props.onChange({ labels: { ...value.labels, [l]: text } })}
          />
        ))}
      </div>
      <div className="code-form-langs">
        {LANGUAGES.map((l) => (
          <TextArea
            key={l}
            id={ids.cues(value.uid, l)}
            label={t('codeForm.value.cues_in', { language: languageName(l) })}
            hint={t('codeForm.value.cues_hint')}
            errors={errors}
            lang={l}
            rows={3}
            value={value.cues[l]}
            onChange={(text) => props.onChange({ cues: { ...value.cues, [l]: text } })}
          />
        ))}
      </div>
      <div className="button-group code-value-actions">
        <button
          type="button"
          id={`code-value-${value.uid}-up`}
          className="button button-secondary button-small"
          disabled={number === 1}
          onClick={() => props.onMove(-1)}
        >
          {t('codeForm.value.up')}
          {which}
        </button>
        <button
          type="button"
          id={`code-value-${value.uid}-down`}
          className="button button-secondary button-small"
          disabled={number === props.count}
          onClick={() => props.onMove(1)}
        >
          {t('codeForm.value.down')}
          {which}
        </button>
        <button
          type="button"
          id={`code-value-${value.uid}-remove`}
          className="button button-warning button-small"
          onClick={props.onRemove}
        >
          {t('codeForm.value.remove')}
          {which}
        </button>
      </div>
    </fieldset>
  );
}
