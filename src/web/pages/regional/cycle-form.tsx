import { useState } from 'react';
import type { Language } from '../../../domain/language.js';
import { CheckboxGroup, errorsOf, Form, SelectField, TextField, type FieldError } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { api, post } from '../../lib/api.js';
import { LANGUAGES, localText, useLocale } from '../../lib/i18n.js';
import { useGo } from '../../lib/navigation.js';
import { useSession } from '../../lib/session.js';
import type {
  Countries,
  CountryInfo,
  CycleInfo,
  Cycles,
  QuestionnaireVersion,
  QuestionnaireVersions,
} from '../../lib/types.js';
import { KIND_OF_VERSION_KEYS, kindOfVersion } from '../questionnaires/shared.js';
import { useApi, useApiMutation } from '../../lib/query.js';
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
  const cycles = useApi<Cycles>('/cycles');
  const countries = useApi<Countries>('/countries');
  const existing = useApi<CycleInfo>(id ? `/cycles/${encodeURIComponent(id)}` : null);
  const versions = useApi<QuestionnaireVersions>('/questionnaires');
  const error = cycles.error ?? countries.error ?? existing.error ?? versions.error;
  if (error) return <LoadError error={error} />;
  if (!cycles.data || !countries.data || !versions.data || (id && !existing.data)) return <Loading />;
  return (
    <CycleForm
      key={existing.data?.settings?.updatedAt ?? 'new'}
      cycle={id ? existing.data : null}
      cycles={cycles.data.cycles}
      countries={countries.data.countries}
      versions={versions.data.versions}
      title={id ? t('regional.cycle_form.edit_title') : t('regional.cycle_form.new_title')}
    />
  );
}

function CycleForm(props: {
  cycle: CycleInfo | null;
  cycles: CycleInfo[];
  countries: CountryInfo[];
  versions: QuestionnaireVersion[];
  title: string;
}) {
  const { t, language } = useLocale();
  const go = useGo();
  const { session } = useSession();
  const { cycle } = props;
  const regions = secretariatRegions(session) ?? [...new Set(props.cycles.map((c) => c.region))];
  // The newest version the secretariat may use comes first: its region's own, else a shipped one.
  const first = props.versions.find((v) => v.region !== null) ?? props.versions[0];
  const [form, setForm] = useState<Form>(() => ({
    region: cycle?.region ?? regions[0] ?? '',
    id: cycle?.id ?? '',
    title: { fr: cycle?.title.fr ?? '', en: cycle?.title.en ?? '', ar: cycle?.title.ar ?? '' },
    questionnaire: cycle?.questionnaire.id ?? first?.id ?? '',
    version: String(cycle?.questionnaire.version ?? first?.version ?? ''),
    languages: cycle?.languages ?? [...LANGUAGES],
    opensOn: cycle?.opensOn ?? '',
    dueOn: cycle?.dueOn ?? '',
    countries: cycle?.settings?.countries ?? [],
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  // A cycle's settings: its pages, the region's home and tracking (/cycles…), and the to-do lists
  // of the countries it adds.
  const saving = useApiMutation(
    (body: Record<string, unknown>) =>
      cycle
        ? api<CycleInfo>('PATCH', `/cycles/${encodeURIComponent(cycle.id)}`, body)
        : post<CycleInfo>('/cycles', body),
    ['/cycles', '/tasks'],
  );
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  // The region's countries, and any other taking part already (a country may be in several regions).
  const choices = props.countries.filter((c) => c.regions.includes(form.region) || form.countries.includes(c.code));

  const submit = async () => {
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
    try {
      const saved = await saving.mutateAsync(cycle ? body : { id: form.id.trim(), region: form.region, ...body });
      go(cyclePath(saved.id));
    } catch (failure) {
      setErrors(errorsOf(failure, cycle ? 'cycle-title-fr' : 'cycle-id', FIELD_OF));
    }
  };

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
      <Form errors={errors} onSubmit={submit} className="cycle-form">
        {!cycle && regions.length > 1 && (
          <SelectField
            id="cycle-region"
            label={t('regional.cycle_form.region')}
            errors={errors}
            value={form.region}
            onChange={(value) => set('region', value)}
            options={regions.map((r) => ({ value: r, label: r }))}
          />
        )}
        {!cycle && (
          <TextField
            id="cycle-id"
            label={t('regional.cycle_form.id')}
            hint={t('regional.cycle_form.id_hint')}
            errors={errors}
            dir="ltr"
            autoComplete="off"
            value={form.id}
            onChange={(value) => set('id', value)}
          />
        )}
        <fieldset>
          <legend>{t('regional.cycle_form.names')}</legend>
          <p className="hint">{t('regional.cycle_form.names_hint')}</p>
          {LANGUAGES.map((lang) => (
            <TextField
              key={lang}
              id={`cycle-title-${lang}`}
              label={t(`language.${lang}`)}
              errors={errors}
              inputClassName="input-wide"
              lang={lang}
              dir={lang === 'ar' ? 'rtl' : 'ltr'}
              value={form.title[lang]}
              onChange={(value) => set('title', { ...form.title, [lang]: value })}
            />
          ))}
        </fieldset>
        <SelectField
          id="cycle-questionnaire"
          label={t('regional.cycle_form.questionnaire')}
          hint={t('questionnaires.cycle_hint')}
          errors={errors}
          value={`${form.questionnaire}@${form.version}`}
          onChange={(value) => {
            const [questionnaire = '', version = ''] = value.split('@');
            setForm((f) => ({ ...f, questionnaire, version }));
          }}
          options={props.versions.map((v) => ({
            value: `${v.id}@${v.version}`,
            label: t('questionnaires.option', {
              title: localText(v.title, language),
              version: v.version,
              kind: t(KIND_OF_VERSION_KEYS[kindOfVersion(v)][0]),
            }),
          }))}
        />
        <CheckboxGroup
          id="cycle-lang"
          label={t('regional.cycle_form.languages')}
          errors={errors}
          values={form.languages}
          onChange={(values) => set('languages', values as Language[])}
          options={LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
        />
        <div className="inline-fields">
          <TextField
            id="cycle-opens"
            type="date"
            label={t('regional.cycle.opens_on')}
            errors={errors}
            value={form.opensOn}
            onChange={(value) => set('opensOn', value)}
          />
          <TextField
            id="cycle-due"
            type="date"
            label={t('regional.cycle.due_on')}
            errors={errors}
            value={form.dueOn}
            onChange={(value) => set('dueOn', value)}
          />
        </div>
        <CountryChoice
          choices={choices}
          chosen={form.countries}
          errors={errors}
          onChange={(list) => set('countries', list)}
        />
        <button type="submit" className="button" disabled={saving.isPending}>
          {cycle ? t('regional.cycle_form.save') : t('regional.cycle_form.create')}
        </button>
      </Form>
      {cycle && <CycleMoves cycle={cycle} />}
    </Page>
  );
}
