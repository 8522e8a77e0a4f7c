import type { Kysely } from 'kysely';
import type { MappingRow } from '../../domain/question-mapping.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** A questionnaire version: the two ends of a mapping. */
export interface VersionKey {
  id: string;
  version: number;
}

/** The stored rows mapping `from`'s questions onto `to`'s (none: the pair maps by id). */
export async function findMappingRows(db: Db, from: VersionKey, to: VersionKey): Promise<MappingRow[]> {
  const rows = await db
    .selectFrom('question_mapping')
    .select(['from_question', 'to_question'])
    .where('from_questionnaire', '=', from.id)
    .where('from_version', '=', from.version)
    .where('to_questionnaire', '=', to.id)
    .where('to_version', '=', to.version)
    .orderBy('from_question')
    .orderBy('to_question')
    .execute();
  return rows.map((r) => ({ from: r.from_question, to: r.to_question }));
}

/** Replaces the pair's rows (the caller's transaction; rows checked by resolveMapping first). */
export async function replaceMappingRows(db: Db, from: VersionKey, to: VersionKey, rows: readonly MappingRow[]) {
  await db
    .deleteFrom('question_mapping')
    .where('from_questionnaire', '=', from.id)
    .where('from_version', '=', from.version)
    .where('to_questionnaire', '=', to.id)
    .where('to_version', '=', to.version)
    .execute();
  if (!rows.length) return;
  await db
    .insertInto('question_mapping')
    .values(
      rows.map((r) => ({
        from_questionnaire: from.id,
        from_version: from.version,
        from_question: r.from,
        to_questionnaire: to.id,
        to_version: to.version,
        to_question: r.to,
      })),
    )
    .execute();
}
