import type { Kysely } from 'kysely';
import * as groups from '../db/queries/country-groups.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { checkGroup, openRegionGroups, type GroupRequest } from './country-group-rules.js';
import { inTransaction } from './use-case.js';

/** `PUT /regions/{region}/groups/{group}`: names and members replaced; audited `group.edit`. */
export async function editCountryGroup(
  db: Kysely<Database>,
  actor: Actor | null,
  region: string,
  id: string,
  request: GroupRequest,
): Promise<groups.CountryGroupRow> {
  const { who, members } = await openRegionGroups(db, actor, region);
  const group = await checkGroup(db, members, request);
  return inTransaction(db, async (trx) => {
    if (!(await groups.updateGroup(trx, { region, id, ...group, by: who.name }))) {
      throw new PacteError('group.not_found', { group: id });
    }
    await recordAudit(trx, who, 'group.edit', { details: { region, group: id, ...group } });
    return (await groups.listGroups(trx, region, id))[0]!;
  });
}
