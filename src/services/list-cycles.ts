import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import type { Database } from '../db/schema.js';
import type { Cycle } from '../domain/cycles.js';
import type { Actor } from '../domain/permissions.js';
import { managesCycle, seesCycle } from './cycle-settings.js';

/** A cycle as the caller may see it: `manages` says whether its settings go with it. */
export interface SeenCycle {
  cycle: Cycle;
  manages: boolean;
}

/**
 * `GET /cycles`, `pacte cycle list`: open and closed cycles for everyone; a region's planned
 * ones and every cycle's settings (participants, closing policy, who changed it) for its
 * secretariat and admins.
 */
export async function listCycles(
  db: Kysely<Database>,
  actor: Actor | null,
  filter: { region?: string | undefined } = {},
): Promise<SeenCycle[]> {
  const all = await cycles.listCycles(db, filter.region === undefined ? {} : { region: filter.region });
  return all
    .filter((cycle) => seesCycle(actor, cycle))
    .map((cycle) => ({ cycle, manages: managesCycle(actor, cycle) }));
}
