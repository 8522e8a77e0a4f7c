import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { operator } from '../../domain/permissions.js';
import { issuePasswordReset } from '../../services/issue-password-reset.js';
import { withStorage } from './with-storage.js';

/**
 * `pacte user reset-password --email E`: no mail server is assumed, so the operator hands the
 * printed one-time token (or its page's address on this server) to the person.
 */
export async function userResetPassword(config: Config, options: { email: string }): Promise<number> {
  return withStorage(config, 'pacte user reset-password', async ({ db }) => {
    const { token, email, expiresAt } = await issuePasswordReset(db, operator(userInfo().username), options.email);
    process.stdout.write(
      [
        `one-time password reset for ${email}, valid until ${expiresAt.toISOString()} (1 hour):`,
        `  token: ${token}`,
        `  page:  /reset-password?token=${token}`,
        '',
      ].join('\n'),
    );
    return 0;
  });
}
