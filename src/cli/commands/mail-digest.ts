import type { Config } from '../../config.js';
import { smtpMailer } from '../../services/send-mail.js';
import { sendMailDigests } from '../../services/send-mail-digests.js';
import { cliTexts } from '../texts.js';
import { withStorage } from './with-storage.js';

/**
 * `pacte mail digest`: sends the daily digests that are due, once (`pacte serve` does it every
 * hour), e.g. from cron when no server runs. Exit 2 without an SMTP server; 1 when the server
 * refused a digest (it is tried again at the next run).
 */
export async function mailDigest(config: Config): Promise<number> {
  const t = cliTexts(config.language);
  if (!config.mail) {
    process.stderr.write(`${t('mail.no_smtp')}\n`);
    return 2;
  }
  const mailer = smtpMailer(config.mail);
  try {
    const { sent, failed } = await withStorage(config, 'pacte mail digest', ({ db }) => sendMailDigests(db, mailer));
    process.stdout.write(`${t('mail.digest_done', { sent })}\n`);
    if (failed > 0) process.stderr.write(`${t('mail.digest_failed', { failed })}\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    mailer.close();
  }
}
