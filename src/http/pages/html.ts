import { direction, type Language } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import { Html, html } from '../../domain/html.js';

/**
 * The page shell: `<html lang dir>` follow the interface language; a skip link, the language
 * switch (which keeps the current path), the main content and the footer.
 */
export function layout(options: {
  language: Language;
  path: string;
  title: string;
  main: Html;
  /** Who is signed in, for the account bar; null or absent: a sign-in link. */
  actor?: Actor | null;
  /** Seconds after which the page reloads itself (a job in progress), with no script. */
  refresh?: number;
}): string {
  const { language, path, title, main, actor, refresh } = options;
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const account = actor?.userId
    ? html`<form class="account-bar" method="post" action="/sign-out?lang=${language}">
        <span>${t('nav.signed_in_as', { email: actor.name })}</span>
        <a href="/app/?lang=${language}">${t('nav.workspace')}</a>
        <button type="submit" class="link-button">${t('nav.sign_out')}</button>
      </form>`
    : html`<p class="account-bar">
        <a href="/sign-in?lang=${language}&amp;next=${encodeURIComponent(path)}">${t('nav.sign_in')}</a>
      </p>`;
  // `path` may carry a query (the search page keeps its question when the language changes).
  const withLang = (lang: string) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
  const switcher = (['fr', 'en', 'ar'] as const).map(
    (lang) =>
      html`<li>
        <a
          href="${withLang(lang)}"
          lang="${lang}"
          hreflang="${lang}"
          ${lang === language ? new Html(' aria-current="true"') : ''}
          >${translate(lang, 'ui', `language.${lang}`)}</a
        >
      </li>`,
  );
  return `<!doctype html>${html`<html lang="${language}" dir="${direction(language)}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      ${refresh === undefined ? '' : html`<meta http-equiv="refresh" content="${refresh}" />`}
      <title>${title} — ${t('app.name')}</title>
      <link rel="stylesheet" href="/assets/pacte.css" />
    </head>
    <body>
      <a class="skip-link" href="#main">${t('skip_link')}</a>
      <header class="masthead">
        <div class="container masthead-inner">
          <a class="brand" href="/?lang=${language}"
            >${t('app.name')}<span class="tagline">${t('app.tagline')}</span></a
          >
          <nav aria-label="${t('language_switch')}">
            <ul class="language-switch">
              ${switcher}
            </ul>
          </nav>
        </div>
      </header>
      <div class="container">${account}</div>
      <main id="main" class="container" tabindex="-1">${main}</main>
      <footer class="footer">
        <div class="container">
          <ul class="footer-links">
            <li><a href="/search?lang=${language}">${t('nav.search')}</a></li>
            <li><a href="/open-data?lang=${language}">${t('nav.open_data')}</a></li>
            <li><a href="/api/docs">${t('nav.api_docs')}</a></li>
          </ul>
          <p>${t('footer.text')}</p>
        </div>
      </footer>
    </body>
  </html>`}`;
}
