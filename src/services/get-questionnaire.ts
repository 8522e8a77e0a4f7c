import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as questionnaires from '../db/queries/questionnaires.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import type { Questionnaire } from '../domain/questionnaire.js';
import { seesVersion } from './questionnaire-access.js';

/**
 * A questionnaire version (its latest one the actor may read when none is named). A region's
 * draft that no cycle has opened yet is read by that region only (questionnaire-access.ts): to
 * anyone else, as to the public, it does not exist.
 */
export async function getQuestionnaire(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  version?: number,
): Promise<Questionnaire> {
  const head = (await questionnaires.listVersions(db)).find(
    (v) => v.id === id && (version === undefined || v.version === version) && seesVersion(actor, v),
  );
  const questionnaire = head && (await catalogue.findQuestionnaire(db, id, head.version));
  if (!questionnaire) throw new PacteError('questionnaire.not_found', { questionnaire: id });
  return questionnaire;
}
