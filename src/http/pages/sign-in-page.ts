import type { Language } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import { html, layout } from './html.js';

/** E-mail and password; on error a summary links to the field, and the address is kept. */
export function signInPage(
  language: Language,
  next: string,
  /** Whoever is signed in already, named in the account bar like on every page. */
  actor: Actor | null,
  error?: { message: string; email: string },
): string {
  const t = (key: string) => translate(language, 'ui', key);
  const main = html`${
      error
        ? html`<div class="error-summary" role="alert" tabindex="-1">
            <h2>${t('import.error_summary')}</h2>
            <ul>
              <li><a href="#email">${error.message}</a></li>
            </ul>
          </div>`
        : ''
    }
    <h1>${t('signin.title')}</h1>
    <form method="post" action="/sign-in?lang=${language}" novalidate>
      <input type="hidden" name="next" value="${next}" />
      <div class="field${error ? ' field-error' : ''}">
        <label for="email">${t('signin.email')}</label>
        ${error ? html`<p class="error-message" id="email-error">${error.message}</p>` : ''}
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          spellcheck="false"
          dir="ltr"
          value="${error?.email ?? ''}"
          ${error ? html` aria-describedby="email-error"` : ''}
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
