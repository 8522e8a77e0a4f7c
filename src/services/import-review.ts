import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { decodeText } from '../documents/decode-text.js';
import { parseReviewText } from '../documents/import-text.js';
import { sameBlocks } from '../domain/blocks.js';
import { detectCountry } from '../domain/detect-country.js';
import { PacteError, isPacteError } from '../domain/errors.js';
import { pick } from '../domain/language.js';
import { buildReviewDocument, type ReviewDocument } from '../domain/review.js';
import { resolveCycle } from './resolve-cycle.js';

export interface ImportRequest {
  bytes: Uint8Array;
  /** The file's name, for messages only: the format is read from the content. */
  file: string;
  /** ISO 3166-1 alpha-3; guessed from the text when absent. */
  country?: string | undefined;
  /** Guessed when the platform has a single cycle. */
  cycle?: string | undefined;
  dryRun: boolean;
  /** Who imports, recorded in each revision. */
  actor: string;
}

export interface ImportResult {
  review: ReviewDocument;
  stored: boolean;
  created: boolean;
  /** Question ids whose answer got a new revision, and those the file left as they were. */
  changed: string[];
  unchanged: string[];
  unmatched: string[];
}

/**
 * Turns a review file into a stored review: one transaction, so a failure stores nothing.
 * Importing the same file again changes nothing; a changed answer gets a new revision, and
 * questions the file does not answer keep what they had.
 */
export async function importReview(db: Kysely<Database>, request: ImportRequest): Promise<ImportResult> {
  const text = decodeText(request.bytes, request.file);
  const cycle = await resolveCycle(db, request.cycle);
  const questionnaire = await catalogue.findQuestionnaire(db, cycle.questionnaireId, cycle.questionnaireVersion);
  if (!questionnaire) throw new PacteError('questionnaire.not_found', { questionnaire: cycle.questionnaireId });

  let parsed;
  try {
    parsed = parseReviewText(text, questionnaire);
  } catch (error) {
    // The parser does not know file names; messages must name the file.
    if (isPacteError(error)) throw new PacteError(error.code, { ...error.details, file: request.file });
    throw error;
  }

  const country = await resolveCountry(db, request.country, text, parsed.language);
  const header = {
    country,
    cycle: cycle.id,
    language: parsed.language,
    title: parsed.title ?? pick(cycle.title, parsed.language),
  };
  const incoming = new Map(parsed.questions.map((q) => [q.id, { blocks: q.blocks }]));

  if (request.dryRun) {
    return {
      review: buildReviewDocument(questionnaire, header, incoming, false),
      stored: false,
      created: false,
      changed: [],
      unchanged: [],
      unmatched: parsed.unmatched,
    };
  }

  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  return db.transaction().execute(async (trx) => {
    const { id, created } = await reviews.upsertReview(trx, header);
    const existing = await reviews.findAnswers(trx, id);
    const changed: string[] = [];
    const unchanged: string[] = [];
    for (const question of parsed.questions) {
      const before = existing.get(question.id);
      if (before && sameBlocks(before.blocks, question.blocks)) {
        unchanged.push(question.id);
        continue;
      }
      const revision = (before?.revision ?? 0) + 1;
      await reviews.saveAnswerRevision(trx, {
        reviewId: id,
        questionId: question.id,
        revision,
        blocks: question.blocks,
        author: request.actor,
        origin: 'import',
        sourceSha256: sha256,
      });
      existing.set(question.id, { blocks: question.blocks, revision });
      changed.push(question.id);
    }
    return {
      review: buildReviewDocument(questionnaire, header, existing, true),
      stored: true,
      created,
      changed,
      unchanged,
      unmatched: parsed.unmatched,
    };
  });
}

async function resolveCountry(
  db: Kysely<Database>,
  given: string | undefined,
  text: string,
  language: Parameters<typeof detectCountry>[1],
): Promise<string> {
  if (given !== undefined) {
    const code = given.trim().toUpperCase();
    if (!(await catalogue.findCountry(db, code))) throw new PacteError('country.not_found', { country: given });
    return code;
  }
  const detected = detectCountry(text, language, await catalogue.listCountries(db));
  if (!detected) {
    throw new PacteError('request.invalid', {
      problem: 'the country of this review could not be recognised; name it (--country ISO3)',
    });
  }
  return detected;
}
