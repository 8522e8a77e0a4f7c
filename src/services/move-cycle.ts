import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import type { Database } from '../db/schema.js';
import { canMoveCycle, type Cycle, type LatePolicy } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { managedCycle } from './cycle-settings.js';
import { inTransaction } from './use-case.js';

/**
 * `POST /cycles/{cycle}/state`: the region's secretariat opens a cycle (it needs its dates) or
 * closes it, choosing what happens to reviews submitted after that (`late`: accept or refuse,
 * docs/regional.md). Reopening forgets the policy: the next closing chooses again.
 */
export async function moveCycle(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  request: { to: 'open' | 'closed'; late?: LatePolicy | undefined },
): Promise<Cycle> {
  return inTransaction(db, async (trx) => {
    const cycle = await managedCycle(trx, actor, id, true);
    if (!canMoveCycle(cycle.state, request.to)) {
      throw new PacteError('cycle.move_not_allowed', { cycle: id, from: cycle.state, to: request.to });
    }
    if (request.to === 'closed' && request.late === undefined) throw new PacteError('cycle.closing_policy_required');
    if (request.to === 'open' && (cycle.opensOn === null || cycle.dueOn === null)) {
      throw new PacteError('cycle.dates_required', { cycle: id });
    }
    const late = request.to === 'closed' ? request.late! : null;
    await cycles.updateCycle(trx, id, actor!.name, { state: request.to, lateSubmissions: late });
    await recordAudit(trx, actor, request.to === 'open' ? 'cycle.open' : 'cycle.close', {
      cycle: id,
      details: { from: cycle.state, ...(late && { late }) },
    });
    return (await cycles.findCycle(trx, id))!;
  });
}
