import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as reviews from '../db/queries/reviews.js';
import { isUniqueViolation } from '../db/constraints.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { pick, type Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { copyAnswers, copySource, type CopyReport } from './copy-from-cycle.js';
import { visibleCycle } from './cycle-settings.js';
import { requireAllowed } from './require-allowed.js';
import { recordAudit } from './audit.js';
import { inTransaction } from './use-case.js';

/**
 * `POST /reviews`: the focal point opens the country's review for a cycle in which the country
 * takes part, as a draft: empty, or (`from`) starting from the country's review of an earlier
 * cycle, whose answers become the first revisions (origin `copied`, docs/regional.md).
 */
export async function createReview(
  db: Kysely<Database>,
  actor: Actor | null,
  request: {
    country: string;
    cycle: string;
    language: Language;
    from?: { cycle: string; mapping?: Record<string, string> | undefined } | undefined;
  },
): Promise<{ country: string; cycle: string; status: string; copied?: CopyReport }> {
  const country = request.country.trim().toUpperCase();
  const who = requireAllowed(actor, 'review.import', { country });
  if (!(await catalogue.findCountry(db, country))) throw new PacteError('country.not_found', { country });
  const cycle = await visibleCycle(db, actor, request.cycle);
  if (!cycle.countries.includes(country)) throw new PacteError('cycle.not_participating', { country, cycle: cycle.id });
  if (!cycle.languages.includes(request.language)) {
    throw new PacteError('cycle.language_not_offered', {
      cycle: cycle.id,
      language: request.language,
      languages: cycle.languages.join(', '),
    });
  }
  const exists = () => new PacteError('review.exists', { country, cycle: cycle.id });
  try {
    return await inTransaction(db, async (trx) => {
      if (await reviews.findReview(trx, country, cycle.id)) throw exists();
      const source = request.from && (await copySource(trx, who, country, request.from.cycle));
      const title = pick(cycle.title, request.language);
      const { id } = await reviews.upsertReview(trx, { country, cycle: cycle.id, language: request.language, title });
      const copied =
        source &&
        (await copyAnswers(trx, who, { id, language: request.language, cycle }, source, request.from?.mapping));
      await recordAudit(trx, who, 'review.create', {
        country,
        cycle: cycle.id,
        ...(copied && {
          details: { from: copied.from, copied: copied.questions.length, notCopied: copied.notInQuestionnaire },
        }),
      });
      return { country, cycle: cycle.id, status: 'draft', ...(copied && { copied }) };
    });
  } catch (error) {
    // Created by someone else since the check (no row to lock before it exists): the same answer.
    if (isUniqueViolation(error)) throw exists();
    throw error;
  }
}
