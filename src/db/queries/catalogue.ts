import type { Kysely } from 'kysely';
import type { Language, Multilingual } from '../../domain/language.js';
import type { Questionnaire, QuestionnaireSection } from '../../domain/questionnaire.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;
const json = (value: unknown) => JSON.stringify(value);

export interface CountryRow {
  code: string;
  alpha2: string;
  name: Multilingual;
  regions: string[];
}
export interface ObjectiveRow {
  number: number;
  title: Multilingual;
  shortName: Multilingual;
  paragraph: number | null;
  verified: Record<string, boolean | string>;
  /** Pacte's curated vocabulary per language (catalogue/objective-keywords.json). */
  keywords: Partial<Record<Language, string[]>>;
}
export interface PrincipleRow {
  key: string;
  letter: string;
  title: Multilingual;
  summary: string | null;
  verified: Record<string, boolean | string>;
}
export interface CycleRow {
  id: string;
  regionId: string;
  title: Multilingual;
  questionnaireId: string;
  questionnaireVersion: number;
  /** Raised by the database whenever that version's content is written (migration 039). */
  questionnaireEdition: number;
  startsOn: string | null;
}

/** Reference data is loaded at every start: insert what is new, refresh what changed. */
export async function upsertRegion(db: Db, id: string, name: Multilingual, members: string[]): Promise<void> {
  await db
    .insertInto('region')
    .values({ id, name: json(name) })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: json(name) }))
    .execute();
  await db.deleteFrom('region_member').where('region_id', '=', id).execute();
  if (members.length > 0) {
    await db
      .insertInto('region_member')
      .values(members.map((country_code) => ({ region_id: id, country_code })))
      .execute();
  }
}

export async function upsertCountries(db: Db, countries: Omit<CountryRow, 'regions'>[]): Promise<void> {
  await db
    .insertInto('country')
    .values(countries.map((c) => ({ code: c.code, alpha2: c.alpha2, name: json(c.name) })))
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({ alpha2: eb.ref('excluded.alpha2'), name: eb.ref('excluded.name') })),
    )
    .execute();
}

export async function upsertObjectives(db: Db, objectives: ObjectiveRow[]): Promise<void> {
  await db
    .insertInto('objective')
    .values(
      objectives.map((o) => ({
        number: o.number,
        title: json(o.title),
        short_name: json(o.shortName),
        paragraph: o.paragraph,
        verified: json(o.verified),
        keywords: json(o.keywords),
      })),
    )
    .onConflict((oc) =>
      oc.column('number').doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        short_name: eb.ref('excluded.short_name'),
        paragraph: eb.ref('excluded.paragraph'),
        verified: eb.ref('excluded.verified'),
        keywords: eb.ref('excluded.keywords'),
      })),
    )
    .execute();
}

export async function upsertPrinciples(db: Db, principles: PrincipleRow[]): Promise<void> {
  await db
    .insertInto('principle')
    .values(
      principles.map((p) => ({
        key: p.key,
        letter: p.letter,
        title: json(p.title),
        summary: p.summary,
        verified: json(p.verified),
      })),
    )
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        letter: eb.ref('excluded.letter'),
        title: eb.ref('excluded.title'),
        summary: eb.ref('excluded.summary'),
        verified: eb.ref('excluded.verified'),
      })),
    )
    .execute();
}

/** A version's sections as rows (here and where a region's version is edited: questionnaires.ts). */
export const sectionRows = (q: Questionnaire) =>
  q.sections.map((s, position) => ({
    questionnaire_id: q.id,
    version: q.version,
    id: s.id,
    position,
    title: json(s.title),
    title_status: json(s.titleStatus),
    guidance: s.guidance ? json(s.guidance) : null,
  }));

/** A version's questions as rows, positions counted within their section. */
export const questionRows = (q: Questionnaire) =>
  q.sections.flatMap((s) =>
    s.questions.map((question, position) => ({
      questionnaire_id: q.id,
      version: q.version,
      id: question.id,
      section_id: s.id,
      letter: question.letter,
      position,
      text: json(question.text),
      text_status: json(question.textStatus),
      kind: question.kind ?? 'text',
      choices: question.choices ? json(question.choices) : null,
      unit: question.unit ? json(question.unit) : null,
      guidance: question.guidance ? json(question.guidance) : null,
    })),
  );

/**
 * A questionnaire version is immutable once stored: answers refer to its wording. Loading it
 * again only fills what is missing; a changed wording must come as a new version.
 */
export async function insertQuestionnaire(db: Db, q: Questionnaire): Promise<void> {
  await db
    .insertInto('questionnaire')
    .values({
      id: q.id,
      version: q.version,
      title: json(q.title),
      source_language: q.sourceLanguage,
      wording_status: json(q.wordingStatus ?? {}),
      region_id: q.region ?? null,
      based_on: q.basedOn ?? null,
      example: q.example ?? false,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('questionnaire_section')
    .values(sectionRows(q))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('question')
    .values(questionRows(q))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function findCycle(db: Db, id: string): Promise<CycleRow | undefined> {
  const row = await db
    .selectFrom('cycle')
    .innerJoin('questionnaire', (join) =>
      join
        .onRef('questionnaire.id', '=', 'cycle.questionnaire_id')
        .onRef('questionnaire.version', '=', 'cycle.questionnaire_version'),
    )
    .select(['cycle.id', 'cycle.region_id', 'cycle.title', 'cycle.questionnaire_id', 'cycle.questionnaire_version'])
    .select('questionnaire.edition')
    .select((eb) => eb.cast<string | null>('cycle.starts_on', 'text').as('starts_on'))
    .where('cycle.id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      regionId: row.region_id,
      title: row.title,
      questionnaireId: row.questionnaire_id,
      questionnaireVersion: row.questionnaire_version,
      questionnaireEdition: row.edition,
      startsOn: row.starts_on,
    }
  );
}

export async function findCountry(db: Db, code: string): Promise<CountryRow | undefined> {
  const row = await db.selectFrom('country').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return undefined;
  const regions = await db.selectFrom('region_member').select('region_id').where('country_code', '=', code).execute();
  return { code: row.code, alpha2: row.alpha2, name: row.name, regions: regions.map((r) => r.region_id) };
}

export async function listCountries(db: Db): Promise<CountryRow[]> {
  const rows = await db
    .selectFrom('country')
    .leftJoin('region_member', 'region_member.country_code', 'country.code')
    .select(['country.code', 'country.alpha2', 'country.name', 'region_member.region_id'])
    .orderBy('country.code')
    .execute();
  const byCode = new Map<string, CountryRow>();
  for (const row of rows) {
    const country = byCode.get(row.code) ?? { code: row.code, alpha2: row.alpha2, name: row.name, regions: [] };
    if (row.region_id) country.regions.push(row.region_id);
    byCode.set(row.code, country);
  }
  return [...byCode.values()];
}

export async function listObjectives(db: Db): Promise<ObjectiveRow[]> {
  const rows = await db.selectFrom('objective').selectAll().orderBy('number').execute();
  return rows.map((r) => ({
    number: r.number,
    title: r.title,
    shortName: r.short_name,
    paragraph: r.paragraph,
    verified: r.verified,
    keywords: r.keywords,
  }));
}

export async function listPrinciples(db: Db): Promise<PrincipleRow[]> {
  const rows = await db.selectFrom('principle').selectAll().orderBy('letter').execute();
  return rows.map((r) => ({ key: r.key, letter: r.letter, title: r.title, summary: r.summary, verified: r.verified }));
}

/** The questionnaire at `version`, or its latest version. */
export async function findQuestionnaire(db: Db, id: string, version?: number): Promise<Questionnaire | undefined> {
  let query = db.selectFrom('questionnaire').selectAll().where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  const head = await query.orderBy('version', 'desc').executeTakeFirst();
  if (!head) return undefined;
  const key = (table: 'questionnaire_section' | 'question') =>
    db.selectFrom(table).selectAll().where('questionnaire_id', '=', id).where('version', '=', head.version);
  const sections = await key('questionnaire_section').orderBy('position').execute();
  const questions = await key('question').orderBy('position').execute();
  return {
    id: head.id,
    version: head.version,
    title: head.title,
    sourceLanguage: head.source_language,
    wordingStatus: head.wording_status,
    region: head.region_id,
    basedOn: head.based_on,
    example: head.example,
    sections: sections.map((s): QuestionnaireSection => ({
      id: s.id,
      title: s.title,
      titleStatus: s.title_status,
      ...(s.guidance ? { guidance: s.guidance } : {}),
      questions: questions
        .filter((q) => q.section_id === s.id)
        .map((q) => ({
          id: q.id,
          letter: q.letter,
          text: q.text,
          textStatus: q.text_status,
          // Free-text questions read as before issue 15 (no kind): the review JSON stays the same.
          ...(q.kind !== 'text' ? { kind: q.kind } : {}),
          ...(q.choices ? { choices: q.choices } : {}),
          ...(q.unit ? { unit: q.unit } : {}),
          ...(q.guidance ? { guidance: q.guidance } : {}),
        })),
    })),
  };
}

/** The digest of the reference data in the database (see migrations/005_catalogue_digest.sql). */
export async function findCatalogueDigest(db: Db): Promise<string | undefined> {
  return (await db.selectFrom('catalogue_load').select('sha256').executeTakeFirst())?.sha256;
}

export async function saveCatalogueDigest(db: Db, sha256: string): Promise<void> {
  const loaded_at = new Date().toISOString();
  await db
    .insertInto('catalogue_load')
    .values({ sha256, loaded_at })
    .onConflict((oc) => oc.column('singleton').doUpdateSet({ sha256, loaded_at }))
    .execute();
}

/** Countries' names and synthetic flags, by code (one query for any number of codes). */
export async function countryNames(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, { name: Multilingual; synthetic: boolean }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('country')
    .select(['code', 'name', 'synthetic'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code.trim(), { name: r.name as Multilingual, synthetic: r.synthetic }]));
}
