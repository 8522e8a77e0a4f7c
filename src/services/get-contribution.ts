import type { Kysely } from 'kysely';
import * as contributions from '../db/queries/contributions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import {
  openContribution,
  viewContributions,
  type ContributionKey,
  type ContributionView,
} from './contribution-access.js';

/**
 * One entity's contribution (or a stakeholder's input) to a question, with its evidence files
 * and the focal point's response: for the country's focal points and validators, and for the
 * contributors and stakeholders of that entity only.
 */
export async function getContribution(
  db: Kysely<Database>,
  actor: Actor | null,
  key: ContributionKey,
): Promise<ContributionView> {
  const { access } = await openContribution(db, actor, key, 'contribution.read');
  const row = await contributions.findContribution(db, {
    reviewId: access.review.id,
    questionId: key.questionId,
    entityId: key.entityId,
  });
  if (!row) throw new PacteError('contribution.not_found', { question: key.questionId, entity: key.entityId });
  const [view] = await viewContributions(db, access, [row]);
  return view!;
}
