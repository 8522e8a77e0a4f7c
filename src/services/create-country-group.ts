import type { Kysely } from 'kysely';
import * as groups from '../db/queries/country-groups.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { checkGroup, GROUP_ID, openRegionGroups, type GroupRequest } from './country-group-rules.js';
import { inTransaction } from './use-case.js';

/** `POST /regions/{region}/groups`: the secretariat adds a group; audited `group.create`. */
export async function createCountryGroup(
  db: Kysely<Database>,
  actor: Actor | null,
  region: string,
  request: GroupRequest & { id: string },
): Promise<groups.CountryGroupRow> {
  const { who, members } = await openRegionGroups(db, actor, region);
  const id = request.id.trim();
  if (!GROUP_ID.test(id)) throw new PacteError('group.invalid_id', { group: id });
  const group = await checkGroup(db, members, request);
  return inTransaction(db, async (trx) => {
    if (!(await groups.insertGroup(trx, { region, id, ...group, by: who.name }))) {
      throw new PacteError('group.exists', { group: id });
    }
    await recordAudit(trx, who, 'group.create', { details: { region, group: id, ...group } });
    return (await groups.listGroups(trx, region, id))[0]!;
  });
}
