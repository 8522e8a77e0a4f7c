import type { Language } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import { html } from '../../domain/html.js';
import { layout } from './html.js';
import { newPasswordField } from './password-field.js';

/**
 * Choosing a new password with a one-time token (`pacte user reset-password` prints its
 * address). The token travels in a hidden field; on error a summary links to the field.
 */
export function resetPasswordPage(
  language: Language,
  token: string,
  minLength: number,
  actor: Actor | null,
  error?: { message: string; field: 'password' | 'confirm' },
): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const field = (name: 'password' | 'confirm', label: string, hint?: string) =>
    newPasswordField(name, label, hint, error);
  const main = html`${
      error
        ? html`<div class="error-summary" role="alert" tabindex="-1">
            <h2>${t('import.error_summary')}</h2>
            <ul>
              <li><a href="#${error.field}">${error.message}</a></li>
            </ul>
          </div>`
        : ''
    }
    <h1>${t('reset.title')}</h1>
    <p>${t('reset.intro')}</p>
    <form method="post" action="/reset-password?lang=${language}" novalidate>
      <input type="hidden" name="token" value="${token}" />
      ${field('password', t('reset.password'), t('reset.password_hint', { min: minLength }))}
      ${field('confirm', t('reset.confirm'))}
      <button type="submit" class="button">${t('reset.submit')}</button>
    </form>`;
  return layout({ language, path: '/reset-password', title: t('reset.title'), main, actor });
}

/** The password was changed: every session ended, so the next step is to sign in. */
export function passwordChangedPage(language: Language, email: string): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const main = html`<h1>${t('reset.done_title')}</h1>
    <p>${t('reset.done', { email })}</p>
    <p><a class="button" href="/sign-in?lang=${language}">${t('signin.submit')}</a></p>`;
  return layout({ language, path: '/reset-password', title: t('reset.done_title'), main, actor: null });
}
