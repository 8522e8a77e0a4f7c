import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as syntheses from '../db/queries/syntheses.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';

/**
 * Who may see and write a cycle's syntheses: its region's secretariat (and administrators) write
 * them (`synthesis.write`); the region's translators read them (`synthesis.read`) and are refused
 * any change (`auth.forbidden`). To anyone else signed in the cycle does not exist
 * (`cycle.not_found`, as for codes), so another region learns nothing; signed out, `auth.required`.
 */
export async function openSyntheses(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
  action: 'synthesis.read' | 'synthesis.write',
): Promise<{ actor: Actor; cycle: catalogue.CycleRow }> {
  if (!actor) throw new PacteError('auth.required');
  const cycle = await catalogue.findCycle(db, cycleId);
  const scope = { region: cycle?.regionId ?? '' };
  if (!cycle || !can(actor, 'synthesis.read', scope)) throw new PacteError('cycle.not_found', { cycle: cycleId });
  if (!can(actor, action, scope)) throw new PacteError('auth.forbidden');
  return { actor, cycle };
}

/** The cycle's synthesis `id`, or `synthesis.not_found`; locked until the transaction ends with `lock`. */
export async function requireSynthesis(
  db: Kysely<Database>,
  cycle: string,
  id: number,
  lock = false,
): Promise<syntheses.SynthesisRow> {
  const found = await syntheses.findSynthesis(db, cycle, id, lock);
  if (!found) throw new PacteError('synthesis.not_found', { cycle, synthesis: id });
  return found;
}
