import type { Kysely } from 'kysely';
import * as contributions from '../db/queries/contributions.js';
import type { Database } from '../db/schema.js';
import * as catalogue from '../db/queries/catalogue.js';
import { checkValue, sameValue, type AnswerValue } from '../domain/answer-value.js';
import { BLOCK_LIMITS, cleanBlocks, sameBlocks, type Block } from '../domain/blocks.js';
import { strictBlocks } from '../domain/contributions.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import {
  kindFor,
  openContribution,
  requireKindRule,
  requireNotMerged,
  type ContributionKey,
} from './contribution-access.js';
import { lockReview, questionOf, requireOnReview, requireOpen } from './review-access.js';
import { inTransaction } from './use-case.js';

export interface SavedContribution {
  id: number;
  revision: number;
  status: 'draft' | 'submitted' | 'merged';
  blocks: Block[];
  value: AnswerValue | null;
}

/**
 * Saves a new revision of an entity's contribution (or a stakeholder's input), in one
 * transaction with its audit event. `baseRevision` is the revision the writer started from (0
 * to create): if someone saved in between, nothing is written and `contribution.edit_conflict`
 * carries the current revision, its blocks and its author. Saving a submitted contribution
 * takes it back to draft; a merged one no longer changes. Blocks are refused with an unknown
 * key, and normalised as answers are (cleanBlocks). Saving the same blocks again changes
 * nothing (autosave).
 */
export async function saveContribution(
  db: Kysely<Database>,
  actor: Actor | null,
  key: ContributionKey,
  input: { blocks: unknown; value?: unknown; baseRevision: number },
): Promise<SavedContribution> {
  const blocks = cleanBlocks(strictBlocks(input.blocks));
  if (!blocks) throw new PacteError('blocks.too_large', { ...BLOCK_LIMITS });
  const opened = await openContribution(db, actor, key, 'contribution.write');
  return inTransaction(db, async (trx) => {
    // The review first (share: it must stay open, or in consultation for an input, until this
    // commits), then the contribution.
    const access = await lockReview(trx, opened.access, 'share');
    const writer = requireOnReview(actor, 'contribution.write', access, key.entityId);
    requireOpen(access);
    // A contribution may propose a typed value too (issue 15), checked as the answer's is.
    const { question } = questionOf(access, key.questionId);
    const value = checkValue(
      question,
      input.value ?? null,
      (await catalogue.listPrinciples(trx)).map((p) => p.key),
    );
    const where = { reviewId: access.review.id, questionId: key.questionId, entityId: key.entityId };
    const assigned = await contributions.isAssigned(trx, where);
    const current = await contributions.findContribution(trx, where, true);
    const kind = current?.kind ?? kindFor(writer, access.review.country, key.entityId, assigned);
    requireKindRule(access, key, kind, assigned);
    const conflict = (row: contributions.ContributionRow | undefined) =>
      new PacteError('contribution.edit_conflict', {
        currentRevision: row?.revision ?? 0,
        baseRevision: input.baseRevision,
        blocks: row?.blocks ?? [],
        author: row?.updatedBy ?? null,
      });

    let id: number;
    let revision: number;
    if (!current) {
      if (input.baseRevision !== 0) throw conflict(undefined);
      const created = await contributions.insertContribution(trx, {
        ...where,
        kind,
        blocks,
        value,
        author: writer.name,
      });
      // Someone of the entity created it meanwhile: theirs stands, this writer merges by hand.
      if (created === undefined) throw conflict(await contributions.findContribution(trx, where));
      id = created;
      revision = 1;
    } else {
      requireNotMerged(current);
      if (input.baseRevision !== current.revision) throw conflict(current);
      if (current.status === 'draft' && sameBlocks(current.blocks, blocks) && sameValue(current.value, value)) {
        const { id, revision, status } = current;
        return { id, revision, status, blocks: current.blocks, value: current.value };
      }
      id = current.id;
      revision = current.revision + 1;
      await contributions.updateContributionBlocks(trx, id, { revision, blocks, value, author: writer.name });
    }
    await recordAudit(trx, writer, 'contribution.save', {
      country: access.review.country,
      cycle: access.review.cycle,
      questionId: key.questionId,
      details: { contribution: id, entity: key.entityId, kind, revision },
    });
    return { id, revision, status: 'draft' as const, blocks, value };
  });
}
