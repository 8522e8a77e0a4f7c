import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';

/** The named cycle, or the platform's only cycle when none is named. */
export async function resolveCycle(db: Kysely<Database>, id: string | undefined): Promise<catalogue.CycleRow> {
  if (id !== undefined) {
    const cycle = await catalogue.findCycle(db, id);
    if (!cycle) throw new PacteError('cycle.not_found', { cycle: id });
    return cycle;
  }
  const ids = await catalogue.listCycleIds(db);
  const only = ids.length === 1 ? await catalogue.findCycle(db, ids[0]!) : undefined;
  if (!only) throw new PacteError('request.invalid', { problem: 'name the review cycle (--cycle ID)' });
  return only;
}
