import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Questionnaire } from '../domain/questionnaire.js';

export async function getQuestionnaire(db: Kysely<Database>, id: string, version?: number): Promise<Questionnaire> {
  const questionnaire = await catalogue.findQuestionnaire(db, id, version);
  if (!questionnaire) throw new PacteError('questionnaire.not_found', { questionnaire: id });
  return questionnaire;
}
