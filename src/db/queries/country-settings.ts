import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** What an administrator sets for one country (migration 024). */
export interface CountrySettings {
  /** The author of an answer's latest revision may approve it (the separation of duties is waived). */
  selfApproval: boolean;
}

/** The country's settings; `lock` holds its row until the transaction ends (a change decided on it). */
export async function findCountrySettings(db: Db, code: string, lock = false): Promise<CountrySettings | undefined> {
  let query = db.selectFrom('country').select('self_approval').where('code', '=', code);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { selfApproval: row.self_approval } : undefined;
}

export async function setCountrySettings(db: Db, code: string, settings: CountrySettings): Promise<void> {
  await db.updateTable('country').set({ self_approval: settings.selfApproval }).where('code', '=', code).execute();
}
