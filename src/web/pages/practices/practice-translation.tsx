import { useState } from 'react';
import type { Language } from '../../../domain/language.js';
import { errorsOf, Form, SelectField, TextArea, TextField, type FieldError } from '../../components/form.js';
import { focusOnMount } from '../../components/moves.js';
import { put } from '../../lib/api.js';
import { LANGUAGES, useLocale } from '../../lib/i18n.js';
import { useApiMutation } from '../../lib/query.js';
import type { Practice } from '../../lib/types.js';

const FIELDS = ['title', 'summary', 'description', 'results', 'innovation', 'lessons', 'sustainability'] as const;
type Fields = Record<(typeof FIELDS)[number], string>;

/** The texts of a practice's translation into `language`, or empty ones. */
function textsOf(practice: Practice, language: Language): Fields {
  const found = practice.translations.find((x) => x.language === language);
  return Object.fromEntries(FIELDS.map((f) => [f, found?.[f] ?? ''])) as Fields;
}

/**
 * « Traduire » on a practice's page, for whoever may translate it (the region's secretariat, or the
 * country while the practice is with it): its texts in another language, written by a person; a
 * translation already there is edited in place.
 */
export function PracticeTranslation({ practice, path }: { practice: Practice; path: string }) {
  const { t } = useLocale();
  const others = LANGUAGES.filter((l) => l !== practice.language);
  const [language, setLanguage] = useState<Language>(others[0]!);
  const [texts, setTexts] = useState<Fields>(() => textsOf(practice, others[0]!));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const saving = useApiMutation(
    (body: Fields) => put<Practice>(`${path}/translations/${language}`, body),
    ['/practices'],
  );
  const choose = (l: string) => {
    setLanguage(l as Language);
    setTexts(textsOf(practice, l as Language));
    setDone(false);
  };
  const submit = async () => {
    if (!texts.title.trim()) {
      setErrors([{ field: 'translation-title', message: t('practices.translate.title_required') }]);
      return;
    }
    try {
      await saving.mutateAsync(texts);
      setErrors([]);
      setDone(true);
    } catch (failure) {
      setErrors(errorsOf(failure, 'translation-title'));
    }
  };
  return (
    <details className="practice-translation">
      <summary>{t('practices.translate.open')}</summary>
      {done && (
        <p className="notice" role="status" tabIndex={-1} ref={focusOnMount}>
          {t('practices.translate.saved')}
        </p>
      )}
      <Form errors={errors} onSubmit={submit}>
        <SelectField
          id="translation-language"
          label={t('practices.translate.language')}
          errors={errors}
          value={language}
          onChange={choose}
          options={others.map((l) => ({ value: l, label: t(`language.${l}`), lang: l }))}
        />
        <TextField
          id="translation-title"
          label={t('practices.form.title')}
          errors={errors}
          value={texts.title}
          onChange={(v) => setTexts((x) => ({ ...x, title: v }))}
        />
        {FIELDS.filter((f) => f !== 'title').map((f) => (
          <TextArea
            key={f}
            id={`translation-${f}`}
            label={t(f === 'summary' ? 'practices.form.summary' : `practices.form.${f}`)}
            errors={errors}
            lang={language}
            value={texts[f]}
            onChange={(v) => setTexts((x) => ({ ...x, [f]: v }))}
          />
        ))}
        <button type="submit" className="button" disabled={saving.isPending}>
          {t('practices.translate.save')}
        </button>
      </Form>
    </details>
  );
}
