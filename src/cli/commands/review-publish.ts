import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { operator } from '../../domain/permissions.js';
import { publishReview } from '../../services/publish-review.js';
import { cliTexts } from '../texts.js';
import { withStorage } from './with-storage.js';

/**
 * `pacte review publish --country ISO3 --cycle ID`: publishes the review in any state as its
 * next dated version (audited as the operator), and prints where the public reads it.
 */
export async function reviewPublish(config: Config, options: { country: string; cycle: string }): Promise<number> {
  return withStorage(config, 'pacte review publish', async ({ db }) => {
    const { country, cycle, version } = await publishReview(db, operator(userInfo().username), options);
    const url = `/reviews/${country}/${cycle}`;
    const t = cliTexts(config.language);
    process.stdout.write(
      `${t('publish.done', { country, cycle, version, url, versionUrl: `${url}/versions/${version}` })}\n`,
    );
    return 0;
  });
}
