import type { Config } from '../../config.js';
import type { Storage } from '../../db/connection.js';
import { openReadyStorage } from '../../services/open-storage.js';

/** Opens the database for one command and always closes it (releasing the data-dir lock). */
export async function withStorage<T>(
  config: Config,
  command: string,
  work: (storage: Storage) => Promise<T>,
): Promise<T> {
  const storage = await openReadyStorage(config, command);
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}
