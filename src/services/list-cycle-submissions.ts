import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as submissions from '../db/queries/submissions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';

/**
 * `GET /cycles/{cycle}/submissions`: for the cycle's regional secretariat, each country that
 * submitted, with its latest submission (number, date, acknowledged, returned). A country that
 * took its review back stays listed with what it sent. Anyone else signed in gets
 * `cycle.not_found`, as if the cycle did not exist (a planned cycle is not disclosed, and another
 * region's secretariat learns nothing of this one); signed out, `auth.required`.
 */
export async function listCycleSubmissions(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
): Promise<{ cycle: string; region: string; submissions: submissions.CycleSubmission[] }> {
  if (!actor) throw new PacteError('auth.required');
  const cycle = await catalogue.findCycle(db, cycleId);
  if (!cycle || !can(actor, 'submission.read', { region: cycle.regionId })) {
    throw new PacteError('cycle.not_found', { cycle: cycleId });
  }
  // The region's translators read answers, not who sent what when with which note.
  if (!can(actor, 'submission.follow', { region: cycle.regionId })) throw new PacteError('auth.forbidden');
  return { cycle: cycle.id, region: cycle.regionId, submissions: await submissions.listCycleSubmissions(db, cycle.id) };
}
