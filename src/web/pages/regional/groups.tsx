import { useState } from 'react';
import { CheckboxGroup, errorsOf, Form, TextField, type FieldError } from '../../components/form.js';
import { Link } from '../../components/link.js';
import { LoadError, Loading, Page } from '../../components/page.js';
import { del, post, put } from '../../lib/api.js';
import { LANGUAGES, localText, useLocale } from '../../lib/i18n.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import type { Countries, CountryGroup, CountryGroups } from '../../lib/types.js';

/** Which field an error of the API is about (docs/errors.md, the group.* codes). */
const fieldsOf = (prefix: string): Record<string, string> => ({
  'group.exists': `${prefix}-id`,
  'group.invalid_id': `${prefix}-id`,
  'group.names_missing': `${prefix}-name-fr`,
  'group.unknown_country': `${prefix}-countries`,
  'group.country_outside_region': `${prefix}-countries`,
});

/** The label of each language's name field. */
const NAME_LABELS = { fr: 'groups.name_fr', en: 'groups.name_en', ar: 'groups.name_ar' } as const;

interface Draft {
  id: string;
  names: Record<string, string>;
  countries: string[];
}

/**
 * The country groups of a region (`/regions/:region/groups`), for its secretariat: each group
 * with its names in French, English and Arabic and its member countries, to change or delete;
 * then a form to add one. The side-by-side view filters answers by these groups.
 */
export function GroupsPage({ region }: { region: string }) {
  const { t } = useLocale();
  const path = `/regions/${encodeURIComponent(region)}/groups`;
  const groups = useApi<CountryGroups>(path);
  const countries = useApi<Countries>('/countries');
  const [said, setSaid] = useState('');
  if (groups.error) return <LoadError error={groups.error} />;
  if (!groups.data || !countries.data) return <Loading />;
  const members = countries.data.countries.filter((c) => c.regions.includes(region));
  return (
    <Page title={t('groups.title')} caption={<Link to="/region">{t('groups.back_home')}</Link>}>
      <p className="lead">{t('groups.intro')}</p>
      {said && (
        <p role="status" className="groups-said">
          {said}
        </p>
      )}
      {groups.data.groups.map((group) => (
        <GroupForm key={group.id} path={path} group={group} members={members} onDone={setSaid} />
      ))}
      <GroupForm key={groups.data.groups.length} path={path} members={members} onDone={setSaid} />
    </Page>
  );
}

function GroupForm(props: {
  path: string;
  group?: CountryGroup;
  members: Countries['countries'];
  onDone: (message: string) => void;
}) {
  const { t, language } = useLocale();
  const { group, path } = props;
  const prefix = group ? `group-${group.id}` : 'group-new';
  const [draft, setDraft] = useState<Draft>({
    id: group?.id ?? '',
    names: { fr: group?.names.fr ?? '', en: group?.names.en ?? '', ar: group?.names.ar ?? '' },
    countries: group?.countries ?? [],
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [confirming, setConfirming] = useState(false);
  const body = { names: draft.names, countries: draft.countries };
  const save = useApiMutation(
    () => (group ? put(`${path}/${encodeURIComponent(group.id)}`, body) : post(path, { ...body, id: draft.id.trim() })),
    [path],
  );
  const remove = useApiMutation(() => del(`${path}/${encodeURIComponent(group!.id)}`), [path]);
  const name = group ? localText(group.names, language) || group.id : t('groups.new');
  const sorted = [...props.members].sort((a, b) =>
    (localText(a.name, language) || a.code).localeCompare(localText(b.name, language) || b.code, language),
  );
  const submit = async () => {
    try {
      await save.mutateAsync();
      setErrors([]);
      props.onDone(t(group ? 'groups.saved' : 'groups.created', { name: localText(draft.names, language) }));
    } catch (failure) {
      setErrors(errorsOf(failure, `${prefix}-name-fr`, fieldsOf(prefix)));
    }
  };
  return (
    <section className="group-form" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{name}</h2>
      <Form errors={errors} onSubmit={submit}>
        {!group && (
          <TextField
            id={`${prefix}-id`}
            dir="ltr"
            label={t('groups.id')}
            hint={t('groups.id_hint')}
            errors={errors}
            value={draft.id}
            onChange={(id) => setDraft((d) => ({ ...d, id }))}
          />
        )}
        {LANGUAGES.map((lang) => (
          <TextField
            key={lang}
            id={`${prefix}-name-${lang}`}
            lang={lang}
            dir={lang === 'ar' ? 'rtl' : 'ltr'}
            label={t(NAME_LABELS[lang])}
            errors={errors}
            value={draft.names[lang] ?? ''}
            onChange={(value) => setDraft((d) => ({ ...d, names: { ...d.names, [lang]: value } }))}
          />
        ))}
        <CheckboxGroup
          id={`${prefix}-countries`}
          groupErrors
          listClassName="country-grid"
          label={t('groups.countries')}
          hint={t('groups.countries_hint', { count: draft.countries.length })}
          errors={errors}
          values={draft.countries}
          onChange={(countries) => setDraft((d) => ({ ...d, countries }))}
          options={sorted.map((country) => ({
            value: country.code,
            id: `${prefix}-country-${country.code}`,
            label: <span dir="auto">{localText(country.name, language) || country.code}</span>,
          }))}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={save.isPending}>
            {group ? t('groups.save') : t('groups.create')}
          </button>
          {group && !confirming && (
            <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
              {t('groups.delete')}
            </button>
          )}
        </div>
      </Form>
      {group && confirming && (
        <div className="groups-confirm" role="alertdialog" aria-labelledby={`${prefix}-confirm`}>
          <p id={`${prefix}-confirm`}>{t('groups.delete_confirm', { name })}</p>
          <div className="button-group">
            <button
              type="button"
              className="button button-warning"
              onClick={async () => {
                await remove.mutateAsync();
                props.onDone(t('groups.deleted', { name }));
              }}
            >
              {t('groups.delete_yes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('groups.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
