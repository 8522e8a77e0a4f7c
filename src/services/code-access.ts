import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as codes from '../db/queries/codes.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';

/**
 * Who may see and code a cycle's answers: its region's secretariat (and administrators), which
 * reads what the countries submitted (`submission.read`) and manages the cycle (`cycle.manage`,
 * needed to create codes, ask for suggestions and decide on them). A translator of the region
 * reads the same submissions: it may read the codes and codings, and is refused any change
 * (`auth.forbidden`). To anyone else signed in the cycle does not exist (`cycle.not_found`, as
 * the cycle's other pages answer), so another region learns nothing; signed out, `auth.required`.
 */
export async function openCycle(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
  action: 'submission.read' | 'cycle.manage',
): Promise<{ actor: Actor; cycle: catalogue.CycleRow }> {
  if (!actor) throw new PacteError('auth.required');
  const cycle = await catalogue.findCycle(db, cycleId);
  const scope = { region: cycle?.regionId ?? '' };
  if (!cycle || !can(actor, 'submission.read', scope)) throw new PacteError('cycle.not_found', { cycle: cycleId });
  // A translator of the region reads the codes (the same submissions it translates), no more.
  if (!can(actor, action, scope)) throw new PacteError('auth.forbidden');
  return { actor, cycle };
}

/** The code of the cycle's question, or `code.not_found`. */
export async function requireCode(
  db: Kysely<Database>,
  cycle: string,
  questionId: string,
  lock = false,
): Promise<codes.CodeRow> {
  const code = await (lock ? codes.lockCode(db, cycle, questionId) : codes.findCode(db, cycle, questionId));
  if (!code) throw new PacteError('code.not_found', { cycle, question: questionId });
  return code;
}
