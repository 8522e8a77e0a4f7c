import type { Config } from '../../config.js';
import { migrateDatabase } from '../../services/open-storage.js';

export async function dbMigrate(config: Config): Promise<number> {
  const result = await migrateDatabase(config);
  const applied = result.applied.length > 0 ? result.applied.join(', ') : 'none';
  process.stdout.write(`migrations applied: ${applied} (${result.alreadyApplied} already applied; ${result.engine})\n`);
  return 0;
}
