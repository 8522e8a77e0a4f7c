import { useState, type FormEvent } from 'react';
import type { Language } from '../../../domain/language.js';
import { describedBy, ErrorSummary, FieldMessage, type FieldError } from '../../components/error-summary.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { api, ApiError, post } from '../../lib/api.js';
import { LANGUAGES, localText, useLocale } from '../../lib/i18n.js';
import { useGo } from '../../lib/navigation.js';
import { useSession } from '../../lib/session.js';
import type { CountryInfo, CycleInfo } from '../../lib/types.js';
import { useData } from '../../lib/use-data.js';
import { CountryChoice } from './country-choice.js';
import { CycleMoves } from './cycle-moves.js';
import { cyclePath, secretariatRegions } from './regional.js';

/** Which field an error of the API is about (docs/errors.md, the cycle.* codes). */
const FIELD_OF: Record<string, string> = {
  'cycle.exists': 'cycle-id',
  'cycle.invalid_id': 'cycle-id',
  'cycle.invalid_title': 'cycle-title-fr',
  'cycle.invalid_dates': 'cycle-due',
  'cycle.dates_required': 'cycle-opens',
  'cycle.unknown_country': 'cycle-countries',
  'cycle.country_has_review': 'cycle-countries',
  'cycle.unknown_questionnaire': 'cycle-questionnaire',
  'cycle.questionnaire_locked': 'cycle-questionnaire',
  'cycle.invalid_languages': 'cycle-lang-fr',
  'cycle.unknown_region': 'cycle-region',
};

interface Form {
  region: string;
  id: string;
  title: Record<Language, string>;
  questionnaire: string;
  version: string;
  languages: Language[];
  opensOn: string;
  dueOn: string;
  countries: string[];
}

/** Create a cycle (`/cycles/new`) or edit one (`/cycles/:cycle/edit`): its settings, then its state. */
export function CycleFormPage({ cycle: id }: { cycle?: string }) {
  const { t } = useLocale();
  const cycles = useData<{ cycles: CycleInfo[] }>('/cycles');
  const countries = useData<{ countries: CountryInfo[] }>('/countries');
  const existing = useData<CycleInfo>(id ? `/cycles/${encodeURIComponent(id)}` : null);
  const error = cycles.error ?? countries.error ?? existing.error;
  if (error) return <LoadError error={error} />;
  if (!cycles.data || !countries.data || (id && !existing.data)) return <Loading />;
  return (
    <CycleForm
      key={existing.data?.settings?.updatedAt ?? 'new'}
      cycle={id ? existing.data : null}
      cycles={cycles.data.cycles}
      countries={countries.data.countries}
      onChanged={existing.reload}
      title={id ? t('regional.cycle_form.edit_title') : t('regional.cycle_form.new_title')}
    />
  );
}

function CycleForm(props: {
  cycle: CycleInfo | null;
  cycles: CycleInfo[];
  countries: CountryInfo[];
  onChanged: () => void;
  title: string;
}) {
  const { t, language } = useLocale();
  const go = useGo();
  const { session } = useSession();
  const { cycle } = props;
  const regions = secretariatRegions(session) ?? [...new Set(props.cycles.map((c) => c.region))];
  // The questionnaires Pacte has, as its cycles use them (the API lists no questionnaires).
  const questionnaires = [...new Set(props.cycles.map((c) => c.questionnaire.id))];
  const [form, setForm] = useState<Form>(() => ({
    region: cycle?.region ?? regions[0] ?? '',
    id: cycle?.id ?? '',
    title: { fr: cycle?.title.fr ?? '', en: cycle?.title.en ?? '', ar: cycle?.title.ar ?? '' },
    questionnaire: cycle?.questionnaire.id ?? questionnaires[0] ?? '',
    version: cycle ? String(cycle.questionnaire.version) : '',
    languages: cycle?.languages ?? [...LANGUAGES],
    opensOn: cycle?.opensOn ?? '',
    dueOn: cycle?.dueOn ?? '',
    countries: cycle?.settings?.countries ?? [],
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  // The region's countries, and any other taking part already (a country may be in several regions).
  const choices = props.countries.filter((c) => c.regions.includes(form.region) || form.countries.includes(c.code));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!cycle && !form.id.trim()) found.push({ field: 'cycle-id', message: t('regional.cycle_form.id_required') });
    if (form.languages.length === 0)
      found.push({ field: 'cycle-lang-fr', message: t('regional.cycle_form.languages_required') });
    setErrors(found);
    if (found.length) return;
    const title = Object.fromEntries(Object.entries(form.title).filter(([, v]) => v.trim() !== ''));
    const body = {
      ...(Object.keys(title).length > 0 && { title }),
      questionnaire: form.questionnaire,
      ...(form.version && { questionnaireVersion: Number(form.version) }),
      languages: form.languages,
      opensOn: form.opensOn || null,
      dueOn: form.dueOn || null,
      countries: form.countries,
    };
    setBusy(true);
    try {
      const saved = cycle
        ? await api<CycleInfo>('PATCH', `/cycles/${encodeURIComponent(cycle.id)}`, body)
        : await post<CycleInfo>('/cycles', { id: form.id.trim(), region: form.region, ...body });
      go(cyclePath(saved.id));
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.code : '';
      const message = failure instanceof Error ? failure.message : String(failure);
      setErrors([{ field: FIELD_OF[code] ?? (cycle ? 'cycle-title-fr' : 'cycle-id'), message }]);
    } finally {
      setBusy(false);
    }
  };

  const field = (fieldId: string, label: string, input: (d: string | undefined) => React.ReactNode, hint?: string) => (
    <div className={`field${errors.some((e) => e.field === fieldId) ? ' field-error' : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      {hint && (
        <p className="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      )}
      <FieldMessage id={fieldId} errors={errors} />
      {input(describedBy(fieldId, errors, hint ? `${fieldId}-hint` : undefined))}
    </div>
  );

  return (
    <Page
      title={props.title}
      caption={
        cycle ? (
          <Link to={cyclePath(cycle.id)}>{localText(cycle.title, language) || cycle.id}</Link>
        ) : (
          <Link to="/region">{t('regional.cycle.back_home')}</Link>
        )
      }
    >
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate className="cycle-form">
        {!cycle &&
          regions.length > 1 &&
          field('cycle-region', t('regional.cycle_form.region'), (d) => (
            <select
              id="cycle-region"
              value={form.region}
              aria-describedby={d}
              onChange={(e) => set('region', e.target.value)}
            >
              {regions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          ))}
        {!cycle &&
          field(
            'cycle-id',
            t('regional.cycle_form.id'),
            (d) => (
              <input
                id="cycle-id"
                type="text"
                dir="ltr"
                autoComplete="off"
                value={form.id}
                aria-describedby={d}
                onChange={(e) => set('id', e.target.value)}
              />
            ),
            t('regional.cycle_form.id_hint'),
          )}
        <fieldset>
          <legend>{t('regional.cycle_form.names')}</legend>
          <p className="hint">{t('regional.cycle_form.names_hint')}</p>
          {LANGUAGES.map((lang) =>
            field(`cycle-title-${lang}`, t(`language.${lang}`), (d) => (
              <input
                id={`cycle-title-${lang}`}
                type="text"
                className="input-wide"
                lang={lang}
                dir={lang === 'ar' ? 'rtl' : 'ltr'}
                value={form.title[lang]}
                aria-describedby={d}
                onChange={(e) => set('title', { ...form.title, [lang]: e.target.value })}
              />
            )),
          )}
        </fieldset>
        <div className="inline-fields">
          {field('cycle-questionnaire', t('regional.cycle_form.questionnaire'), (d) => (
            <select
              id="cycle-questionnaire"
              dir="ltr"
              value={form.questionnaire}
              aria-describedby={d}
              onChange={(e) => set('questionnaire', e.target.value)}
            >
              {questionnaires.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          ))}
          {field(
            'cycle-version',
            t('regional.cycle_form.version'),
            (d) => (
              <input
                id="cycle-version"
                type="number"
                min={1}
                className="input-short"
                value={form.version}
                aria-describedby={d}
                onChange={(e) => set('version', e.target.value)}
              />
            ),
            t('regional.cycle_form.version_hint'),
          )}
        </div>
        <fieldset>
          <legend>{t('regional.cycle_form.languages')}</legend>
          <FieldMessage id="cycle-lang-fr" errors={errors} />
          {LANGUAGES.map((lang) => (
            <div className="checkbox" key={lang}>
              <input
                id={`cycle-lang-${lang}`}
                type="checkbox"
                checked={form.languages.includes(lang)}
                onChange={(e) =>
                  set(
                    'languages',
                    LANGUAGES.filter((l) => (l === lang ? e.target.checked : form.languages.includes(l))),
                  )
                }
              />
              <label htmlFor={`cycle-lang-${lang}`}>{t(`language.${lang}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="inline-fields">
          {field('cycle-opens', t('regional.cycle.opens_on'), (d) => (
            <input
              id="cycle-opens"
              type="date"
              value={form.opensOn}
              aria-describedby={d}
              onChange={(e) => set('opensOn', e.target.value)}
            />
          ))}
          {field('cycle-due', t('regional.cycle.due_on'), (d) => (
            <input
              id="cycle-due"
              type="date"
              value={form.dueOn}
              aria-describedby={d}
              onChange={(e) => set('dueOn', e.target.value)}
            />
          ))}
        </div>
        <CountryChoice
          choices={choices}
          chosen={form.countries}
          errors={errors}
          onChange={(list) => set('countries', list)}
        />
        <button type="submit" className="button" disabled={busy}>
          {cycle ? t('regional.cycle_form.save') : t('regional.cycle_form.create')}
        </button>
      </form>
      {cycle && <CycleMoves cycle={cycle} onMoved={props.onChanged} />}
    </Page>
  );
}
