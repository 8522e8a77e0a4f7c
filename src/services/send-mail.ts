import nodemailer from 'nodemailer';
import type { MailSettings } from '../config.js';
import { redactUrl } from '../domain/redact-url.js';

/** One e-mail: plain text, in the recipient's language (the caller renders it). */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * How Pacte sends e-mail: reminders and invitations go out through the SMTP server of the
 * deployment (PACTE_SMTP_URL) when there is one; without one, what they say stays in the app
 * (notifications, a one-time link shown to whoever invited). Mail is sent after the change that
 * causes it has committed, never inside its transaction: a slow or failing server must not hold
 * locks or undo the change.
 */
export interface Mailer {
  /** Sends one e-mail; a failure names the server by its address without the password. */
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function smtpMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport(settings.url);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (error) {
        // The URL may hold a password: the error names the server by its redacted address.
        throw new Error(`mail to ${mail.to} through ${redactUrl(settings.url)} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
    },
    close: () => transport.close(),
  };
}
