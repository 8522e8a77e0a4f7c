import { sql, type Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { SynthesisDocument } from '../../domain/synthesis.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** A synthesis of a cycle, without its text (migration 033). */
export interface SynthesisRow {
  id: number;
  cycle: string;
  language: Language;
  title: string;
  translationOf: number | null;
  state: 'draft' | 'published';
  revision: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export interface SynthesisRevisionRow {
  revision: number;
  document: SynthesisDocument;
  author: string;
  createdAt: Date;
}

function synthesisRows(db: Db) {
  return db
    .selectFrom('synthesis as s')
    .select([
      sql<number>`s.id::int`.as('id'),
      's.cycle_id as cycle',
      sql<Language>`s.language`.as('language'),
      's.title',
      sql<number | null>`s.translation_of::int`.as('translationOf'),
      sql<'draft' | 'published'>`s.state`.as('state'),
      's.revision',
      's.created_at as createdAt',
      's.created_by as createdBy',
      's.updated_at as updatedAt',
      's.updated_by as updatedBy',
    ]);
}

export async function listSyntheses(db: Db, cycle: string): Promise<SynthesisRow[]> {
  return synthesisRows(db).where('s.cycle_id', '=', cycle).orderBy('s.id').execute();
}

/** One synthesis of the cycle; locked until the transaction ends with `lock` (saves wait for each other). */
export async function findSynthesis(
  db: Db,
  cycle: string,
  id: number,
  lock = false,
): Promise<SynthesisRow | undefined> {
  const query = synthesisRows(db).where('s.cycle_id', '=', cycle).where('s.id', '=', String(id));
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function insertSynthesis(
  db: Db,
  row: { cycle: string; language: Language; title: string; translationOf: number | null; by: string },
): Promise<number> {
  const { id } = await db
    .insertInto('synthesis')
    .values({
      cycle_id: row.cycle,
      language: row.language,
      title: row.title,
      translation_of: row.translationOf === null ? null : String(row.translationOf),
      created_by: row.by,
      updated_by: row.by,
    })
    .returning(sql<number>`id::int`.as('id'))
    .executeTakeFirstOrThrow();
  return id;
}

/** Writes revision `revision` and makes it the current one (the caller holds the synthesis's lock). */
export async function saveRevision(
  db: Db,
  id: number,
  change: { revision: number; document: SynthesisDocument; title: string; by: string },
): Promise<void> {
  await db
    .insertInto('synthesis_revision')
    .values({
      synthesis_id: String(id),
      revision: change.revision,
      document: JSON.stringify(change.document),
      author: change.by,
    })
    .execute();
  await db
    .updateTable('synthesis')
    .set({ revision: change.revision, title: change.title, updated_by: change.by, updated_at: sql<Date>`now()` })
    .where('id', '=', String(id))
    .execute();
}

/** One revision with its document; the current one when `revision` is absent. */
export async function findRevision(db: Db, id: number, revision?: number): Promise<SynthesisRevisionRow | undefined> {
  let query = db
    .selectFrom('synthesis_revision')
    .select(['revision', sql<SynthesisDocument>`document`.as('document'), 'author', 'created_at as createdAt'])
    .where('synthesis_id', '=', String(id));
  if (revision !== undefined) query = query.where('revision', '=', revision);
  return query.orderBy('revision', 'desc').limit(1).executeTakeFirst();
}

/** Every revision, newest first, without documents. */
export async function listRevisions(db: Db, id: number): Promise<Omit<SynthesisRevisionRow, 'document'>[]> {
  return db
    .selectFrom('synthesis_revision')
    .select(['revision', 'author', 'created_at as createdAt'])
    .where('synthesis_id', '=', String(id))
    .orderBy('revision', 'desc')
    .execute();
}
