import type { Language, Multilingual } from '../../domain/language.js';
import { pick } from '../../domain/language.js';
import { formatDate } from '../../domain/locale-format.js';
import type { Actor, Grant } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import { html } from '../../domain/html.js';
import { layout } from './html.js';
import { newPasswordField, type PasswordFormError } from './password-field.js';

/** What the page says of the invitation (getInvitation's answer). */
export interface InvitationOffer {
  email: string;
  /** The name the inviter gave, offered in the name field (the person may change it). */
  name: string | null;
  grant: Grant;
  invitedBy: string;
  expiresAt: Date;
  countryName: Multilingual | null;
  entityName: string | null;
  accountExists: boolean;
}

const PATH = '/invitations/accept';

/**
 * Accepting an invitation (its one-time link): the role offered and, for a new account, the
 * password to choose; an existing account with that address is told that the role is added to
 * it and its password stays. The token travels in a hidden field; on error a summary links to
 * the field. No script.
 */
export function invitationPage(
  language: Language,
  token: string,
  offer: InvitationOffer,
  minLength: number,
  actor: Actor | null,
  error?: { message: string; field: 'password' | 'confirm' | 'name' },
  typedName = '',
): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const field = (name: 'password' | 'confirm', label: string, hint?: string) =>
    newPasswordField(name, label, hint, error?.field === 'name' ? undefined : (error as PasswordFormError));
  // The name colleagues will read instead of the address (migration 026); kept when the form comes back.
  const nameFailed = error?.field === 'name';
  const nameField = html`<div class="field${nameFailed ? ' field-error' : ''}">
    <label for="name">${t('invitation.name')}</label>
    <p class="hint" id="name-hint">${t('invitation.name_hint')}</p>
    ${nameFailed ? html`<p class="error-message" id="name-error">${error.message}</p>` : ''}
    <input
      id="name"
      name="name"
      type="text"
      autocomplete="name"
      maxlength="120"
      value="${typedName}"
      aria-describedby="name-hint${nameFailed ? ' name-error' : ''}"
    />
  </div>`;
  const role = t('invitation.role', {
    role: offer.grant.role,
    country: offer.countryName ? pick(offer.countryName, language) : (offer.grant.country ?? ''),
    entity: offer.entityName ?? '',
    region: offer.grant.region ?? '',
  });
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
    <h1>${t('invitation.title')}</h1>
    <p>${t('invitation.offer', { inviter: offer.invitedBy, email: offer.email, role })}</p>
    <p>${t('invitation.expires', { date: formatDate(offer.expiresAt, language) })}</p>
    <form method="post" action="${PATH}?lang=${language}" novalidate>
      <input type="hidden" name="token" value="${token}" />
      ${
        offer.accountExists
          ? html`<p>${t('invitation.existing', { email: offer.email })}</p>`
          : html`<p>${t('invitation.new_account', { email: offer.email })}</p>
              ${nameField} ${field('password', t('reset.password'), t('reset.password_hint', { min: minLength }))}
              ${field('confirm', t('reset.confirm'))}`
      }
      <button type="submit" class="button">${t('invitation.submit')}</button>
    </form>`;
  return layout({ language, path: PATH, title: t('invitation.title'), main, actor });
}

/** The link cannot be accepted (unknown, used, expired, withdrawn): why, and what to do. */
export function invitationRefusedPage(language: Language, message: string, actor: Actor | null): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const main = html`<h1>${t('invitation.refused_title')}</h1>
    <p>${message}</p>
    <p><a class="button" href="/sign-in?lang=${language}">${t('signin.submit')}</a></p>`;
  return layout({ language, path: PATH, title: t('invitation.refused_title'), main, actor });
}

/** Accepted: the account is ready, or the role was added to the existing one. */
export function invitationAcceptedPage(language: Language, email: string, created: boolean): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const main = html`<h1>${t('invitation.done_title')}</h1>
    <p>${t(created ? 'invitation.done_created' : 'invitation.done_added', { email })}</p>
    <p><a class="button" href="/sign-in?lang=${language}">${t('signin.submit')}</a></p>`;
  return layout({ language, path: PATH, title: t('invitation.done_title'), main, actor: null });
}
