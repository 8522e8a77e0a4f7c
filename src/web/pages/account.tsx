import { useEffect, useState } from 'react';
import { errorsOf, Form, RadioGroup, type FieldError } from '../components/form.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { put } from '../lib/api.js';
import { LANGUAGES, useLocale } from '../lib/i18n.js';
import type { MailPreferences } from '../lib/types.js';
import { useApi, useApiMutation } from '../lib/query.js';

type Delivery = MailPreferences['mailDelivery'];
/** '' stands for null: no language chosen, each e-mail in its cycle's language. */
type MailLanguage = NonNullable<MailPreferences['language']> | '';

const DELIVERIES: Delivery[] = ['immediate', 'daily'];
// The keys written out, so that the catalogue test finds them used.
const DELIVERY_TEXT = {
  immediate: { label: 'account.delivery_immediate', hint: 'account.delivery_immediate_hint' },
  daily: { label: 'account.delivery_daily', hint: 'account.delivery_daily_hint' },
} as const;
// The first choice of each group: where the error summary leads.
const FIRST = 'account-delivery-immediate';

/**
 * My e-mail settings (GET/PUT /session/preferences): how Pacte's e-mail reaches me — each at once
 * or one summary a day — and in which language. One's own settings only; in-app notifications
 * appear at once whatever is chosen here, which the page says so nobody thinks they lose them.
 */
export function AccountPage() {
  const { t } = useLocale();
  const saved = useApi<MailPreferences>('/session/preferences');
  // Saving changes these settings only.
  const saving = useApiMutation(
    (body: { mailDelivery: Delivery; language: MailLanguage | null }) =>
      put<MailPreferences>('/session/preferences', body),
    ['/session/preferences'],
  );
  const [delivery, setDelivery] = useState<Delivery>('immediate');
  const [language, setLanguage] = useState<MailLanguage>('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);

  // The form starts from what is saved.
  useEffect(() => {
    if (!saved.data) return;
    setDelivery(saved.data.mailDelivery);
    setLanguage(saved.data.language ?? '');
  }, [saved.data]);

  if (saved.error) return <LoadError error={saved.error} />;
  if (!saved.data) return <Loading />;

  const submit = async () => {
    setDone(false);
    try {
      await saving.mutateAsync({ mailDelivery: delivery, language: language || null });
      setErrors([]);
      setDone(true);
    } catch (error) {
      setErrors(errorsOf(error, FIRST));
    }
  };
  const changed = () => setDone(false);

  return (
    <Page title={t('account.title')}>
      <p>{t('account.intro')}</p>
      {done && (
        <p className="notice" role="status">
          {t('account.saved')}
        </p>
      )}
      <Form className="account-form" errors={errors} onSubmit={submit}>
        <RadioGroup
          id="account-delivery"
          label={t('account.delivery')}
          hint={t('account.delivery_hint')}
          errors={errors}
          value={delivery}
          onChange={(value) => {
            setDelivery(value as Delivery);
            changed();
          }}
          options={DELIVERIES.map((value) => ({
            value,
            label: t(DELIVERY_TEXT[value].label),
            hint: t(DELIVERY_TEXT[value].hint),
          }))}
        />
        <RadioGroup
          id="account-language"
          label={t('account.language')}
          errors={errors}
          value={language}
          onChange={(value) => {
            setLanguage(value as MailLanguage);
            changed();
          }}
          options={(['', ...LANGUAGES] as MailLanguage[]).map((value) => ({
            value,
            id: value ? undefined : 'account-language-cycle',
            lang: value || undefined,
            label: value ? t(`language.${value}`) : t('account.language_cycle'),
          }))}
        />
        <button type="submit" id="account-save" className="button" disabled={saving.isPending}>
          {t('account.save')}
        </button>
      </Form>
    </Page>
  );
}
