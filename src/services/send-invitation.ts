import type { Language } from '../domain/language.js';
import { formatDate } from '../domain/locale-format.js';
import type { Grant } from '../domain/permissions.js';
import { translate } from '../i18n/index.js';
import type { Mailer } from './send-mail.js';

export interface InvitationMessage {
  email: string;
  grant: Grant;
  /** The one-time link (made by the front door: services make no addresses). */
  link: string;
  invitedBy: string;
  expiresAt: Date;
}

/**
 * Sends an invitation's link to the invitee, in the inviter's language (the page it opens offers
 * the three); answers whether it was sent. Without an SMTP server (no `mailer`: PACTE_SMTP_URL
 * unset), or when the server refuses it, nothing is sent and the API answers the link to whoever
 * invited, who hands it over: a link is never both mailed and shown, and a mail server that is
 * down does not stop anyone from being invited. Called after the invitation has committed.
 */
export async function sendInvitation(
  message: InvitationMessage,
  mailer: Mailer | undefined,
  language: Language,
): Promise<{ sent: boolean }> {
  if (!mailer) return { sent: false };
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  try {
    await mailer.send({
      to: message.email,
      subject: t('invitation.mail_subject', { inviter: message.invitedBy }),
      text: t('invitation.mail_text', {
        inviter: message.invitedBy,
        link: message.link,
        date: formatDate(message.expiresAt, language),
      }),
    });
    return { sent: true };
  } catch {
    return { sent: false }; // the inviter gets the link instead
  }
}
