import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { PacteError } from '../../domain/errors.js';
import { operator } from '../../domain/permissions.js';
import { getCountrySettings } from '../../services/get-country-settings.js';
import { setCountrySettingsFor } from '../../services/set-country-settings.js';
import { cliTexts } from '../texts.js';
import { withStorage } from './with-storage.js';

/**
 * `pacte country settings --country ISO3 [--self-approval allow|refuse]`: waives (allow) or
 * restores (refuse) the separation of duties for a country, audited as the operator; without the
 * option, prints the settings.
 */
export async function countrySettings(
  config: Config,
  options: { country: string; selfApproval?: string | undefined },
): Promise<number> {
  const t = cliTexts(config.language);
  const { selfApproval } = options;
  if (selfApproval !== undefined && selfApproval !== 'allow' && selfApproval !== 'refuse') {
    throw new PacteError('cli.usage', { problem: t('usage.self_approval', { value: selfApproval }) });
  }
  return withStorage(config, 'pacte country settings', async ({ db }) => {
    const actor = operator(userInfo().username);
    const settings =
      selfApproval === undefined
        ? await getCountrySettings(db, actor, options.country)
        : await setCountrySettingsFor(db, actor, options.country, { selfApproval: selfApproval === 'allow' });
    process.stdout.write(
      `${t('country.settings', { country: settings.country, selfApproval: settings.selfApproval })}\n`,
    );
    return 0;
  });
}
