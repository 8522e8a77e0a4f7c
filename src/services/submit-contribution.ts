import type { Kysely } from 'kysely';
import * as contributions from '../db/queries/contributions.js';
import type { Database } from '../db/schema.js';
import { hasText } from '../domain/contributions.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { lockWritableContribution, openContribution, type ContributionKey } from './contribution-access.js';
import { notifyCountry } from './notify.js';
import { inTransaction } from './use-case.js';

/**
 * Submits an entity's contribution (or a stakeholder's input) to the focal point: it becomes
 * `submitted` and the country's focal points are notified, in one transaction with the audit
 * event. An empty one cannot be submitted; submitting a submitted one again changes nothing.
 */
export async function submitContribution(
  db: Kysely<Database>,
  actor: Actor | null,
  key: ContributionKey,
): Promise<{ id: number; revision: number; status: 'submitted' }> {
  const opened = await openContribution(db, actor, key, 'contribution.write');
  const { entity } = opened;
  return inTransaction(db, async (trx) => {
    const { access, writer, row } = await lockWritableContribution(trx, actor, opened, key);
    if (!hasText(row.blocks)) throw new PacteError('contribution.empty', { contribution: row.id });
    const result = { id: row.id, revision: row.revision, status: 'submitted' as const };
    if (row.status === 'submitted') return result;
    await contributions.markSubmitted(trx, row.id);
    const { country, cycle } = access.review;
    await notifyCountry(trx, country, ['focal_point'], {
      kind: 'submitted',
      country,
      cycle,
      questionId: key.questionId,
      details: { contribution: row.id, kind: row.kind, entity: { id: entity.id, name: entity.name } },
    });
    await recordAudit(trx, writer, 'contribution.submit', {
      country,
      cycle,
      questionId: key.questionId,
      details: { contribution: row.id, entity: entity.id, kind: row.kind, revision: row.revision },
    });
    return result;
  });
}
