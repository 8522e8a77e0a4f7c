import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as questionnaires from '../db/queries/questionnaires.js';
import type { Database } from '../db/schema.js';
import type { Language } from '../domain/language.js';
import type { Questionnaire, WordingStatus } from '../domain/questionnaire.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { editableVersion } from './questionnaire-access.js';
import { inTransaction } from './use-case.js';

/**
 * `PUT /questionnaires/{id}/versions/{version}/wording/{lang}`: the secretariat says whether a
 * language's wording is the one it distributed (official) or Pacte's translation. The version's
 * status and every section's and question's in that language change together. A frozen
 * version's statuses are history: refused like any edit.
 */
export async function markWording(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  version: number,
  language: Language,
  status: WordingStatus,
): Promise<Questionnaire> {
  return inTransaction(db, async (trx) => {
    const head = await editableVersion(trx, actor, id, version);
    await questionnaires.setWordingStatus(trx, id, version, language, status);
    await recordAudit(trx, actor, 'questionnaire.wording', {
      details: { questionnaire: id, version, language, status, before: head.wording_status[language] ?? null },
    });
    return (await catalogue.findQuestionnaire(trx, id, version))!;
  });
}
