import type { Language } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import { html } from '../../domain/html.js';
import { layout } from './html.js';

/**
 * E-mail and password; on error a summary links to the field, and the address is kept. With an
 * OpenID Connect provider configured, a "Sign in with <name>" link comes first; its errors
 * (`oidc: true`) link to it instead of the e-mail field.
 */
export function signInPage(
  language: Language,
  next: string,
  /** Whoever is signed in already, named in the account bar like on every page. */
  actor: Actor | null,
  error?: { message: string; email: string; oidc?: boolean },
  oidc?: { name: string } | null,
): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const fieldError = error && !error.oidc ? error : undefined;
  const provider = oidc
    ? html`<p>
          <a id="oidc" class="button" href="/auth/oidc/start?next=${encodeURIComponent(next)}&amp;lang=${language}"
            >${t('signin.oidc', { name: oidc.name })}</a
          >
        </p>
        <h2>${t('signin.or')}</h2>`
    : '';
  const main = html`${
      error
        ? html`<div class="error-summary" role="alert" tabindex="-1">
            <h2>${t('import.error_summary')}</h2>
            <ul>
              <li><a href="#${error.oidc && oidc ? 'oidc' : 'email'}">${error.message}</a></li>
            </ul>
          </div>`
        : ''
    }
    <h1>${t('signin.title')}</h1>
    ${provider}
    <form method="post" action="/sign-in?lang=${language}" novalidate>
      <input type="hidden" name="next" value="${next}" />
      <div class="field${fieldError ? ' field-error' : ''}">
        <label for="email">${t('signin.email')}</label>
        ${fieldError ? html`<p class="error-message" id="email-error">${fieldError.message}</p>` : ''}
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          spellcheck="false"
          dir="ltr"
          value="${fieldError?.email ?? ''}"
          ${fieldError ? html` aria-describedby="email-error"` : ''}
        />
      </div>
      <div class="field">
        <label for="password">${t('signin.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" dir="ltr" />
      </div>
      <button type="submit" class="button">${t('signin.submit')}</button>
    </form>`;
  return layout({ language, path: '/sign-in', title: t('signin.title'), main, actor });
}
