import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as questionnaires from '../db/queries/questionnaires.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Questionnaire } from '../domain/questionnaire.js';
import { checkVersionInput, type VersionInput } from '../domain/questionnaire-edit.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { editableVersion } from './questionnaire-access.js';
import { inTransaction } from './use-case.js';

/**
 * `PUT /questionnaires/{id}/versions/{version}`: the region's secretariat replaces the whole
 * version (title, sections, questions). Checked whole before anything is written; under the
 * version's lock, refused once frozen (answers refer to the wording they were given).
 */
export async function editQuestionnaire(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  version: number,
  input: VersionInput,
): Promise<Questionnaire> {
  if (input.sections.length === 0)
    throw new PacteError('questionnaire.invalid', { reason: 'empty_wording', field: 'sections' });
  return inTransaction(db, async (trx) => {
    const head = await editableVersion(trx, actor, id, version);
    const stored = (await catalogue.findQuestionnaire(trx, id, version))!;
    const next = checkVersionInput(
      { id, version, sourceLanguage: stored.sourceLanguage, wordingStatus: head.wording_status },
      input,
    );
    await questionnaires.replaceVersion(trx, next);
    const before = new Set(stored.sections.flatMap((s) => s.questions.map((q) => q.id)));
    const after = next.sections.flatMap((s) => s.questions.map((q) => q.id));
    await recordAudit(trx, actor, 'questionnaire.edit', {
      details: {
        questionnaire: id,
        version,
        questions: after.length,
        added: after.filter((q) => !before.has(q)),
        removed: [...before].filter((q) => !after.includes(q)),
      },
    });
    return (await catalogue.findQuestionnaire(trx, id, version))!;
  });
}
