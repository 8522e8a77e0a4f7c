import { useState, type FormEvent } from 'react';
import { describedBy, ErrorSummary, FieldMessage, type FieldError } from '../components/error-summary.js';
import { messageOf } from '../components/moves.js';
import { Page } from '../components/page.js';
import { post } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import { useGo } from '../lib/navigation.js';
import { useSession } from '../lib/session.js';
import { useData } from '../lib/use-data.js';
import type { Session, SignInProviders } from '../lib/types.js';

/** Sign-in: e-mail and password; the API's message, in the reader's language, when it fails. */
export function SignInPage() {
  const { t, language } = useLocale();
  const go = useGo();
  const { setSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  // A ministry's identity provider, when the server has one configured.
  const providers = useData<SignInProviders>('/api/v1/session/providers');
  const oidc = providers.data?.oidc ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!email.trim()) missing.push({ field: 'email', message: t('sign_in.email_required') });
    if (!password) missing.push({ field: 'password', message: t('sign_in.password_required') });
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    try {
      const session = await post<Session>('/session', { email: email.trim(), password });
      setSession(session);
      const next = new URLSearchParams(window.location.search).get('next');
      // Only a path of this app: never a redirect to another site.
      const safe = next && /^\/[\w/.%-]*(\?[\w=&%.-]*)?$/.test(next) && !next.startsWith('//') ? next : '/tasks';
      go(safe, { replace: true });
    } catch (error) {
      setPassword('');
      setErrors([{ field: 'email', message: messageOf(error) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('sign_in.title')}>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate className="narrow">
        <div className={`field${errors.some((e) => e.field === 'email') ? ' field-error' : ''}`}>
          <label htmlFor="email">{t('sign_in.email')}</label>
          <FieldMessage id="email" errors={errors} />
          <input
            id="email"
            type="email"
            dir="ltr"
            autoComplete="username"
            spellCheck={false}
            value={email}
            aria-describedby={describedBy('email', errors)}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className={`field${errors.some((e) => e.field === 'password') ? ' field-error' : ''}`}>
          <label htmlFor="password">{t('sign_in.password')}</label>
          <FieldMessage id="password" errors={errors} />
          <input
            id="password"
            type="password"
            dir="ltr"
            autoComplete="current-password"
            value={password}
            aria-describedby={describedBy('password', errors)}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('sign_in.submit')}
        </button>
      </form>
      {oidc && (
        <p>
          <a
            className="button secondary"
            href={`${oidc.startUrl}?next=${encodeURIComponent(`/app/?lang=${language}`)}`}
          >
            {t('sign_in.with_provider', { name: oidc.name })}
          </a>
        </p>
      )}
    </Page>
  );
}
