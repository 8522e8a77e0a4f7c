import { MIGRATIONS_DIR, type Config } from '../config.js';
import { openStorage, type Storage } from '../db/connection.js';
import { migrate, type MigrationResult } from '../db/migrate.js';
import { loadCatalogue } from './load-catalogue.js';
import { versionPublishedReviews } from './publish-review.js';
import { indexStaleAnswers, indexStalePublications } from './search-index.js';

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
    await indexStaleAnswers(storage.db); // answers stored before search, or by an older normalisation
    await versionPublishedReviews(storage.db); // reviews published before versions existed
    await indexStalePublications(storage.db); // versions published before search covered them
    return storage;
  } catch (error) {
    await storage.close();
    throw error;
  }
}

/** `pacte db migrate`: applies pending migrations and reloads the catalogue, then closes. */
export async function migrateDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
): Promise<MigrationResult & { engine: Storage['engine'] }> {
  const storage = await openStorage({ ...config, command: 'pacte db migrate' });
  try {
    const result = await migrate(storage, MIGRATIONS_DIR);
    await loadCatalogue(storage.db);
    return { ...result, engine: storage.engine };
  } finally {
    await storage.close();
  }
}
