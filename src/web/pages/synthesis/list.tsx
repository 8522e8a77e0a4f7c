import { useState } from 'react';
import { errorsOf, Form, SelectField, TextField, type FieldError } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { SyntheticLabel } from '../../components/synthetic.js';
import { post } from '../../lib/api.js';
import { localText, useLocale } from '../../lib/i18n.js';
import { useGo } from '../../lib/navigation.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import { hasRole, useSession } from '../../lib/session.js';
import type { CycleInfo } from '../../lib/types.js';
import { cyclePath } from '../regional/regional.js';
import { synthesesPath, synthesisPath, type Synthesis, type SynthesisList } from './api.js';

const LANGUAGES = ['fr', 'en', 'ar'] as const;

/**
 * « Synthèse régionale »: the cycle's syntheses (an edition per language, linked as translations),
 * who saved each last and when, and « Nouvelle synthèse » (title, language, the edition it
 * translates) leading to the editor.
 */
export function SynthesesPage({ cycle }: { cycle: string }) {
  const { t, language, dateTime } = useLocale();
  const info = useApi<CycleInfo>(cyclePath(cycle));
  const list = useApi<SynthesisList>(synthesesPath(cycle));
  const { session } = useSession();
  const error = info.error ?? list.error;
  if (error) return <LoadError error={error} />;
  if (!info.data || !list.data) return <Loading />;
  const syntheses = list.data.syntheses;
  const titleOf = (id: number | null) => syntheses.find((s) => s.id === id)?.title ?? '';
  // Editions linked either way: the one it translates, and those translating it.
  const linked = (s: Synthesis) =>
    syntheses.filter((o) => o.id !== s.id && (o.id === s.translationOf || o.translationOf === s.id));
  return (
    <Page
      title={t('synthesis.list.title')}
      caption={<Link to={cyclePath(cycle)}>{localText(info.data.title, language) || cycle}</Link>}
    >
      {info.data.synthetic && <SyntheticLabel />}
      {syntheses.length === 0 ? (
        <p className="muted">{t('synthesis.list.none')}</p>
      ) : (
        <ul className="synthesis-list">
          {syntheses.map((s) => (
            <li key={s.id}>
              <p className="synthesis-list-title">
                <Link to={synthesisPath(cycle, s.id)}>
                  <span lang={s.language} dir="auto">
                    {s.title || t('synthesis.untitled')}
                  </span>
                </Link>
              </p>
              <p className="muted">
                {t(`language.${s.language}`)}
                {' · '}
                {s.revision === 0
                  ? t('synthesis.list.never_saved')
                  : t('synthesis.list.saved', { who: s.updatedBy, when: dateTime(s.updatedAt) })}
              </p>
              {linked(s).length > 0 && (
                <p className="muted">
                  {t('synthesis.list.editions')}{' '}
                  {linked(s).map((o, i) => (
                    <span key={o.id}>
                      {i > 0 && ', '}
                      <Link to={synthesisPath(cycle, o.id)}>
                        <span lang={o.language} dir="auto">
                          {o.title || titleOf(o.id)}
                        </span>{' '}
                        ({t(`language.${o.language}`)})
                      </Link>
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {/* Translators read the syntheses; the secretariat (and administrators) start them. */}
      {hasRole(session, 'secretariat', 'admin') && <NewSynthesis cycle={cycle} syntheses={syntheses} />}
    </Page>
  );
}

function NewSynthesis({ cycle, syntheses }: { cycle: string; syntheses: Synthesis[] }) {
  const { t, language } = useLocale();
  const go = useGo();
  const [title, setTitle] = useState('');
  const [lang, setLang] = useState<string>(language);
  const [of, setOf] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const creating = useApiMutation(
    (body: { title: string; language: string; translationOf: number | null }) =>
      post<Synthesis>(synthesesPath(cycle), body),
    [synthesesPath(cycle)],
  );
  const submit = async () => {
    const found: FieldError[] = [];
    if (!title.trim()) found.push({ field: 'synthesis-title', message: t('synthesis.new.title_required') });
    setErrors(found);
    if (found.length > 0) return;
    try {
      const created = await creating.mutateAsync({
        title: title.trim(),
        language: lang,
        translationOf: of ? Number(of) : null,
      });
      go(synthesisPath(cycle, created.id));
    } catch (failure) {
      setErrors(errorsOf(failure, 'synthesis-title'));
    }
  };
  return (
    <section aria-labelledby="synthesis-new" className="synthesis-new">
      <h2 id="synthesis-new">{t('synthesis.new.heading')}</h2>
      <Form errors={errors} onSubmit={submit}>
        <TextField
          id="synthesis-title"
          label={t('synthesis.new.title')}
          errors={errors}
          value={title}
          onChange={setTitle}
          lang={lang}
        />
        <SelectField
          id="synthesis-language"
          label={t('synthesis.new.language')}
          errors={errors}
          value={lang}
          onChange={setLang}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`), lang: l }))}
        />
        {syntheses.length > 0 && (
          <SelectField
            id="synthesis-translation-of"
            label={t('synthesis.new.translation_of')}
            hint={t('synthesis.new.translation_hint')}
            errors={errors}
            value={of}
            onChange={setOf}
            placeholder={t('synthesis.new.no_translation')}
            options={syntheses
              .filter((s) => s.language !== lang)
              .map((s) => ({ value: String(s.id), label: `${s.title} (${t(`language.${s.language}`)})` }))}
          />
        )}
        <button type="submit" className="button" disabled={creating.isPending}>
          {t('synthesis.new.submit')}
        </button>
      </Form>
    </section>
  );
}
