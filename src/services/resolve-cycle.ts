import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as cycles from '../db/queries/cycles.js';
import type { Database } from '../db/schema.js';
import { acceptsSubmissions, type Cycle } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';

/**
 * The named cycle; when none is named, the one open cycle (or, with none open, the one closed
 * cycle: a fresh platform has only arab-2021, closed). With a country known, only the cycles it
 * takes part in count (cycle_country): Morocco's import still means Morocco's cycle when another
 * region, the demo region say, has one open. With several to choose from, it asks instead of
 * guessing: `cycle.ambiguous` lists them (import, CLI and API alike).
 */
export async function resolveCycle(
  db: Kysely<Database>,
  id: string | undefined,
  country?: string,
): Promise<catalogue.CycleRow> {
  if (id !== undefined) {
    const cycle = await catalogue.findCycle(db, id);
    if (!cycle) throw new PacteError('cycle.not_found', { cycle: id });
    return cycle;
  }
  const candidates = (await cycleCandidates(db, country)).map((c) => c.id);
  const only = candidates.length === 1 ? await catalogue.findCycle(db, candidates[0]!) : undefined;
  if (!only) throw new PacteError('cycle.ambiguous', { cycles: [...candidates].sort().join(', ') });
  return only;
}

/**
 * The cycles an unnamed cycle may mean: the open ones, else the closed ones; a country's only,
 * when it takes part in any (one taking part in none gets every cycle, so that the import then
 * says `cycle.not_participating` rather than an empty list).
 */
export async function cycleCandidates(db: Kysely<Database>, country?: string): Promise<Cycle[]> {
  const own = country === undefined ? [] : await candidatesAmong(db, { country });
  return own.length > 0 ? own : candidatesAmong(db, {});
}

async function candidatesAmong(db: Kysely<Database>, filter: { country?: string }): Promise<Cycle[]> {
  // A planned cycle is never meant implicitly: it is the secretariat's draft.
  const open = await cycles.listCycles(db, { ...filter, states: ['open'] });
  return open.length > 0 ? open : cycles.listCycles(db, { ...filter, states: ['closed'] });
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
