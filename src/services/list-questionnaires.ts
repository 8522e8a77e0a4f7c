import type { Kysely } from 'kysely';
import * as questionnaires from '../db/queries/questionnaires.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { managesVersion, seesVersion } from './questionnaire-access.js';

/**
 * `GET /questionnaires`: the versions the actor may read, each with the cycles that use it (those
 * it may see: a planned cycle only to its region's managers), whether it is frozen and whether
 * the actor may edit it now.
 */
export async function listQuestionnaires(db: Kysely<Database>, actor: Actor | null) {
  if (!actor) throw new PacteError('auth.required');
  const rows = await questionnaires.listVersions(db);
  return rows
    .filter((row) => seesVersion(actor, row))
    .map((row) => ({
      ...row,
      cycles: row.cycles.filter((c) => c.state !== 'planned' || managesVersion(actor, c.regionId)),
      editable: managesVersion(actor, row.region) && !row.frozen,
      copyable: (actor?.grants ?? []).some((g) => g.role === 'admin' || (g.role === 'secretariat' && g.region)),
    }));
}
