import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { operator } from '../../domain/permissions.js';
import { formatDateTime } from '../../domain/locale-format.js';
import { RESET_HOURS, issuePasswordReset } from '../../services/issue-password-reset.js';
import { cliTexts } from '../texts.js';
import { withStorage } from './with-storage.js';

/**
 * `pacte user reset-password --email E`: no mail server is assumed, so the operator hands the
 * printed one-time token (or its page's address on this server) to the person. The token's line
 * is « token: <token> » in every language, for scripts that read it.
 */
export async function userResetPassword(config: Config, options: { email: string }): Promise<number> {
  return withStorage(config, 'pacte user reset-password', async ({ db }) => {
    const { token, email, expiresAt } = await issuePasswordReset(db, operator(userInfo().username), options.email);
    const t = cliTexts(config.language);
    const until = formatDateTime(expiresAt, config.language);
    process.stdout.write(
      [
        t('reset.issued', { email, until, hours: RESET_HOURS }),
        `  token: ${token}`,
        `  ${t('reset.page', { path: `/reset-password?token=${token}` })}`,
        '',
      ].join('\n'),
    );
    return 0;
  });
}
