import type { Kysely } from 'kysely';
import * as contributions from '../db/queries/contributions.js';
import type { Database } from '../db/schema.js';
import { can, entitiesOf, type Actor } from '../domain/permissions.js';
import { viewContributions, type ContributionView } from './contribution-access.js';
import type { ReviewAccess } from './review-access.js';

/**
 * The contributions and inputs to one question that the actor may read: all of them for the
 * country's focal points and validators (and administrators), those of their own entities for
 * contributors and stakeholders, none for anyone else. `access` comes from openReview.
 */
export async function listContributions(
  db: Kysely<Database>,
  access: ReviewAccess,
  actor: Actor | null,
  questionId: string,
): Promise<ContributionView[]> {
  const all = can(actor, 'contribution.read', access.scope);
  const own = all
    ? undefined
    : entitiesOf(actor, access.review.country).filter((entity) =>
        can(actor, 'contribution.read', { ...access.scope, entity }),
      );
  const rows = await contributions.listContributions(db, access.review.id, questionId, own);
  return viewContributions(db, access, rows);
}
