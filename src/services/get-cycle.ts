import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { managesCycle, visibleCycle } from './cycle-settings.js';
import type { SeenCycle } from './list-cycles.js';

/** `GET /cycles/{cycle}`: as listCycles shows it; a planned cycle is cycle.not_found to outsiders. */
export async function getCycle(db: Kysely<Database>, actor: Actor | null, id: string): Promise<SeenCycle> {
  const cycle = await visibleCycle(db, actor, id);
  return { cycle, manages: managesCycle(actor, cycle) };
}
