import { sql, type Kysely } from 'kysely';
import type { AnswerValue } from '../../domain/answer-value.js';
import type { Block } from '../../domain/blocks.js';
import type { ContributionKind, ContributionStatus, EvidenceType } from '../../domain/contributions.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** Entities' contributions and stakeholders' inputs to one question, and their evidence files. */

export interface ContributionRow {
  id: number;
  reviewId: number;
  questionId: string;
  kind: 'contribution' | 'input';
  status: 'draft' | 'submitted' | 'merged';
  revision: number;
  blocks: Block[];
  /** The typed value the entity proposes (issue 15); null: none. */
  value: AnswerValue | null;
  response: string | null;
  updatedAt: Date;
  updatedBy: string;
  submittedAt: Date | null;
  entity: { id: number; name: string; category: string };
}

export interface EvidenceSummary {
  id: number;
  contributionId: number;
  fileName: string;
  mediaType: string;
  size: number;
}

const contributionColumns = [
  'contribution.id',
  'contribution.review_id as reviewId',
  'contribution.question_id as questionId',
  'contribution.kind',
  'contribution.status',
  'contribution.revision',
  'contribution.blocks',
  'contribution.value',
  'contribution.response',
  'contribution.updated_at as updatedAt',
  'contribution.updated_by as updatedBy',
  'contribution.submitted_at as submittedAt',
  'entity.id as entityId',
  'entity.name as entityName',
  'entity.category as entityCategory',
] as const;

type Selected = {
  id: number;
  reviewId: number;
  questionId: string;
  kind: ContributionKind;
  status: ContributionStatus;
  revision: number;
  blocks: Block[];
  /** The typed value the entity proposes (issue 15); null: none. */
  value: AnswerValue | null;
  response: string | null;
  updatedAt: Date;
  updatedBy: string;
  submittedAt: Date | null;
  entityId: number;
  entityName: string;
  entityCategory: string;
};

const toRow = ({ entityId, entityName, entityCategory, ...row }: Selected): ContributionRow => ({
  ...row,
  kind: row.kind as ContributionRow['kind'],
  status: row.status as ContributionRow['status'],
  entity: { id: entityId, name: entityName, category: entityCategory },
});

const selectContributions = (db: Db) =>
  db.selectFrom('contribution').innerJoin('entity', 'entity.id', 'contribution.entity_id').select(contributionColumns);

/** One entity's contribution to a question; `lock` holds its row until the transaction ends. */
export async function findContribution(
  db: Db,
  key: { reviewId: number; questionId: string; entityId: number },
  lock = false,
): Promise<ContributionRow | undefined> {
  let query = selectContributions(db)
    .where('contribution.review_id', '=', key.reviewId)
    .where('contribution.question_id', '=', key.questionId)
    .where('contribution.entity_id', '=', key.entityId);
  if (lock) query = query.forUpdate('contribution');
  const row = await query.executeTakeFirst();
  return row && toRow(row);
}

/** Contributions by id (any review or question: the caller checks), locked for the transaction. */
export async function findContributionsById(db: Db, ids: readonly number[]): Promise<ContributionRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectContributions(db)
    .where('contribution.id', 'in', [...ids])
    .orderBy('contribution.id')
    .forUpdate('contribution')
    .execute();
  return rows.map(toRow);
}

/** The contributions to one question, of the given entities only when `entityIds` is set. */
export async function listContributions(
  db: Db,
  reviewId: number,
  questionId: string,
  entityIds?: readonly number[],
): Promise<ContributionRow[]> {
  if (entityIds && entityIds.length === 0) return [];
  let query = selectContributions(db)
    .where('contribution.review_id', '=', reviewId)
    .where('contribution.question_id', '=', questionId);
  if (entityIds) query = query.where('contribution.entity_id', 'in', [...entityIds]);
  const rows = await query.orderBy('contribution.kind').orderBy('entity.name').orderBy('contribution.id').execute();
  return rows.map(toRow);
}

/**
 * Creates the first revision of an entity's contribution; undefined when one already exists
 * (someone of the entity created it meanwhile: the caller answers with a conflict).
 */
export async function insertContribution(
  db: Db,
  values: {
    reviewId: number;
    questionId: string;
    entityId: number;
    kind: 'contribution' | 'input';
    blocks: Block[];
    value?: AnswerValue | null;
    author: string;
  },
): Promise<number | undefined> {
  const row = await db
    .insertInto('contribution')
    .values({
      review_id: values.reviewId,
      question_id: values.questionId,
      entity_id: values.entityId,
      kind: values.kind,
      blocks: JSON.stringify(values.blocks),
      value: values.value ? JSON.stringify(values.value) : null,
      updated_by: values.author,
      updated_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.columns(['review_id', 'question_id', 'entity_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** A new revision of the blocks; the contribution goes back to draft. */
export async function updateContributionBlocks(
  db: Db,
  id: number,
  change: { revision: number; blocks: Block[]; value?: AnswerValue | null; author: string },
): Promise<void> {
  await db
    .updateTable('contribution')
    .set({
      revision: change.revision,
      blocks: JSON.stringify(change.blocks),
      value: change.value ? JSON.stringify(change.value) : null,
      status: 'draft',
      submitted_at: null,
      updated_by: change.author,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function markSubmitted(db: Db, id: number): Promise<void> {
  await db
    .updateTable('contribution')
    .set({ status: 'submitted', submitted_at: sql<string>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function markMerged(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('contribution')
    .set({ status: 'merged' })
    .where('id', 'in', [...ids])
    .execute();
}

export async function setResponse(db: Db, id: number, response: string): Promise<void> {
  await db.updateTable('contribution').set({ response }).where('id', '=', id).execute();
}

/** Whether the question of the review is assigned to the entity. */
export async function isAssigned(
  db: Db,
  key: { reviewId: number; questionId: string; entityId: number },
): Promise<boolean> {
  const row = await db
    .selectFrom('assignment')
    .select('entity_id')
    .where('review_id', '=', key.reviewId)
    .where('question_id', '=', key.questionId)
    .where('entity_id', '=', key.entityId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The evidence files of the contributions (without their bytes), oldest first. */
export async function listEvidence(db: Db, contributionIds: readonly number[]): Promise<EvidenceSummary[]> {
  if (contributionIds.length === 0) return [];
  return db
    .selectFrom('evidence')
    .select(['id', 'contribution_id as contributionId', 'file_name as fileName', 'media_type as mediaType', 'size'])
    .where('contribution_id', 'in', [...contributionIds])
    .orderBy('id')
    .execute();
}

export async function insertEvidence(
  db: Db,
  evidence: {
    contributionId: number;
    fileName: string;
    mediaType: EvidenceType;
    bytes: Uint8Array;
    sha256: string;
    uploadedBy: string;
  },
): Promise<EvidenceSummary> {
  return db
    .insertInto('evidence')
    .values({
      contribution_id: evidence.contributionId,
      file_name: evidence.fileName,
      media_type: evidence.mediaType,
      bytes: evidence.bytes,
      size: evidence.bytes.byteLength,
      sha256: evidence.sha256,
      uploaded_by: evidence.uploadedBy,
    })
    .returning(['id', 'contribution_id as contributionId', 'file_name as fileName', 'media_type as mediaType', 'size'])
    .executeTakeFirstOrThrow();
}

/** One evidence file with its bytes, if it belongs to the contribution. */
export async function findEvidence(
  db: Db,
  contributionId: number,
  evidenceId: number,
): Promise<(EvidenceSummary & { bytes: Uint8Array; sha256: string }) | undefined> {
  return db
    .selectFrom('evidence')
    .select([
      'id',
      'contribution_id as contributionId',
      'file_name as fileName',
      'media_type as mediaType',
      'size',
      'bytes',
      'sha256',
    ])
    .where('id', '=', evidenceId)
    .where('contribution_id', '=', contributionId)
    .executeTakeFirst();
}

/** Removes one evidence file of the contribution; what it was, or undefined if it is not one of its files. */
export async function deleteEvidence(
  db: Db,
  contributionId: number,
  evidenceId: number,
): Promise<(EvidenceSummary & { sha256: string }) | undefined> {
  return db
    .deleteFrom('evidence')
    .where('id', '=', evidenceId)
    .where('contribution_id', '=', contributionId)
    .returning([
      'id',
      'contribution_id as contributionId',
      'file_name as fileName',
      'media_type as mediaType',
      'size',
      'sha256',
    ])
    .executeTakeFirst();
}

/**
 * When and by whom each contribution was merged into its answer: the answer revision that names
 * it (answer_revision.contribution_ids, migration 007), the first one if several do.
 */
export async function listMerges(
  db: Db,
  reviewId: number,
  contributionIds: readonly number[],
): Promise<{ contributionId: number; at: Date; by: string }[]> {
  if (contributionIds.length === 0) return [];
  const rows = await db
    .selectFrom('answer_revision')
    .select(['contribution_ids as contributionIds', 'created_at as createdAt', 'author'])
    .where('review_id', '=', reviewId)
    .where('origin', '=', 'merge')
    .where(sql<boolean>`contribution_ids && ${sql.val([...contributionIds])}::integer[]`)
    .orderBy('created_at')
    .execute();
  const merges = new Map<number, { contributionId: number; at: Date; by: string }>();
  for (const row of rows) {
    for (const id of row.contributionIds) {
      if (contributionIds.includes(id) && !merges.has(id)) {
        merges.set(id, { contributionId: id, at: new Date(row.createdAt), by: row.author });
      }
    }
  }
  return [...merges.values()];
}

/** An entity of the country, for naming it in views and checking it exists. */
export async function findEntityOfCountry(
  db: Db,
  entityId: number,
  country: string,
): Promise<{ id: number; name: string; category: string } | undefined> {
  return db
    .selectFrom('entity')
    .select(['id', 'name', 'category'])
    .where('id', '=', entityId)
    .where('country_code', '=', country)
    .executeTakeFirst();
}
