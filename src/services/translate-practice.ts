import type { Kysely } from 'kysely';
import * as practices from '../db/queries/practices.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import { can, type Actor } from '../domain/permissions.js';
import { cleanTranslation, isEditable, type Practice, type TranslatedField } from '../domain/practices.js';
import { recordAudit } from './audit.js';
import { indexPractice, openPractice } from './practice-access.js';
import { inTransaction } from './use-case.js';

/**
 * `PUT /api/v1/practices/{id}/translations/{language}`: a human translation of the practice's
 * text fields into another language (docs/practices.md). Written by the region's secretariat or
 * translators at any time, or by the country's focal point while the practice is with the
 * country. Rewritten in place (who and when kept); a published practice is then found by the
 * translation's words too. Audited practice.translate.
 */
export async function translatePractice(
  db: Kysely<Database>,
  actor: Actor | null,
  id: number,
  language: Language,
  fields: Partial<Record<TranslatedField, unknown>>,
): Promise<Practice> {
  return inTransaction(db, async (trx) => {
    const practice = await openPractice(trx, actor, id, true);
    const scope = { country: practice.country, region: practice.region };
    const allowed =
      can(actor, 'translation.write', scope) || (isEditable(practice.state) && can(actor, 'practice.propose', scope));
    if (!actor) throw new PacteError('auth.required');
    if (!allowed) throw new PacteError('auth.forbidden', { action: 'translation.write', ...scope });
    if (language === practice.language) throw new PacteError('practice.same_language', { language });
    const cleaned = cleanTranslation(fields);
    await practices.saveTranslation(trx, { practiceId: id, language, fields: cleaned, translator: actor.name });
    await indexPractice(trx, practice);
    await recordAudit(trx, actor, 'practice.translate', {
      country: practice.country,
      cycle: practice.cycle,
      details: { practice: id, language },
    });
    return practice;
  });
}
