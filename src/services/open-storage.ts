import { MIGRATIONS_DIR, type Config } from '../config.js';
import { openStorage, type Storage } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { loadCatalogue } from './load-catalogue.js';

/**
 * The database as every front door needs it: opened (locked, if embedded), migrated, with the
 * shipped reference data loaded. A failure closes what was opened.
 */
export async function openReadyStorage(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  command: string,
): Promise<Storage> {
  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, command });
  try {
    await migrate(storage, MIGRATIONS_DIR);
    await loadCatalogue(storage.db);
    return storage;
  } catch (error) {
    await storage.close();
    throw error;
  }
}
