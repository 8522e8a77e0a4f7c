import { TextField, type FieldError } from '../../components/form.js';
import { FieldMessage } from '../../components/error-summary.js';
import { LANGUAGES, useLocale } from '../../lib/i18n.js';
import { moved } from './shared.js';

type Language = (typeof LANGUAGES)[number];

/** An option being edited: its stable id (a value names it) and its label per language. */
export interface ChoiceDraft {
  id: string;
  label: Record<Language, string>;
}

/** The next free id `o1`, `o2`…: ids stay when options are reordered or relabelled. */
const nextId = (choices: ChoiceDraft[]) => {
  const used = new Set(choices.map((c) => c.id));
  let n = choices.length + 1;
  while (used.has(`o${n}`)) n += 1;
  return `o${n}`;
};

/** The options of a choice question: labels in fr/en/ar, added, removed and reordered. */
export function ChoicesEditor(props: {
  choices: ChoiceDraft[];
  errors: FieldError[];
  onChange: (choices: ChoiceDraft[]) => void;
}) {
  const { t } = useLocale();
  const { choices, errors, onChange } = props;
  return (
    <fieldset className="choices-editor">
      <legend>{t('questionnaires.form.choices')}</legend>
      <p className="hint">{t('questionnaires.form.choices_hint')}</p>
      <ol>
        {choices.map((choice, i) => (
          <li key={choice.id}>
            <fieldset>
              <legend>{t('questionnaires.form.choice_n', { n: i + 1 })}</legend>
              {LANGUAGES.map((lang) => (
                <TextField
                  key={lang}
                  id={`choice-${i}-${lang}`}
                  label={t(`language.${lang}`)}
                  errors={errors}
                  lang={lang}
                  dir={lang === 'ar' ? 'rtl' : 'ltr'}
                  value={choice.label[lang]}
                  onChange={(value) =>
                    onChange(choices.map((c, j) => (j === i ? { ...c, label: { ...c.label, [lang]: value } } : c)))
                  }
                />
              ))}
              <div className="button-row">
                <button
                  type="button"
                  className="link-button"
                  disabled={i === 0}
                  onClick={() => onChange(moved(choices, i, -1))}
                >
                  {t('questionnaires.move_up')}
                  <span className="visually-hidden"> {t('questionnaires.form.choice_n', { n: i + 1 })}</span>
                </button>
                <button
                  type="button"
                  className="link-button"
                  disabled={i === choices.length - 1}
                  onClick={() => onChange(moved(choices, i, 1))}
                >
                  {t('questionnaires.move_down')}
                  <span className="visually-hidden"> {t('questionnaires.form.choice_n', { n: i + 1 })}</span>
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onChange(choices.filter((_, j) => j !== i))}
                >
                  {t('questionnaires.form.choice_remove', { n: i + 1 })}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <FieldMessage id="choice-add" errors={errors} />
      <button
        type="button"
        id="choice-add"
        className="button button-secondary"
        onClick={() => onChange([...choices, { id: nextId(choices), label: { fr: '', en: '', ar: '' } }])}
      >
        {t('questionnaires.form.choice_add')}
      </button>
    </fieldset>
  );
}
