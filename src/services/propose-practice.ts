import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import * as practices from '../db/queries/practices.js';
import * as reviews from '../db/queries/reviews.js';
import * as submissions from '../db/queries/submissions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { isLanguage, type Language } from '../domain/language.js';
import { makePassage, type Passage, type PassagePosition } from '../domain/passage.js';
import type { Actor } from '../domain/permissions.js';
import { cleanPractice, type Practice, type PracticeInput } from '../domain/practices.js';
import type { ReviewDocument } from '../domain/review.js';
import { recordAudit } from './audit.js';
import { answerOf } from './list-translations.js';
import { notifyPractice, openPractice } from './practice-access.js';
import { requireAllowed } from './require-allowed.js';
import { inTransaction } from './use-case.js';

export interface ProposePracticeRequest {
  cycle: string;
  country: string;
  language: Language;
  fields: PracticeInput;
  /** The passage of one of the country's submissions to the cycle the practice comes from. */
  source?: { number: number; questionId: string; position: PassagePosition } | undefined;
  /** The demo region's generator marks what it writes; a real request never does. */
  synthetic?: boolean;
}

/**
 * `POST /api/v1/practices`: a country's focal point proposes a practice of its country in a
 * cycle of its region (docs/practices.md). Checked field by field (domain/practices.ts), its
 * source passage against the submission it quotes; audited practice.propose; the region's
 * secretariat is told.
 */
export async function proposePractice(
  db: Kysely<Database>,
  actor: Actor | null,
  request: ProposePracticeRequest,
): Promise<Practice> {
  const country = request.country.toUpperCase();
  const cycle = await cycles.findCycle(db, request.cycle);
  // A cycle of another region is none of this country's business: said as not found.
  if (!cycle) throw new PacteError('cycle.not_found', { cycle: request.cycle });
  const who = requireAllowed(actor, 'practice.propose', { country, region: cycle.regionId });
  const regionCountries = await practices.regionCountries(db, cycle.regionId);
  if (!regionCountries.has(country)) throw new PacteError('cycle.not_found', { cycle: request.cycle });
  if (!isLanguage(request.language)) throw new PacteError('practice.invalid_field', { field: 'language' });
  const fields = cleanPractice(request.fields, {
    country,
    regionCountries,
    principleKeys: await practices.principleKeys(db),
  });
  return inTransaction(db, async (trx) => {
    const source = request.source ? await passageOf(trx, country, cycle.id, request.source) : null;
    const id = await practices.insertPractice(trx, {
      cycle: cycle.id,
      country,
      language: request.language,
      fields,
      source,
      synthetic: cycle.synthetic || request.synthetic === true,
      by: who.name,
    });
    await practices.addProposal(trx, id, who.name);
    const practice = await openPractice(trx, who, id);
    await recordAudit(trx, who, 'practice.propose', { country, cycle: cycle.id, details: { practice: id } });
    await notifyPractice(trx, practice, 'secretariat', 'practice_proposed');
    return practice;
  });
}

/** The passage of the country's submission `number` to the cycle, or `practice.invalid_passage`. */
export async function passageOf(
  trx: Kysely<Database>,
  country: string,
  cycle: string,
  at: { number: number; questionId: string; position: PassagePosition },
): Promise<Passage> {
  const invalid = () => new PacteError('practice.invalid_passage', { field: 'source' });
  const review = await reviews.findReview(trx, country, cycle);
  if (!review || !Number.isInteger(at.number)) throw invalid();
  const submission = await submissions.findSubmission(trx, review.id, at.number);
  if (!submission) throw invalid();
  const blocks = answerOf(submission.document as ReviewDocument, at.questionId);
  const passage = makePassage(
    blocks,
    { kind: 'submission', country, cycle, number: at.number },
    at.questionId,
    at.position,
  );
  if (!passage) throw invalid();
  return passage;
}
