/**
 * Questionnaire versions a secretariat shapes (issue 15, docs/questionnaires.md): listing them
 * with what uses them, copying one to a new version, replacing a version's sections and
 * questions, and marking a language's wording official. Reading one version whole is
 * catalogue.findQuestionnaire; inserting one is catalogue.insertQuestionnaire.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Language, Multilingual } from '../../domain/language.js';
import type { Questionnaire, WordingStatus } from '../../domain/questionnaire.js';
import { PacteError } from '../../domain/errors.js';
import type { Database } from '../schema.js';
import { questionRows, sectionRows } from './catalogue.js';

type Db = Kysely<Database>;
const json = (value: unknown) => JSON.stringify(value);

export interface VersionRow {
  id: string;
  version: number;
  title: Multilingual;
  sourceLanguage: Language;
  region: string | null;
  basedOn: number | null;
  example: boolean;
  wordingStatus: Partial<Record<Language, WordingStatus>>;
  createdAt: string;
  createdBy: string | null;
  questions: number;
  cycles: { id: string; title: Multilingual; state: string; regionId: string }[];
  frozen: boolean;
}

/**
 * A version is frozen once a cycle that uses it has a review with an answer: an answer row
 * with text (non-empty blocks) or a typed value. Computed when read, so it cannot drift.
 */
const frozenExpression = (eb: ExpressionBuilder<Database, 'questionnaire'>) =>
  eb.exists(
    eb
      .selectFrom('cycle')
      .innerJoin('review', 'review.cycle_id', 'cycle.id')
      .innerJoin('answer', 'answer.review_id', 'review.id')
      .select(sql<number>`1`.as('one'))
      .whereRef('cycle.questionnaire_id', '=', 'questionnaire.id')
      .whereRef('cycle.questionnaire_version', '=', 'questionnaire.version')
      .where((eb) => eb.or([eb('answer.value', 'is not', null), eb(sql`jsonb_array_length(answer.blocks)`, '>', 0)])),
  );

/** Every version (the caller filters what its actor may see), newest of each questionnaire first. */
export async function listVersions(db: Db): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('questionnaire')
    .select([
      'id',
      'version',
      'title',
      'source_language',
      'region_id',
      'based_on',
      'example',
      'wording_status',
      'created_by',
    ])
    .select((eb) => [
      eb.cast<string>('created_at', 'text').as('created_at'),
      frozenExpression(eb).as('frozen'),
      eb
        .selectFrom('question')
        .select((q) => q.fn.countAll<string>().as('n'))
        .whereRef('question.questionnaire_id', '=', 'questionnaire.id')
        .whereRef('question.version', '=', 'questionnaire.version')
        .as('questions'),
    ])
    .orderBy('id')
    .orderBy('version', 'desc')
    .execute();
  const cycles = await db
    .selectFrom('cycle')
    .select(['id', 'title', 'state', 'region_id', 'questionnaire_id', 'questionnaire_version'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    title: r.title,
    sourceLanguage: r.source_language,
    region: r.region_id,
    basedOn: r.based_on,
    example: r.example,
    wordingStatus: r.wording_status as VersionRow['wordingStatus'],
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by,
    questions: Number(r.questions ?? 0),
    frozen: Boolean(r.frozen),
    cycles: cycles
      .filter((c) => c.questionnaire_id === r.id && c.questionnaire_version === r.version)
      .map((c) => ({ id: c.id, title: c.title, state: c.state, regionId: c.region_id })),
  }));
}

/**
 * One version's row, locked for the rest of the transaction when `lock` (edits serialise on it,
 * and a first answer's write waits for it: lockQuestionOf). Locked first, then read:
 * after waiting for the lock, a second statement sees the answer written meanwhile (read
 * committed), where one statement would still say « not frozen ».
 */
export async function findVersionHead(db: Db, id: string, version: number, lock = false) {
  if (lock) {
    await db
      .selectFrom('questionnaire')
      .select('id')
      .where('id', '=', id)
      .where('version', '=', version)
      .forUpdate()
      .execute();
  }
  const row = await db
    .selectFrom('questionnaire')
    .select(['id', 'version', 'region_id', 'based_on', 'wording_status'])
    .select((eb) => frozenExpression(eb).as('frozen'))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && { ...row, frozen: Boolean(row.frozen) };
}

/**
 * Before an answer is written: its questionnaire version's row locked for share, then the question
 * read again (saveAnswerRevision calls it). A secretariat edits a version under that row's update
 * lock after checking that no answer uses it (findVersionHead, above): an answer written meanwhile
 * waits for the edit and is refused if the edit removed its question (question.not_found, nothing
 * written), and an edit that comes after waits for the answer, then finds the version frozen.
 * Two statements: the second reads what the edit committed (read committed).
 */
export async function lockQuestionOf(db: Db, reviewId: number, questionId: string): Promise<void> {
  const version = await db
    .selectFrom('review')
    .innerJoin('cycle', 'cycle.id', 'review.cycle_id')
    .innerJoin('questionnaire', (join) =>
      join
        .onRef('questionnaire.id', '=', 'cycle.questionnaire_id')
        .onRef('questionnaire.version', '=', 'cycle.questionnaire_version'),
    )
    .select(['questionnaire.id', 'questionnaire.version'])
    .where('review.id', '=', reviewId)
    .forShare('questionnaire')
    .executeTakeFirst();
  const question =
    version &&
    (await db
      .selectFrom('question')
      .select('id')
      .where('questionnaire_id', '=', version.id)
      .where('version', '=', version.version)
      .where('id', '=', questionId)
      .executeTakeFirst());
  if (!question) throw new PacteError('question.not_found', { question: questionId });
}

/** The number a new version of `id` takes: the highest + 1 (the versions' rows locked meanwhile). */
export async function nextVersion(db: Db, id: string): Promise<number> {
  const rows = await db.selectFrom('questionnaire').select('version').where('id', '=', id).forUpdate().execute();
  return Math.max(0, ...rows.map((r) => r.version)) + 1;
}

/** Who made a version (insertQuestionnaire leaves it null, as for the shipped ones). */
export async function setCreatedBy(db: Db, id: string, version: number, createdBy: string): Promise<void> {
  await db
    .updateTable('questionnaire')
    .set({ created_by: createdBy })
    .where('id', '=', id)
    .where('version', '=', version)
    .execute();
}

/**
 * Replaces a version's title, sections and questions with `q`'s (the caller's transaction).
 * Rows are updated in place where the ids stay, so the mapping rows naming a kept question stay
 * too; questions and sections no longer there are deleted (their mapping rows with them).
 */
export async function replaceVersion(db: Db, q: Questionnaire): Promise<void> {
  await db
    .updateTable('questionnaire')
    .set({ title: json(q.title) })
    .where('id', '=', q.id)
    .where('version', '=', q.version)
    .execute();
  // Sections first (questions refer to them), then questions, then what is gone.
  await db
    .insertInto('questionnaire_section')
    .values(sectionRows(q))
    .onConflict((oc) =>
      oc.columns(['questionnaire_id', 'version', 'id']).doUpdateSet((eb) => ({
        position: eb.ref('excluded.position'),
        title: eb.ref('excluded.title'),
        title_status: eb.ref('excluded.title_status'),
        guidance: eb.ref('excluded.guidance'),
      })),
    )
    .execute();
  const questions = questionRows(q);
  const kept = questions.map((x) => x.id);
  let gone = db.deleteFrom('question').where('questionnaire_id', '=', q.id).where('version', '=', q.version);
  if (kept.length) gone = gone.where('id', 'not in', kept);
  await gone.execute();
  if (questions.length) {
    await db
      .insertInto('question')
      .values(questions)
      .onConflict((oc) =>
        oc.columns(['questionnaire_id', 'version', 'id']).doUpdateSet((eb) => ({
          section_id: eb.ref('excluded.section_id'),
          letter: eb.ref('excluded.letter'),
          position: eb.ref('excluded.position'),
          text: eb.ref('excluded.text'),
          text_status: eb.ref('excluded.text_status'),
          kind: eb.ref('excluded.kind'),
          choices: eb.ref('excluded.choices'),
          unit: eb.ref('excluded.unit'),
          guidance: eb.ref('excluded.guidance'),
        })),
      )
      .execute();
  }
  await db
    .deleteFrom('questionnaire_section')
    .where('questionnaire_id', '=', q.id)
    .where('version', '=', q.version)
    .where(
      'id',
      'not in',
      q.sections.map((s) => s.id),
    )
    .execute();
}

/**
 * Marks a language's wording of a version official or not: the version's status and that of
 * every section title and question of it, in the caller's transaction.
 */
export async function setWordingStatus(
  db: Db,
  id: string,
  version: number,
  language: Language,
  status: WordingStatus,
): Promise<void> {
  const patch = json({ [language]: status });
  await db
    .updateTable('questionnaire')
    .set({ wording_status: sql`wording_status || ${patch}::jsonb` })
    .where('id', '=', id)
    .where('version', '=', version)
    .execute();
  await db
    .updateTable('questionnaire_section')
    .set({ title_status: sql`title_status || ${patch}::jsonb` })
    .where('questionnaire_id', '=', id)
    .where('version', '=', version)
    .execute();
  await db
    .updateTable('question')
    .set({ text_status: sql`text_status || ${patch}::jsonb` })
    .where('questionnaire_id', '=', id)
    .where('version', '=', version)
    .execute();
}
