import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Reads one row of the catalogue: throws unless the database answers and is migrated. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await db.selectFrom('cycle').select('id').limit(1).execute();
}
