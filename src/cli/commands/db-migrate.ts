import { MIGRATIONS_DIR, type Config } from '../../config.js';
import { openStorage } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { loadCatalogue } from '../../services/load-catalogue.js';

export async function dbMigrate(config: Config): Promise<number> {
  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, command: 'pacte db migrate' });
  try {
    const result = await migrate(storage, MIGRATIONS_DIR);
    await loadCatalogue(storage.db);
    const applied = result.applied.length > 0 ? result.applied.join(', ') : 'none';
    process.stdout.write(`migrations applied: ${applied} (${result.alreadyApplied} already applied; ${storage.engine})\n`);
    return 0;
  } finally {
    await storage.close();
  }
}
