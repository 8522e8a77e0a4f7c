import type { Grant } from '../domain/permissions.js';

export interface InvitationMessage {
  email: string;
  grant: Grant;
  /** The one-time link (made by the front door: services make no addresses). */
  link: string;
  invitedBy: string;
  expiresAt: Date;
}

/**
 * Sends an invitation's link to the invitee; answers whether it was sent.
 *
 * NO E-MAIL YET: Pacte has no SMTP server configured (issue 11's reminders bring `nodemailer`
 * and the SMTP settings). Until then nothing is sent and the link is answered to whoever
 * invited (`POST /api/v1/invitations`), who hands it over. The e-mailer plugs in HERE, and only
 * here: send the message when a mail transport is configured and answer `{ sent: true }` — the
 * API then stops answering the link, so a link is never both mailed and shown.
 */
export async function sendInvitation(message: InvitationMessage): Promise<{ sent: boolean }> {
  void message;
  return { sent: false };
}
