/**
 * Who sees and who edits a questionnaire version (docs/questionnaires.md). Everyone reads the
 * versions shipped with Pacte and those an open or closed cycle uses; a region's versions are
 * also read by whoever holds a role in that region (its secretariat, its translators). The
 * region's secretariat (or an administrator) edits them; to anyone else a version they may not
 * edit and do not see does not exist.
 */
import type { Kysely } from 'kysely';
import * as questionnaires from '../db/queries/questionnaires.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';

export interface Visibility {
  region: string | null;
  cycles: { state: string }[];
}

export const managesVersion = (actor: Actor | null, region: string | null) =>
  region !== null && can(actor, 'cycle.manage', { region });

export function seesVersion(actor: Actor | null, version: Visibility): boolean {
  if (version.region === null) return true;
  if (version.cycles.some((c) => c.state !== 'planned')) return true;
  return (actor?.grants ?? []).some((g) => g.role === 'admin' || g.region === version.region);
}

/** A version the actor may read, with what uses it; `questionnaire.not_found` otherwise. */
export async function visibleVersion(db: Kysely<Database>, actor: Actor | null, id: string, version: number) {
  const row = (await questionnaires.listVersions(db)).find((v) => v.id === id && v.version === version);
  if (!row || !seesVersion(actor, row))
    throw new PacteError('questionnaire.not_found', { questionnaire: `${id}@${version}` });
  return row;
}

/**
 * The version, locked, if the actor may change it now: `questionnaire.shipped` for the versions
 * Pacte ships, `questionnaire.not_found` to who does not manage its region, `questionnaire.frozen`
 * once a cycle using it has an answer. Call inside the use case's transaction.
 */
export async function editableVersion(trx: Kysely<Database>, actor: Actor | null, id: string, version: number) {
  if (!actor) throw new PacteError('auth.required');
  const head = await questionnaires.findVersionHead(trx, id, version, true);
  const name = `${id}@${version}`;
  if (!head) throw new PacteError('questionnaire.not_found', { questionnaire: name });
  if (head.region_id === null) throw new PacteError('questionnaire.shipped', { questionnaire: id, version });
  if (!managesVersion(actor, head.region_id)) throw new PacteError('questionnaire.not_found', { questionnaire: name });
  if (head.frozen) throw new PacteError('questionnaire.frozen', { questionnaire: id, version });
  return head;
}
