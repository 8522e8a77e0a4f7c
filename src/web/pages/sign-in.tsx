import { useState } from 'react';
import { errorsOf, Form, TextField, type FieldError } from '../components/form.js';
import { Page } from '../components/page.js';
import { post } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import { useGo } from '../lib/navigation.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/query.js';
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
  const providers = useApi<SignInProviders>('/session/providers');
  const oidc = providers.data?.oidc ?? null;

  const submit = async () => {
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
      setErrors(errorsOf(error, 'email'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('sign_in.title')}>
      <Form className="narrow" errors={errors} onSubmit={submit}>
        <TextField
          id="email"
          type="email"
          label={t('sign_in.email')}
          errors={errors}
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
        />
        <TextField
          id="password"
          type="password"
          label={t('sign_in.password')}
          errors={errors}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('sign_in.submit')}
        </button>
      </Form>
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
