import { userInfo } from 'node:os';
import type { Config } from '../../config.js';
import { operator } from '../../domain/permissions.js';
import { addEntity } from '../../services/add-entity.js';
import { withStorage } from './with-storage.js';

/**
 * `pacte entity add --country ISO3 --name N --category C [--json]`: prints the new entity's id
 * alone (so that scripts can capture it), or the entity as JSON.
 */
export async function entityAdd(
  config: Config,
  options: { country: string; name: string; category: string; json: boolean },
): Promise<number> {
  return withStorage(config, 'pacte entity add', async ({ db }) => {
    const entity = await addEntity(db, operator(userInfo().username), options);
    process.stdout.write(options.json ? `${JSON.stringify(entity)}\n` : `${entity.id}\n`);
    return 0;
  });
}
