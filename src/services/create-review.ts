import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as reviews from '../db/queries/reviews.js';
import { isUniqueViolation } from '../db/constraints.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { pick, type Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { requireAllowed } from './require-allowed.js';
import { recordAudit } from './audit.js';
import { inTransaction } from './use-case.js';

/** `POST /reviews`: the focal point opens the country's review for a cycle, empty, as a draft. */
export async function createReview(
  db: Kysely<Database>,
  actor: Actor | null,
  request: { country: string; cycle: string; language: Language },
): Promise<{ country: string; cycle: string; status: string }> {
  const country = request.country.trim().toUpperCase();
  const who = requireAllowed(actor, 'review.import', { country });
  if (!(await catalogue.findCountry(db, country))) throw new PacteError('country.not_found', { country });
  const cycle = await catalogue.findCycle(db, request.cycle);
  if (!cycle) throw new PacteError('cycle.not_found', { cycle: request.cycle });
  const exists = () => new PacteError('review.exists', { country, cycle: cycle.id });
  try {
    return await inTransaction(db, async (trx) => {
      if (await reviews.findReview(trx, country, cycle.id)) throw exists();
      const title = pick(cycle.title, request.language);
      await reviews.upsertReview(trx, { country, cycle: cycle.id, language: request.language, title });
      await recordAudit(trx, who, 'review.create', { country, cycle: cycle.id });
      return { country, cycle: cycle.id, status: 'draft' };
    });
  } catch (error) {
    // Created by someone else since the check (no row to lock before it exists): the same answer.
    if (isUniqueViolation(error)) throw exists();
    throw error;
  }
}
