import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { BrowserRouter, Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { isLanguage, type Language } from '../domain/language.js';
import { Link } from './components/link.js';
import { Loading } from './components/page.js';
import { configureApi, del, get } from './lib/api.js';
import { initialLanguage, LocaleContext, makeLocale, rememberLanguage, useLocale, LANGUAGES } from './lib/i18n.js';
import { BASENAME, withLanguage } from './lib/navigation.js';
import { queryClient } from './lib/query.js';
import { hasRole, SessionContext, useSession } from './lib/session.js';
import type { Session } from './lib/types.js';
import { MANAGES_PEOPLE } from './pages/people.js';
import { followsRegions, regionalFirst } from './pages/regional/regional.js';
import { AppRoutes } from './routes.js';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename={BASENAME}>
        <Localised />
      </BrowserRouter>
    </QueryClientProvider>
  );
}

/** The reader's language (from the address), the API's settings and the session, around every page. */
function Localised() {
  const location = useLocation();
  const navigate = useNavigate();
  const query = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const fromUrl = query.get('lang');
  const [fallback] = useState<Language>(initialLanguage);
  const language: Language = isLanguage(fromUrl) ? fromUrl : fallback;
  const locale = useMemo(() => makeLocale(language), [language]);
  const [session, keepSession] = useState<Session | null | undefined>(undefined);
  // Someone signs in or out: nothing cached for the one before is shown to the next one.
  const setSession = useCallback((next: Session | null) => {
    queryClient.clear();
    keepSession(next);
  }, []);

  // The address always says the language: a shared link opens in the same language.
  useEffect(() => {
    if (fromUrl !== language)
      void navigate(withLanguage(location.pathname, language, Object.fromEntries(query)), { replace: true });
    rememberLanguage(language);
  }, [fromUrl, language, location.pathname, query, navigate]);

  useEffect(() => {
    configureApi({
      language,
      networkMessage: locale.t('errors.network'),
      onUnauthorised: () => setSession(null),
    });
  }, [language, locale, setSession]);

  useEffect(() => {
    get<Session>('/session').then(setSession, () => setSession(null));
  }, [setSession]);

  const sessionState = useMemo(() => ({ session: session ?? null, setSession }), [session, setSession]);

  return (
    <LocaleContext.Provider value={locale}>
      <SessionContext.Provider value={sessionState}>
        <Shell>{session === undefined ? <Loading /> : <AppRoutes />}</Shell>
      </SessionContext.Provider>
    </LocaleContext.Provider>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t, language } = useLocale();
  const { session, setSession } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const extra = Object.fromEntries([...new URLSearchParams(location.search)].filter(([k]) => k !== 'lang'));
  const path = location.pathname;
  // Everywhere: every session of the account ends (a lost laptop, a shared computer).
  const signOut = async (everywhere = false) => {
    try {
      await del(everywhere ? '/session?everywhere=true' : '/session');
    } finally {
      setSession(null);
      void navigate(withLanguage('/sign-in', language), { replace: true });
    }
  };
  const manage = hasRole(session, 'admin', 'focal_point');
  const current = (path: string) => (location.pathname === path ? ('page' as const) : undefined);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip_link')}
      </a>
      <header className="masthead">
        <div className="container masthead-inner">
          <RouterLink className="brand" to={withLanguage('/tasks', language)}>
            {t('app.name')}
            <span className="tagline">{t('app.tagline')}</span>
          </RouterLink>
          <nav aria-label={t('nav.language')}>
            <ul className="language-switch">
              {LANGUAGES.map((lang) => (
                <li key={lang}>
                  <RouterLink
                    to={withLanguage(path, lang, extra)}
                    lang={lang}
                    hrefLang={lang}
                    aria-current={lang === language ? 'true' : undefined}
                  >
                    {t(`language.${lang}`)}
                  </RouterLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      {session && (
        <div className="container app-bar">
          <nav aria-label={t('nav.main')}>
            <ul className="app-nav">
              {/* Only a secretariat: its tasks are its region's home, one link says it. */}
              {!regionalFirst(session) && (
                <li>
                  <Link to="/tasks" aria-current={current('/tasks')}>
                    {t('nav.tasks')}
                  </Link>
                </li>
              )}
              {followsRegions(session) && (
                <li>
                  <Link
                    to="/region"
                    aria-current={
                      current('/region') ??
                      (regionalFirst(session) && ['/', '/tasks'].includes(path) ? 'page' : undefined)
                    }
                  >
                    {t('regional.home.nav')}
                  </Link>
                </li>
              )}
              {followsRegions(session) && (
                <li>
                  <Link to="/questionnaires" aria-current={current('/questionnaires')}>
                    {t('questionnaires.nav')}
                  </Link>
                </li>
              )}
              {hasRole(session, 'focal_point', 'admin') && (
                <li>
                  <Link to="/imports/new" aria-current={current('/imports/new')}>
                    {t('import.nav')}
                  </Link>
                </li>
              )}
              {manage && (
                <li>
                  <Link to="/admin/entities" aria-current={current('/admin/entities')}>
                    {t('nav.entities')}
                  </Link>
                </li>
              )}
              {hasRole(session, ...MANAGES_PEOPLE) && (
                <li>
                  <Link to="/people" aria-current={current('/people')}>
                    {t('nav.people')}
                  </Link>
                </li>
              )}
              {hasRole(session, 'admin') && (
                <li>
                  <Link to="/admin/users" aria-current={current('/admin/users')}>
                    {t('nav.users')}
                  </Link>
                </li>
              )}
              {hasRole(session, 'admin') && (
                <li>
                  <Link to="/admin/countries" aria-current={current('/admin/countries')}>
                    {t('admin.settings.nav')}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
          <div className="account-bar">
            <span>{t('nav.signed_in_as', { email: session.email })}</span>
            <Link to="/account" aria-current={current('/account')}>
              {t('account.nav')}
            </Link>
            <button type="button" className="link-button" onClick={() => void signOut()}>
              {t('nav.sign_out')}
            </button>
            <button type="button" className="link-button" onClick={() => void signOut(true)}>
              {t('nav.sign_out_everywhere')}
            </button>
          </div>
        </div>
      )}
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="container">
          <p>
            {t('footer.text')} <a href={`/?lang=${language}`}>{t('footer.public')}</a> ·{' '}
            <a href="/api/docs">{t('footer.api')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
