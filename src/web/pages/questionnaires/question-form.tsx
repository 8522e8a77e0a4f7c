import { useState } from 'react';
import { Form, SelectField, TextArea, TextField, type FieldError } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, NoAccess, Page } from '../../components/page.js';
import { ApiError } from '../../lib/api.js';
import { LANGUAGES, localText, useLocale } from '../../lib/i18n.js';
import { useGo } from '../../lib/navigation.js';
import type { Questionnaire, QuestionnaireBody } from '../../lib/types.js';
import { ChoicesEditor, type ChoiceDraft } from './choices-editor.js';
import { bodyOf, questionKindKey, useSaveVersion, useVersion, versionPath } from './shared.js';

type Language = (typeof LANGUAGES)[number];
type Texts = Record<Language, string>;
type QuestionBody = QuestionnaireBody['sections'][number]['questions'][number];

const KINDS = ['text', 'single_choice', 'multiple_choice', 'number', 'objectives', 'principles'] as const;
const CHOICE_KINDS: readonly string[] = ['single_choice', 'multiple_choice'];
const texts = (m?: { fr?: string; en?: string; ar?: string } | null): Texts => ({
  fr: m?.fr ?? '',
  en: m?.en ?? '',
  ar: m?.ar ?? '',
});
const filled = (m: Texts) => Object.fromEntries(Object.entries(m).filter(([, v]) => v.trim() !== ''));
const isEmpty = (m: Texts) => Object.keys(filled(m)).length === 0;

export interface QuestionDraft {
  letter: string;
  text: Texts;
  guidance: Texts;
  kind: string;
  choices: ChoiceDraft[];
  unit: Texts;
}

/**
 * `/questionnaires/:id/:version/questions/:question` (edit) and
 * `…/sections/:section/new-question` (add at the end of the section): one question per form —
 * its letter, wording and guidance in fr/en/ar, answer type, options or unit.
 */
export function QuestionFormPage(props: { id: string; version: number; question?: string; section?: string }) {
  const loaded = useVersion(props.id, props.version);
  if (loaded.error) return <LoadError error={loaded.error} />;
  if (loaded.summary === null) return <NoAccess />;
  if (!loaded.questionnaire || !loaded.summary) return <Loading />;
  const q = loaded.questionnaire;
  const sectionId = props.section ?? props.question?.split('.')[0];
  const section = q.sections.find((s) => s.id === sectionId);
  const question = props.question ? section?.questions.find((x) => x.id === props.question) : undefined;
  if (!loaded.summary.editable || !section || (props.question && !question)) return <NoAccess />;
  return <QuestionForm questionnaire={q} section={section.id} question={question?.id ?? null} />;
}

function QuestionForm(props: { questionnaire: Questionnaire; section: string; question: string | null }) {
  const { t, language } = useLocale();
  const go = useGo();
  const q = props.questionnaire;
  const body = bodyOf(q);
  const sectionIndex = body.sections.findIndex((s) => s.id === props.section);
  const section = body.sections[sectionIndex]!;
  const stored = section.questions.find((x) => `${props.section}.${x.letter}` === props.question);
  const used = new Set(section.questions.map((x) => x.letter));
  const [draft, setDraft] = useState<QuestionDraft>(() => ({
    letter: stored?.letter ?? [...'abcdefghijklmnopqrstuvwxyz'].find((l) => !used.has(l)) ?? '',
    text: texts(stored?.text),
    guidance: texts(stored?.guidance),
    kind: stored?.kind ?? 'text',
    choices: (stored?.choices ?? []).map((c) => ({ id: c.id, label: texts(c.label) })),
    unit: texts(stored?.unit),
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const saving = useSaveVersion(q.id, q.version);
  const set = <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const choosing = CHOICE_KINDS.includes(draft.kind);

  const check = (): FieldError[] => {
    const found: FieldError[] = [];
    if (!/^[a-z0-9]{1,8}$/u.test(draft.letter.trim()))
      found.push({ field: 'question-letter', message: t('questionnaires.form.letter_invalid') });
    else if (draft.letter.trim() !== stored?.letter && used.has(draft.letter.trim()))
      found.push({
        field: 'question-letter',
        message: t('questionnaires.form.letter_taken', { letter: draft.letter }),
      });
    if (isEmpty(draft.text)) found.push({ field: 'question-text-fr', message: t('questionnaires.form.text_required') });
    if (choosing && draft.choices.length < 2)
      found.push({ field: 'choice-add', message: t('questionnaires.form.choices_required') });
    draft.choices.forEach((c, i) => {
      if (choosing && isEmpty(c.label))
        found.push({ field: `choice-${i}-fr`, message: t('questionnaires.form.choice_label_required', { n: i + 1 }) });
    });
    return found;
  };

  /** A refusal of the API under the field it is about (`questionnaire.invalid` says which by its reason). */
  const fieldOf = (failure: unknown): string => {
    const reason = failure instanceof ApiError ? String(failure.details.reason ?? '') : '';
    if (['duplicate_letter', 'bad_id'].includes(reason)) return 'question-letter';
    if (['choices_required', 'duplicate_choice'].includes(reason)) return 'choice-add';
    if (reason === 'unit_not_expected') return 'question-kind';
    return 'question-text-fr';
  };

  const submit = async () => {
    const found = check();
    setErrors(found);
    if (found.length) return;
    const question: QuestionBody = {
      letter: draft.letter.trim(),
      text: filled(draft.text),
      guidance: isEmpty(draft.guidance) ? null : filled(draft.guidance),
      kind: draft.kind,
      choices: choosing ? draft.choices.map((c) => ({ id: c.id, label: filled(c.label) })) : null,
      unit: draft.kind === 'number' && !isEmpty(draft.unit) ? filled(draft.unit) : null,
    };
    const questions = stored
      ? section.questions.map((x) => (x === stored ? question : x))
      : [...section.questions, question];
    const next = { ...body, sections: body.sections.map((s, i) => (i === sectionIndex ? { ...s, questions } : s)) };
    try {
      await saving.mutateAsync(next);
      go(versionPath(q.id, q.version));
    } catch (failure) {
      setErrors([{ field: fieldOf(failure), message: failure instanceof Error ? failure.message : String(failure) }]);
    }
  };

  const languageFields = (name: 'text' | 'guidance' | 'unit', rows: number) =>
    LANGUAGES.map((lang) =>
      name === 'unit' ? (
        <TextField
          key={lang}
          id={`question-unit-${lang}`}
          label={t(`language.${lang}`)}
          errors={errors}
          lang={lang}
          dir={lang === 'ar' ? 'rtl' : 'ltr'}
          value={draft.unit[lang]}
          onChange={(value) => set('unit', { ...draft.unit, [lang]: value })}
        />
      ) : (
        <TextArea
          key={lang}
          id={`question-${name}-${lang}`}
          label={t(`language.${lang}`)}
          errors={errors}
          lang={lang}
          dir={lang === 'ar' ? 'rtl' : 'ltr'}
          rows={rows}
          value={draft[name][lang]}
          onChange={(value) => set(name, { ...draft[name], [lang]: value })}
        />
      ),
    );

  return (
    <Page
      title={
        stored
          ? t('questionnaires.form.edit_title', { question: props.question })
          : t('questionnaires.form.new_title', { section: props.section })
      }
      caption={
        <Link to={versionPath(q.id, q.version)}>
          {t('questionnaires.version_title', { title: localText(q.title, language), version: q.version })}
        </Link>
      }
    >
      <Form errors={errors} onSubmit={submit} className="questionnaire-form">
        <TextField
          id="question-letter"
          label={t('questionnaires.form.letter')}
          hint={t('questionnaires.form.letter_hint', { section: props.section })}
          errors={errors}
          dir="ltr"
          inputClassName="input-short"
          autoComplete="off"
          value={draft.letter}
          onChange={(value) => set('letter', value)}
        />
        <fieldset>
          <legend>{t('questionnaires.form.text')}</legend>
          <p className="hint">{t('questionnaires.form.text_hint')}</p>
          {languageFields('text', 3)}
        </fieldset>
        <fieldset>
          <legend>{t('questionnaires.form.guidance')}</legend>
          <p className="hint">{t('questionnaires.form.guidance_hint')}</p>
          {languageFields('guidance', 2)}
        </fieldset>
        <SelectField
          id="question-kind"
          label={t('questionnaires.form.kind')}
          hint={t('questionnaires.form.kind_hint')}
          errors={errors}
          value={draft.kind}
          onChange={(value) => set('kind', value)}
          options={KINDS.map((k) => ({ value: k, label: t(questionKindKey(k)) }))}
        />
        {choosing && <ChoicesEditor choices={draft.choices} errors={errors} onChange={(c) => set('choices', c)} />}
        {draft.kind === 'number' && (
          <fieldset>
            <legend>{t('questionnaires.form.unit')}</legend>
            <p className="hint">{t('questionnaires.form.unit_hint')}</p>
            {languageFields('unit', 1)}
          </fieldset>
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={saving.isPending}>
            {t('questionnaires.form.save')}
          </button>
          <Link to={versionPath(q.id, q.version)}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </Page>
  );
}
