import type { Kysely } from 'kysely';
import * as practices from '../db/queries/practices.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { cleanPractice, isEditable, type Practice, type PracticeInput } from '../domain/practices.js';
import { recordAudit } from './audit.js';
import { openPractice } from './practice-access.js';
import { requireAllowed } from './require-allowed.js';
import { inTransaction } from './use-case.js';

/**
 * `PUT /api/v1/practices/{id}`: the country's focal point rewrites its practice while it is with
 * the country (proposed, or returned). `version` is the one the writer started from: another one
 * means someone saved in between (practice.edit_conflict, 409), and nothing is written.
 */
export async function editPractice(
  db: Kysely<Database>,
  actor: Actor | null,
  id: number,
  request: { version: number; fields: PracticeInput },
): Promise<Practice> {
  return inTransaction(db, async (trx) => {
    const practice = await openPractice(trx, actor, id, true);
    const who = requireAllowed(actor, 'practice.propose', { country: practice.country, region: practice.region });
    if (!isEditable(practice.state)) throw new PacteError('practice.not_editable', { state: practice.state });
    if (request.version !== practice.version) {
      throw new PacteError('practice.edit_conflict', { current: practice.version, base: request.version });
    }
    const fields = cleanPractice(request.fields, {
      country: practice.country,
      regionCountries: await practices.regionCountries(trx, practice.region),
      principleKeys: await practices.principleKeys(trx),
    });
    await practices.updatePractice(trx, id, fields, who.name);
    await recordAudit(trx, who, 'practice.edit', {
      country: practice.country,
      cycle: practice.cycle,
      details: { practice: id, version: practice.version + 1 },
    });
    return openPractice(trx, who, id);
  });
}
