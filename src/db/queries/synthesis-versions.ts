import { sql, type Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { SynthesisDocument } from '../../domain/synthesis.js';
import type { FigureData, StoredCitation } from '../../domain/synthesis-figures.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** A published version of a synthesis (migration 036): never changed once written. */
export interface SynthesisVersionRow {
  synthesis: number;
  version: number;
  revision: number;
  title: string;
  language: Language;
  document: SynthesisDocument;
  /** As stored: JSON, dates as ISO strings. */
  citations: StoredCitation[];
  figures: FigureData[];
  publishedAt: Date;
  publishedBy: string;
}

export type VersionSummary = Pick<SynthesisVersionRow, 'version' | 'revision' | 'publishedAt' | 'publishedBy'>;

export async function insertVersion(
  db: Db,
  row: Omit<SynthesisVersionRow, 'publishedAt' | 'citations'> & { citations: readonly object[] },
): Promise<void> {
  await db
    .insertInto('synthesis_version')
    .values({
      synthesis_id: String(row.synthesis),
      version: row.version,
      revision: row.revision,
      title: row.title,
      language: row.language,
      document: JSON.stringify(row.document),
      citations: JSON.stringify(row.citations),
      figures: JSON.stringify(row.figures),
      published_by: row.publishedBy,
    })
    .execute();
}

/** Every version of a synthesis, oldest first, without their contents. */
export async function listVersions(db: Db, synthesis: number): Promise<VersionSummary[]> {
  return db
    .selectFrom('synthesis_version')
    .select(['version', 'revision', 'published_at as publishedAt', 'published_by as publishedBy'])
    .where('synthesis_id', '=', String(synthesis))
    .orderBy('version')
    .execute();
}

/** One version (the latest when `version` is absent), whole. */
export async function findVersion(
  db: Db,
  synthesis: number,
  version?: number,
): Promise<SynthesisVersionRow | undefined> {
  let query = db
    .selectFrom('synthesis_version')
    .select([
      sql<number>`synthesis_id::int`.as('synthesis'),
      'version',
      'revision',
      'title',
      sql<Language>`language`.as('language'),
      sql<SynthesisDocument>`document`.as('document'),
      sql<SynthesisVersionRow['citations']>`citations`.as('citations'),
      sql<FigureData[]>`figures`.as('figures'),
      'published_at as publishedAt',
      'published_by as publishedBy',
    ])
    .where('synthesis_id', '=', String(synthesis));
  if (version !== undefined) query = query.where('version', '=', version);
  return query.orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The cycle's published syntheses (their latest versions), for the public page. */
export async function publishedOfCycle(
  db: Db,
  cycle: string,
): Promise<{ synthesis: number; language: Language; translationOf: number | null }[]> {
  return db
    .selectFrom('synthesis as s')
    .select([
      sql<number>`s.id::int`.as('synthesis'),
      sql<Language>`s.language`.as('language'),
      sql<number | null>`s.translation_of::int`.as('translationOf'),
    ])
    .where('s.cycle_id', '=', cycle)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('synthesis_version as v').select('v.version').whereRef('v.synthesis_id', '=', 's.id')),
    )
    .orderBy('s.id')
    .execute();
}

/** Marks the synthesis as having a published version (its `state`; the draft goes on). */
export async function markPublished(db: Db, synthesis: number, by: string): Promise<void> {
  await db
    .updateTable('synthesis')
    .set({ state: 'published', updated_by: by, updated_at: sql<Date>`now()` })
    .where('id', '=', String(synthesis))
    .execute();
}
