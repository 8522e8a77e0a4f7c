import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import * as submissions from '../db/queries/submissions.js';
import * as translations from '../db/queries/translations.js';
import type { Database } from '../db/schema.js';
import { BLOCK_LIMITS, cleanBlocks, sameBlocks, type Block } from '../domain/blocks.js';
import { PacteError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import type { ReviewDocument } from '../domain/review.js';
import { recordAudit } from './audit.js';
import { lockReview, questionOf } from './review-access.js';
import { notFound, openSubmissions } from './submission-access.js';
import { answerOf, currentTranslationOf, type Translation } from './list-translations.js';
import { inTransaction } from './use-case.js';

export interface TranslationTarget {
  country: string;
  cycle: string;
  number: number;
  questionId: string;
  language: Language;
}

export interface TranslationRequest {
  blocks: Block[];
  /** The revision the writer started from (0: none yet); another one is an edit conflict. */
  baseRevision?: number | undefined;
  machine?: boolean | undefined;
  /** Which system translated, required when `machine` is true. */
  machineNote?: string | undefined;
}

/**
 * `PUT …/submissions/{number}/answers/{questionId}/translations/{language}`: the region's
 * secretariat or one of its translators writes the human translation of one answer of one
 * submission into another language of the cycle (migration 031). Each save that changes
 * something is the next revision, so no translated text is lost, and is audited
 * (translation.save). The submission's text never changes; the translation is outdated once the
 * country submits a different answer (list-translations.ts).
 */
export async function saveTranslation(
  db: Kysely<Database>,
  actor: Actor | null,
  target: TranslationTarget,
  request: TranslationRequest,
): Promise<Translation> {
  const { access: seen, who } = await openSubmissions(db, actor, target, 'translation.write');
  questionOf(seen, target.questionId); // question.not_found before anything else is said of it
  return inTransaction(db, async (trx) => {
    // The review's row lock orders writers of its translations: the next revision is theirs alone.
    const access = await lockReview(trx, seen, 'update');
    const where = { country: access.review.country, cycle: access.review.cycle };
    const found = await submissions.findSubmission(trx, access.review.id, target.number);
    if (!found) throw notFound(access, target.number);
    const cycle = await cycles.findCycle(trx, access.review.cycle);
    const languages = cycle?.languages ?? [];
    if (!languages.includes(target.language)) {
      throw new PacteError('translation.language_not_in_cycle', {
        ...where,
        language: target.language,
        languages: languages.join(', '),
      });
    }
    const document = found.document as ReviewDocument;
    const answer = answerOf(document, target.questionId);
    if (answer.length === 0) {
      throw new PacteError('translation.no_answer', { ...where, number: target.number, question: target.questionId });
    }
    if (document.language === target.language) {
      throw new PacteError('translation.same_language', { question: target.questionId, language: target.language });
    }
    const blocks = cleanBlocks(request.blocks);
    if (!blocks) throw new PacteError('blocks.too_large', { ...BLOCK_LIMITS });
    if (blocks.length === 0) throw new PacteError('translation.empty');
    const machine = request.machine === true;
    const note = machine ? (request.machineNote ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim() : '';
    if (machine && (note.length === 0 || note.length > 500)) throw new PacteError('translation.machine_note_required');

    const key = { reviewId: access.review.id, number: target.number, questionId: target.questionId };
    const history = await translations.listRevisions(trx, { ...key, language: target.language });
    const current = history[0];
    const base = request.baseRevision ?? current?.revision ?? 0;
    if (base !== (current?.revision ?? 0)) {
      throw new PacteError('translation.edit_conflict', { current: current?.revision ?? 0, base });
    }
    // Saving the same text again writes nothing: a revision says that something changed.
    const unchanged =
      current !== undefined &&
      sameBlocks(current.blocks, blocks) &&
      current.machine === machine &&
      (current.machineNote ?? '') === note;
    if (!unchanged) {
      const row = await translations.addRevision(trx, {
        ...key,
        language: target.language,
        revision: (current?.revision ?? 0) + 1,
        blocks,
        translator: who.name,
        machine,
        machineNote: machine ? note : null,
      });
      await recordAudit(trx, who, 'translation.save', {
        ...where,
        questionId: target.questionId,
        details: { submission: target.number, language: target.language, revision: row.revision, machine },
      });
    }
    return currentTranslationOf(trx, access.review.id, target);
  });
}
