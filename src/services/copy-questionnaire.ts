import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as questionnaires from '../db/queries/questionnaires.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Questionnaire } from '../domain/questionnaire.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { managesVersion, visibleVersion } from './questionnaire-access.js';
import { inTransaction } from './use-case.js';

export interface CopyRequest {
  /** The version copied. */
  from: number;
  /** The region whose version it becomes: by default the actor's only secretariat region. */
  region?: string | undefined;
}

/** The region the copy belongs to: the one named, else the actor's only secretariat region. */
function regionOf(actor: Actor, named: string | undefined): string {
  if (named !== undefined) return named;
  const regions = [...new Set(actor.grants.flatMap((g) => (g.role === 'secretariat' && g.region ? [g.region] : [])))];
  const admin = actor.grants.some((g) => g.role === 'admin');
  // An administrator copies for a region it names; anyone else without a secretariat may not copy.
  if (regions.length === 0 && !admin) throw new PacteError('auth.forbidden', { action: 'cycle.manage' });
  if (regions.length !== 1) throw new PacteError('questionnaire.invalid', { reason: 'region_required' });
  return regions[0]!;
}

/**
 * `POST /questionnaires/{id}/versions`: a secretariat copies a version it can read to a new
 * version of the same questionnaire (the highest + 1), its region's, based on the one copied.
 * The copy is identical (so it maps onto its source by id), never an example, and editable.
 */
export async function copyQuestionnaire(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  request: CopyRequest,
): Promise<Questionnaire> {
  if (!actor) throw new PacteError('auth.required');
  const region = regionOf(actor, request.region);
  if (!managesVersion(actor, region)) throw new PacteError('auth.forbidden', { action: 'cycle.manage', region });
  return inTransaction(db, async (trx) => {
    await visibleVersion(trx, actor, id, request.from);
    const source = (await catalogue.findQuestionnaire(trx, id, request.from))!;
    const version = await questionnaires.nextVersion(trx, id);
    const copy: Questionnaire = { ...source, version, region, basedOn: source.version, example: false };
    await catalogue.insertQuestionnaire(trx, copy);
    await questionnaires.setCreatedBy(trx, id, version, actor.name);
    await recordAudit(trx, actor, 'questionnaire.copy', {
      details: { questionnaire: id, from: source.version, version, region },
    });
    return (await catalogue.findQuestionnaire(trx, id, version))!;
  });
}
