import type { Kysely } from 'kysely';
import * as health from '../db/queries/health.js';
import type { Database } from '../db/schema.js';

/** `GET /healthz`: resolves when the database answers and holds the migrated catalogue, throws otherwise. */
export async function checkHealth(db: Kysely<Database>): Promise<void> {
  await health.ping(db);
}
