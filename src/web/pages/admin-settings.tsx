import { useState } from 'react';
import { CheckboxGroup, errorsOf, Form, SelectField, type FieldError } from '../components/form.js';
import { focusOnMount, MoveDone } from '../components/moves.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { put } from '../lib/api.js';
import { localText, useLocale } from '../lib/i18n.js';
import type { Countries, CountrySettings } from '../lib/types.js';
import { useApi, useApiMutation } from '../lib/query.js';
/**
 * A country's settings (administrators; migration 024): the one switch that waives the separation
 * of duties, off by default. Turning it on or off first says what it means and asks for a
 * confirmation; the API audits the change (country.settings, before and after).
 */
export function AdminCountrySettingsPage() {
  const { t, language, dateTime } = useLocale();
  const countries = useApi<Countries>('/countries');
  const [country, setCountry] = useState('');
  const path = country ? `/countries/${encodeURIComponent(country)}/settings` : null;
  const settings = useApi<CountrySettings>(path);
  const saving = useApiMutation(
    (body: { selfApproval: boolean }) => put<CountrySettings>(path!, body),
    // Whose buttons depend on it: the country's answer pages and dashboards.
    [path ?? '', '/reviews'],
  );
  const [wanted, setWanted] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  if (countries.error) return <LoadError error={countries.error} />;
  if (!countries.data) return <Loading />;
  const name = (code: string) =>
    localText(countries.data?.countries.find((c) => c.code === code)?.name, language) || code;
  const current = settings.data?.country === country ? settings.data.selfApproval : null;
  const value = wanted ?? current ?? false;

  const choose = (code: string) => {
    setCountry(code);
    setWanted(null);
    setConfirming(false);
    setErrors([]);
    setDone('');
  };
  const save = async () => {
    if (!country) return setErrors([{ field: 'settings-country', message: t('admin.settings.country_required') }]);
    if (current === null || value === current)
      return setErrors([{ field: 'settings-self-approval-on', message: t('admin.settings.unchanged') }]);
    if (!confirming) return setConfirming(true);
    try {
      const saved = await saving.mutateAsync({ selfApproval: value });
      setConfirming(false);
      setWanted(null);
      setErrors([]);
      setDone(t(saved.selfApproval ? 'admin.settings.done_on' : 'admin.settings.done_off', { country: name(country) }));
    } catch (failure) {
      setErrors(errorsOf(failure, 'settings-self-approval-on'));
    }
  };

  return (
    <Page title={t('admin.settings.title')}>
      <p>{t('admin.settings.intro')}</p>
      {done && <MoveDone id="settings-done" text={done} />}
      <Form errors={errors} onSubmit={save}>
        <SelectField
          id="settings-country"
          label={t('admin.country')}
          errors={errors}
          value={country}
          onChange={choose}
          placeholder={t('admin.settings.choose_country')}
          options={countries.data.countries.map((c) => ({
            value: c.code,
            label: localText(c.name, language) || c.code,
          }))}
        />
        {country && current !== null && (
          <>
            <p id="settings-current">
              {current
                ? t('admin.settings.current_on', { country: name(country) })
                : t('admin.settings.current_off', { country: name(country) })}
            </p>
            <p className="notice">
              <strong>{t('admin.settings.warning_title')}</strong> {t('admin.settings.warning')}
            </p>
            <CheckboxGroup
              id="settings-self-approval"
              label={t('admin.settings.self_approval')}
              errors={errors}
              values={value ? ['on'] : []}
              onChange={(values) => {
                setWanted(values.includes('on'));
                setConfirming(false);
                setDone('');
              }}
              options={[{ value: 'on', label: t('admin.settings.self_approval_option') }]}
            />
            {confirming ? (
              <div className="move-confirm">
                <h2 tabIndex={-1} ref={focusOnMount}>
                  {value
                    ? t('admin.settings.confirm_on', { country: name(country) })
                    : t('admin.settings.confirm_off', { country: name(country) })}
                </h2>
                <p>{value ? t('admin.settings.explain_on') : t('admin.settings.explain_off')}</p>
                <div className="button-group">
                  <button type="submit" id="settings-confirm" className="button" disabled={saving.isPending}>
                    {t('admin.settings.confirm')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            ) : (
              <button type="submit" id="settings-save" className="button">
                {t('admin.settings.save')}
              </button>
            )}
          </>
        )}
      </Form>
      {/* The audit log's changes of these settings: who waived or restored the rule, when. */}
      {country && current !== null && (settings.data?.changes ?? []).length > 0 && (
        <>
          <h2 id="settings-changes">{t('admin.settings.changes')}</h2>
          <ul aria-labelledby="settings-changes">
            {(settings.data?.changes ?? []).map((c) => (
              <li key={`${c.at}/${c.actor}`}>
                {t(c.selfApproval ? 'admin.settings.change_on' : 'admin.settings.change_off', {
                  date: dateTime(c.at),
                  who: c.actorName,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
