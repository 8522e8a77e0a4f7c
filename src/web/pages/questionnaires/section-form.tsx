import { useState } from 'react';
import { Form, TextArea, TextField, type FieldError } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, NoAccess, Page } from '../../components/page.js';
import { LANGUAGES, localText, useLocale } from '../../lib/i18n.js';
import { useGo } from '../../lib/navigation.js';
import type { Questionnaire } from '../../lib/types.js';
import { bodyOf, useSaveVersion, useVersion, versionPath } from './shared.js';

type Language = (typeof LANGUAGES)[number];
type Texts = Record<Language, string>;
const texts = (m?: { fr?: string; en?: string; ar?: string } | null): Texts => ({
  fr: m?.fr ?? '',
  en: m?.en ?? '',
  ar: m?.ar ?? '',
});
const filled = (m: Texts) => Object.fromEntries(Object.entries(m).filter(([, v]) => v.trim() !== ''));
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/**
 * `/questionnaires/:id/:version/sections/:section` (edit) and `…/new-section` (add at the end):
 * a section's number, title and guidance note in fr/en/ar. A new section gets a first question
 * to write next (a section is never empty).
 */
export function SectionFormPage(props: { id: string; version: number; section?: string }) {
  const loaded = useVersion(props.id, props.version);
  if (loaded.error) return <LoadError error={loaded.error} />;
  if (loaded.summary === null) return <NoAccess />;
  if (!loaded.questionnaire || !loaded.summary) return <Loading />;
  const exists = loaded.questionnaire.sections.some((s) => s.id === props.section);
  if (!loaded.summary.editable || (props.section && !exists)) return <NoAccess />;
  return <SectionForm questionnaire={loaded.questionnaire} section={props.section ?? null} />;
}

function SectionForm({ questionnaire: q, section }: { questionnaire: Questionnaire; section: string | null }) {
  const { t, language } = useLocale();
  const go = useGo();
  const body = bodyOf(q);
  const stored = body.sections.find((s) => s.id === section);
  const ids = new Set(body.sections.map((s) => s.id));
  const [id, setId] = useState(stored?.id ?? ROMAN.find((r) => !ids.has(r)) ?? '');
  const [title, setTitle] = useState(texts(stored?.title));
  const [guidance, setGuidance] = useState(texts(stored?.guidance));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const saving = useSaveVersion(q.id, q.version);

  const submit = async () => {
    const found: FieldError[] = [];
    if (!/^[A-Za-z0-9-]{1,16}$/u.test(id.trim()))
      found.push({ field: 'section-id', message: t('questionnaires.section_form.id_invalid') });
    else if (id.trim() !== stored?.id && ids.has(id.trim()))
      found.push({ field: 'section-id', message: t('questionnaires.section_form.id_taken', { section: id }) });
    if (Object.keys(filled(title)).length === 0)
      found.push({ field: 'section-title-fr', message: t('questionnaires.section_form.title_required') });
    setErrors(found);
    if (found.length) return;
    const guidanceText = filled(guidance);
    const next = {
      id: id.trim(),
      title: filled(title),
      guidance: Object.keys(guidanceText).length ? guidanceText : null,
      questions: stored?.questions ?? [
        // A new section starts with one question, worded as a placeholder to rewrite.
        { letter: 'a', text: { [language]: t('questionnaires.section_form.first_question') }, kind: 'text' },
      ],
    };
    const sections = stored ? body.sections.map((s) => (s === stored ? next : s)) : [...body.sections, next];
    try {
      await saving.mutateAsync({ ...body, sections });
      go(versionPath(q.id, q.version));
    } catch (failure) {
      setErrors([{ field: 'section-id', message: failure instanceof Error ? failure.message : String(failure) }]);
    }
  };

  return (
    <Page
      title={
        stored ? t('questionnaires.section_form.edit_title', { section }) : t('questionnaires.section_form.new_title')
      }
      caption={
        <Link to={versionPath(q.id, q.version)}>
          {t('questionnaires.version_title', { title: localText(q.title, language), version: q.version })}
        </Link>
      }
    >
      <Form errors={errors} onSubmit={submit} className="questionnaire-form">
        <TextField
          id="section-id"
          label={t('questionnaires.section_form.id')}
          hint={t('questionnaires.section_form.id_hint')}
          errors={errors}
          dir="ltr"
          inputClassName="input-short"
          autoComplete="off"
          value={id}
          onChange={setId}
        />
        <fieldset>
          <legend>{t('questionnaires.section_form.title')}</legend>
          {LANGUAGES.map((lang) => (
            <TextField
              key={lang}
              id={`section-title-${lang}`}
              label={t(`language.${lang}`)}
              errors={errors}
              lang={lang}
              dir={lang === 'ar' ? 'rtl' : 'ltr'}
              inputClassName="input-wide"
              value={title[lang]}
              onChange={(value) => setTitle({ ...title, [lang]: value })}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('questionnaires.form.guidance')}</legend>
          <p className="hint">{t('questionnaires.section_form.guidance_hint')}</p>
          {LANGUAGES.map((lang) => (
            <TextArea
              key={lang}
              id={`section-guidance-${lang}`}
              label={t(`language.${lang}`)}
              errors={errors}
              lang={lang}
              dir={lang === 'ar' ? 'rtl' : 'ltr'}
              rows={2}
              value={guidance[lang]}
              onChange={(value) => setGuidance({ ...guidance, [lang]: value })}
            />
          ))}
        </fieldset>
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
