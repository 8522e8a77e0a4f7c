import { useEffect, useState, type FormEvent } from 'react';
import { ErrorSummary, FieldMessage, type FieldError } from '../components/error-summary.js';
import { messageOf } from '../components/moves.js';
import { LoadError, Loading, Page } from '../components/page.js';
import { put } from '../lib/api.js';
import { LANGUAGES, useLocale } from '../lib/i18n.js';
import type { MailPreferences } from '../lib/types.js';
import { useData } from '../lib/use-data.js';

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
  const saved = useData<MailPreferences>('/session/preferences');
  const [delivery, setDelivery] = useState<Delivery>('immediate');
  const [language, setLanguage] = useState<MailLanguage>('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  // The form starts from what is saved.
  useEffect(() => {
    if (!saved.data) return;
    setDelivery(saved.data.mailDelivery);
    setLanguage(saved.data.language ?? '');
  }, [saved.data]);

  if (saved.error) return <LoadError error={saved.error} />;
  if (!saved.data) return <Loading />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setBusy(true);
    try {
      await put<MailPreferences>('/session/preferences', { mailDelivery: delivery, language: language || null });
      setErrors([]);
      setDone(true);
    } catch (error) {
      setErrors([{ field: FIRST, message: messageOf(error) }]);
    } finally {
      setBusy(false);
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
      <ErrorSummary errors={errors} />
      <form className="account-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className={errors.length ? 'field field-error' : 'field'} aria-describedby="account-delivery-hint">
          <legend>{t('account.delivery')}</legend>
          <p className="hint" id="account-delivery-hint">
            {t('account.delivery_hint')}
          </p>
          <FieldMessage id={FIRST} errors={errors} />
          {DELIVERIES.map((value) => (
            <div className="checkbox" key={value}>
              <input
                id={`account-delivery-${value}`}
                type="radio"
                name="delivery"
                value={value}
                checked={delivery === value}
                aria-describedby={`account-delivery-${value}-hint`}
                onChange={() => {
                  setDelivery(value);
                  changed();
                }}
              />
              <div>
                <label htmlFor={`account-delivery-${value}`}>{t(DELIVERY_TEXT[value].label)}</label>
                <p className="hint" id={`account-delivery-${value}-hint`}>
                  {t(DELIVERY_TEXT[value].hint)}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('account.language')}</legend>
          {(['', ...LANGUAGES] as MailLanguage[]).map((value) => (
            <div className="checkbox" key={value || 'cycle'}>
              <input
                id={`account-language-${value || 'cycle'}`}
                type="radio"
                name="language"
                value={value}
                checked={language === value}
                onChange={() => {
                  setLanguage(value);
                  changed();
                }}
              />
              <div>
                <label htmlFor={`account-language-${value || 'cycle'}`} lang={value || undefined}>
                  {value ? t(`language.${value}`) : t('account.language_cycle')}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <button type="submit" id="account-save" className="button" disabled={busy}>
          {t('account.save')}
        </button>
      </form>
    </Page>
  );
}
