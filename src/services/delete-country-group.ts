import type { Kysely } from 'kysely';
import * as groups from '../db/queries/country-groups.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { openRegionGroups } from './country-group-rules.js';
import { inTransaction } from './use-case.js';

/** `DELETE /regions/{region}/groups/{group}`: audited `group.delete` with what the group was. */
export async function deleteCountryGroup(
  db: Kysely<Database>,
  actor: Actor | null,
  region: string,
  id: string,
): Promise<void> {
  const { who } = await openRegionGroups(db, actor, region);
  await inTransaction(db, async (trx) => {
    const [before] = await groups.listGroups(trx, region, id);
    if (!before || !(await groups.deleteGroup(trx, region, id))) throw new PacteError('group.not_found', { group: id });
    await recordAudit(trx, who, 'group.delete', {
      details: { region, group: id, names: before.names, countries: before.countries },
    });
  });
}
