import type { Kysely } from 'kysely';
import * as contributions from '../db/queries/contributions.js';
import type { Database } from '../db/schema.js';
import type { AnswerValue } from '../domain/answer-value.js';
import type { Block } from '../domain/blocks.js';
import type { ContributionKind, ContributionStatus } from '../domain/contributions.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import {
  lockReview,
  openReview,
  questionOf,
  requireOnReview,
  requireOpen,
  type LockedReview,
  type ReviewAccess,
} from './review-access.js';

/**
 * What the contribution services share: opening one entity's contribution to a question for
 * reading or writing (the review visible to the actor, the question in its questionnaire, the
 * right on that entity), the rules of each kind, and the view every client gets.
 */

/** One entity's contribution (or input) to one question of a review, as the API names it. */
export interface ContributionKey {
  country: string;
  cycle: string;
  questionId: string;
  entityId: number;
}

export interface EvidenceView {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
}

export interface ContributionView {
  id: number;
  questionId: string;
  entity: { id: number; name: string; category: string };
  kind: ContributionKind;
  status: ContributionStatus;
  revision: number;
  blocks: Block[];
  /** The typed value it proposes (issue 15); null: none. */
  value: AnswerValue | null;
  /** How the focal point took a stakeholder's input into account; null until answered. */
  response: string | null;
  evidence: EvidenceView[];
  updatedAt: Date;
  updatedBy: string;
  /** When and by whom it was merged into the answer (a merged contribution says why it no longer changes). */
  merged: { at: Date; by: string } | null;
}

export interface OpenedContribution {
  access: ReviewAccess;
  actor: Actor;
  entity: { id: number; name: string; category: string };
}

/**
 * Opens the review for a participant and checks `action` on the entity. Someone who may not see
 * the review gets review.not_found; someone who may see it but not this entity's contribution,
 * auth.forbidden; an entity that is not of the review's country, entity.not_found.
 */
export async function openContribution(
  db: Kysely<Database>,
  actor: Actor | null,
  key: ContributionKey,
  action: 'contribution.read' | 'contribution.write',
): Promise<OpenedContribution> {
  const access = await openReview(db, actor, key.country, key.cycle, { participant: true });
  questionOf(access, key.questionId);
  const allowed = requireOnReview(actor, action, access, key.entityId);
  const entity = await contributions.findEntityOfCountry(db, key.entityId, access.review.country);
  if (!entity) throw new PacteError('entity.not_found', { entity: key.entityId });
  return { access, actor: allowed, entity };
}

/**
 * The kind of what the actor writes for the entity: a contributor writes the entity's
 * contribution, a stakeholder an input. Others allowed to write (administrators) write a
 * contribution where the question is assigned to the entity, else an input.
 */
export function kindFor(actor: Actor, country: string, entityId: number, assigned: boolean): ContributionKind {
  const roles = actor.grants.filter((g) => g.country === country && g.entity === entityId).map((g) => g.role);
  if (roles.includes('contributor')) return 'contribution';
  if (roles.includes('stakeholder')) return 'input';
  return assigned ? 'contribution' : 'input';
}

/**
 * The rule of each kind: a contribution needs the question assigned to the entity; an input
 * is written only while the review is in consultation.
 */
export function requireKindRule(access: LockedReview, key: ContributionKey, kind: ContributionKind, assigned: boolean) {
  if (kind === 'contribution' && !assigned) {
    throw new PacteError('assignment.not_found', { question: key.questionId, entity: key.entityId });
  }
  if (kind === 'input' && access.review.status !== 'in_consultation') {
    throw new PacteError('review.not_in_state', { status: access.review.status, expected: 'in_consultation' });
  }
}

/**
 * The contribution exists, may be written by the actor and still changes: decided inside the
 * transaction that writes, with the review (share: it stays open until the write commits) then
 * the contribution locked, in that order as everywhere.
 */
export async function lockWritableContribution(
  trx: Kysely<Database>,
  actor: Actor | null,
  opened: OpenedContribution,
  key: ContributionKey,
) {
  const access = await lockReview(trx, opened.access, 'share');
  const writer = requireOnReview(actor, 'contribution.write', access, key.entityId);
  requireOpen(access);
  const where = { reviewId: access.review.id, questionId: key.questionId, entityId: key.entityId };
  const row = await contributions.findContribution(trx, where, true);
  if (!row) throw new PacteError('contribution.not_found', { question: key.questionId, entity: key.entityId });
  requireNotMerged(row);
  requireKindRule(access, key, row.kind, await contributions.isAssigned(trx, where));
  return { access, writer, row };
}

/**
 * The contribution, locked, whose evidence files the actor may change: writable as above, and a
 * draft — once submitted, the focal point has been told of its files and reads them
 * (contribution.submitted).
 */
export async function lockEvidenceContribution(trx: Kysely<Database>, actor: Actor | null, key: ContributionKey) {
  const opened = await openContribution(trx, actor, key, 'contribution.write');
  const locked = await lockWritableContribution(trx, actor, opened, key);
  if (locked.row.status === 'submitted') {
    throw new PacteError('contribution.submitted', { contribution: locked.row.id });
  }
  return { ...locked, entity: opened.entity };
}

/** A merged contribution is part of the answer's history: it no longer changes. */
export function requireNotMerged(row: contributions.ContributionRow) {
  if (row.status === 'merged') throw new PacteError('contribution.closed', { contribution: row.id });
}

/** The views of contribution rows, each with its evidence files (read in one query). */
export async function viewContributions(
  db: Kysely<Database>,
  access: ReviewAccess,
  rows: readonly contributions.ContributionRow[],
): Promise<ContributionView[]> {
  const ids = rows.map((row) => row.id);
  const evidence = await contributions.listEvidence(db, ids);
  const merges = await contributions.listMerges(
    db,
    access.review.id,
    rows.filter((row) => row.status === 'merged').map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    questionId: row.questionId,
    entity: row.entity,
    kind: row.kind,
    status: row.status,
    revision: row.revision,
    blocks: row.blocks,
    value: row.value,
    response: row.response,
    evidence: evidence
      .filter((e) => e.contributionId === row.id)
      .map((e) => ({
        id: e.id,
        fileName: e.fileName,
        mediaType: e.mediaType,
        size: e.size,
      })),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    merged: ((m) => (m ? { at: m.at, by: m.by } : null))(merges.find((m) => m.contributionId === row.id)),
  }));
}
