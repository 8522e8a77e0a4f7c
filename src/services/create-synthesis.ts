import type { Kysely } from 'kysely';
import * as syntheses from '../db/queries/syntheses.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { openSyntheses } from './synthesis-access.js';
import { inTransaction } from './use-case.js';

/** A title as stored: NFC, spaces collapsed; 1 to 300 characters or `synthesis.invalid_title`. */
export function cleanTitle(title: string): string {
  const clean = title.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (clean.length < 1 || clean.length > 300) throw new PacteError('synthesis.invalid_title');
  return clean;
}

/**
 * `POST /cycles/{cycle}/syntheses`: a new, empty synthesis of the cycle in one language, maybe an
 * edition translating another synthesis of the same cycle (in another language). Its revision 0
 * is the empty document; the first save makes revision 1. Audited.
 */
export async function createSynthesis(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
  input: { language: Language; title: string; translationOf?: number | null },
): Promise<syntheses.SynthesisRow> {
  const { actor: who, cycle } = await openSyntheses(db, actor, cycleId, 'synthesis.write');
  const title = cleanTitle(input.title);
  const translationOf = input.translationOf ?? null;
  return inTransaction(db, async (trx) => {
    if (translationOf !== null) {
      const original = await syntheses.findSynthesis(trx, cycle.id, translationOf);
      if (!original || original.language === input.language)
        throw new PacteError('synthesis.invalid_translation', { translationOf });
    }
    const id = await syntheses.insertSynthesis(trx, {
      cycle: cycle.id,
      language: input.language,
      title,
      translationOf,
      by: who.name,
    });
    await recordAudit(trx, who, 'synthesis.create', {
      cycle: cycle.id,
      details: { synthesis: id, language: input.language, title, translationOf },
    });
    const created = await syntheses.findSynthesis(trx, cycle.id, id);
    if (!created) throw new Error('a synthesis just created is read back');
    return created;
  });
}
