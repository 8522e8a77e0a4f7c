import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as cycles from '../db/queries/cycles.js';
import type { Database } from '../db/schema.js';
import { acceptsSubmissions } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';

/**
 * The named cycle; when none is named, the one open cycle (or, with none open, the one closed
 * cycle: a fresh platform has only arab-2021, closed). With several to choose from, it asks instead of guessing: `cycle.ambiguous`
 * lists them (import, CLI and API alike).
 */
export async function resolveCycle(db: Kysely<Database>, id: string | undefined): Promise<catalogue.CycleRow> {
  if (id !== undefined) {
    const cycle = await catalogue.findCycle(db, id);
    if (!cycle) throw new PacteError('cycle.not_found', { cycle: id });
    return cycle;
  }
  // A planned cycle is never meant implicitly: it is the secretariat's draft.
  const open = await cycles.listCycles(db, { states: ['open'] });
  const candidates = (open.length > 0 ? open : await cycles.listCycles(db, { states: ['closed'] })).map((c) => c.id);
  const only = candidates.length === 1 ? await catalogue.findCycle(db, candidates[0]!) : undefined;
  if (!only) throw new PacteError('cycle.ambiguous', { cycles: [...candidates].sort().join(', ') });
  return only;
}

/** Only a country taking part in the cycle may have a review in it (migration 016 holds it too). */
export async function requireParticipant(db: Kysely<Database>, cycle: string, country: string): Promise<void> {
  if (!(await cycles.takesPart(db, cycle, country)))
    throw new PacteError('cycle.not_participating', { country, cycle });
}

/**
 * A review is submitted to its cycle only while the cycle receives submissions: not once closed
 * with late submissions refused (the secretariat's closing policy, docs/regional.md).
 */
export async function requireAcceptsSubmissions(db: Kysely<Database>, cycleId: string): Promise<void> {
  const cycle = await cycles.findCycle(db, cycleId);
  if (cycle && !acceptsSubmissions(cycle)) throw new PacteError('cycle.closed', { cycle: cycleId });
}
