import { html, type Html } from '../../domain/html.js';

/** A field error of the password forms: the message, and which field it belongs to. */
export interface PasswordFormError {
  message: string;
  field: 'password' | 'confirm';
}

/**
 * A new-password field of the no-script forms (choosing a password after a reset or an
 * invitation): its label, an optional hint, and the error of that field, linked to the input by
 * aria-describedby so a screen reader says why it was refused.
 */
export function newPasswordField(
  name: PasswordFormError['field'],
  label: string,
  hint: string | undefined,
  error: PasswordFormError | undefined,
): Html {
  const failed = error?.field === name;
  const describedBy = [hint ? `${name}-hint` : '', failed ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${failed ? ' field-error' : ''}">
    <label for="${name}">${label}</label>
    ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''}
    ${failed ? html`<p class="error-message" id="${name}-error">${error.message}</p>` : ''}
    <input
      id="${name}"
      name="${name}"
      type="password"
      autocomplete="new-password"
      dir="ltr"
      ${describedBy ? html` aria-describedby="${describedBy}"` : ''}
    />
  </div>`;
}
