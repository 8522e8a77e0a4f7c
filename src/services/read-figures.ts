import type { Cycle } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import type { FigureSource } from '../db/queries/figures.js';
import { seesCycle } from './cycle-settings.js';

/**
 * Reads a cycle's figures (src/db/queries/figures.ts) in one query, counting what the actor may
 * read: the region's secretariat (and administrators, and the region's translators:
 * `submission.read`) counts each country's latest submission not returned; anyone else, signed out
 * included, published answers only. Whose region the cycle is in comes back with the figures, so
 * the read guesses the source from the actor's grants, and reads again in the rare case the guess
 * was wrong (a secretariat reading another region's public figures). A cycle the actor may not
 * see is `cycle.not_found`.
 */
export async function readFigures<T extends { cycle: Cycle }>(
  actor: Actor | null,
  cycleId: string,
  read: (source: FigureSource) => Promise<T | undefined>,
): Promise<T & { source: FigureSource }> {
  const readsSubmissions = (region: string | null) => can(actor, 'submission.read', { region: region ?? undefined });
  const guess: FigureSource = actor?.grants.some((g) => readsSubmissions(g.region)) ? 'submission' : 'published';
  let found = await read(guess);
  if (!found || !seesCycle(actor, found.cycle)) throw new PacteError('cycle.not_found', { cycle: cycleId });
  const source: FigureSource = readsSubmissions(found.cycle.regionId) ? 'submission' : 'published';
  if (source !== guess) found = await read(source);
  if (!found) throw new PacteError('cycle.not_found', { cycle: cycleId });
  return { ...found, source };
}
