import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as submissions from '../db/queries/submissions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';

/**
 * `GET /cycles/{cycle}/submissions`: for the cycle's regional secretariat, each country that
 * submitted, with its latest submission (number, date, acknowledged, returned). A country that
 * took its review back stays listed with what it sent. Cycles are public (the catalogue, open
 * data), so anyone else is refused (401/403) rather than told the cycle does not exist; nothing
 * about any review is said to them.
 */
export async function listCycleSubmissions(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
): Promise<{ cycle: string; region: string; submissions: submissions.CycleSubmission[] }> {
  if (!actor) throw new PacteError('auth.required');
  const cycle = await catalogue.findCycle(db, cycleId);
  if (!cycle) throw new PacteError('cycle.not_found', { cycle: cycleId });
  if (!can(actor, 'submission.read', { region: cycle.regionId })) {
    throw new PacteError('auth.forbidden', { action: 'submission.read', cycle: cycle.id });
  }
  return { cycle: cycle.id, region: cycle.regionId, submissions: await submissions.listCycleSubmissions(db, cycle.id) };
}
