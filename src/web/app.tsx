import { useEffect, useMemo, useState } from 'react';
import { isLanguage, type Language } from '../domain/language.js';
import { Link } from './components/link.js';
import { Loading } from './components/page.js';
import { configureApi, del, get } from './lib/api.js';
import { initialLanguage, LocaleContext, makeLocale, rememberLanguage, useLocale, LANGUAGES } from './lib/i18n.js';
import { href, match, navigate, useLocation } from './lib/router.js';
import { hasRole, SessionContext, useSession } from './lib/session.js';
import type { Session } from './lib/types.js';
import { AccountPage } from './pages/account.js';
import { AdminEntitiesPage, AdminUsersPage } from './pages/admin.js';
import { AnswerPage } from './pages/answer.js';
import { DashboardPage } from './pages/dashboard.js';
import { HistoryPage } from './pages/history.js';
import { NotFoundPage } from './pages/not-found.js';
import { MANAGES_PEOPLE, PeoplePage } from './pages/people.js';
import { SignInPage } from './pages/sign-in.js';
import { TasksPage } from './pages/tasks.js';
import { CyclePage } from './pages/regional/cycle.js';
import { CycleFormPage } from './pages/regional/cycle-form.js';
import { RegionalHomePage } from './pages/regional/home.js';
import { followsRegions, regionalFirst } from './pages/regional/regional.js';
import { SubmissionPage } from './pages/regional/submission.js';

export function App() {
  const location = useLocation();
  const fromUrl = location.query.get('lang');
  const [fallback] = useState<Language>(initialLanguage);
  const language: Language = isLanguage(fromUrl) ? fromUrl : fallback;
  const locale = useMemo(() => makeLocale(language), [language]);
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  // The address always says the language: a shared link opens in the same language.
  useEffect(() => {
    if (fromUrl !== language)
      navigate(href(location.path, language, Object.fromEntries(location.query)), { replace: true });
    rememberLanguage(language);
  }, [fromUrl, language, location]);

  useEffect(() => {
    configureApi({
      language,
      networkMessage: locale.t('errors.network'),
      onUnauthorised: () => setSession(null),
    });
  }, [language, locale]);

  useEffect(() => {
    get<Session>('/session').then(setSession, () => setSession(null));
  }, []);

  const sessionState = useMemo(() => ({ session: session ?? null, setSession }), [session]);

  return (
    <LocaleContext.Provider value={locale}>
      <SessionContext.Provider value={sessionState}>
        <Shell>{session === undefined ? <Loading /> : <Routes path={location.path} />}</Shell>
      </SessionContext.Provider>
    </LocaleContext.Provider>
  );
}

function Routes({ path }: { path: string }) {
  const { session } = useSession();
  const { language } = useLocale();
  const next = `${path}${window.location.search.replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, '')}`;
  const signedOut = !session && path !== '/sign-in';
  useEffect(() => {
    if (signedOut) navigate(href('/sign-in', language, path === '/' ? {} : { next }), { replace: true });
  }, [signedOut, language, next, path]);
  if (signedOut) return <Loading />;
  if (path === '/sign-in') return <SignInPage />;
  // A person who is only a regional secretariat starts on its region's home; anyone else on their tasks.
  if (path === '/' || path === '/tasks') return regionalFirst(session) ? <RegionalHomePage /> : <TasksPage />;
  if (path === '/region') return <RegionalHomePage />;
  if (path === '/cycles/new') return <CycleFormPage />;
  let cycleParams = match('/cycles/:cycle', path);
  if (cycleParams) return <CyclePage key={path} cycle={cycleParams.cycle!} />;
  cycleParams = match('/cycles/:cycle/edit', path);
  if (cycleParams) return <CycleFormPage key={path} cycle={cycleParams.cycle!} />;
  let params = match('/reviews/:country/:cycle', path);
  if (params) return <DashboardPage key={path} country={params.country!} cycle={params.cycle!} />;
  params = match('/reviews/:country/:cycle/answers/:questionId', path);
  if (params)
    return <AnswerPage key={path} country={params.country!} cycle={params.cycle!} questionId={params.questionId!} />;
  params = match('/reviews/:country/:cycle/submissions/:number', path);
  if (params)
    return <SubmissionPage key={path} country={params.country!} cycle={params.cycle!} number={params.number!} />;
  params = match('/reviews/:country/:cycle/answers/:questionId/history', path);
  if (params)
    return <HistoryPage key={path} country={params.country!} cycle={params.cycle!} questionId={params.questionId!} />;
  if (path === '/admin/entities') return <AdminEntitiesPage />;
  if (path === '/admin/users') return <AdminUsersPage />;
  if (path === '/people') return <PeoplePage />;
  if (path === '/account') return <AccountPage />;
  return <NotFoundPage />;
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t, language } = useLocale();
  const { session, setSession } = useSession();
  const location = useLocation();
  const extra = Object.fromEntries([...location.query].filter(([k]) => k !== 'lang'));
  // Everywhere: every session of the account ends (a lost laptop, a shared computer).
  const signOut = async (everywhere = false) => {
    try {
      await del(everywhere ? '/session?everywhere=true' : '/session');
    } finally {
      setSession(null);
      navigate(href('/sign-in', language), { replace: true });
    }
  };
  const manage = hasRole(session, 'admin', 'focal_point');
  const current = (path: string) => (location.path === path ? ('page' as const) : undefined);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip_link')}
      </a>
      <header className="masthead">
        <div className="container masthead-inner">
          <a className="brand" href={href('/tasks', language)}>
            {t('app.name')}
            <span className="tagline">{t('app.tagline')}</span>
          </a>
          <nav aria-label={t('nav.language')}>
            <ul className="language-switch">
              {LANGUAGES.map((lang) => (
                <li key={lang}>
                  <a
                    href={href(location.path, lang, extra)}
                    lang={lang}
                    hrefLang={lang}
                    aria-current={lang === language ? 'true' : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(href(location.path, lang, extra));
                    }}
                  >
                    {t(`language.${lang}`)}
                  </a>
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
                      (regionalFirst(session) && ['/', '/tasks'].includes(location.path) ? 'page' : undefined)
                    }
                  >
                    {t('regional.home.nav')}
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
