import type { Config } from '../../config.js';
import { migrateDatabase } from '../../services/open-storage.js';
import { cliTexts } from '../texts.js';

/** `pacte db migrate`: applies what is left and names it (migration names are file names, untranslated). */
export async function dbMigrate(config: Config): Promise<number> {
  const t = cliTexts(config.language);
  const result = await migrateDatabase(config);
  const applied = result.applied.length > 0 ? result.applied.join(', ') : t('migrate.none');
  process.stdout.write(`${t('migrate.done', { applied, already: result.alreadyApplied, engine: result.engine })}\n`);
  return 0;
}
