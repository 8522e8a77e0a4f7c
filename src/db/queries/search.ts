import { sql, type Kysely } from 'kysely';
import type { AnswerValue } from '../../domain/answer-value.js';
import type { Block } from '../../domain/blocks.js';
import type { Language } from '../../domain/language.js';
import { SEARCH_CONFIG } from '../../domain/search-text.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** The search index (migrations/009_search.sql): one row per answer with text. */
export async function upsertSearchDocument(
  db: Db,
  doc: { reviewId: number; questionId: string; language: Language; body: string; normalization: number },
): Promise<void> {
  if (doc.body.trim() === '') {
    await sql`delete from search_document where review_id = ${doc.reviewId} and question_id = ${doc.questionId}`.execute(
      db,
    );
    return;
  }
  await sql`
    insert into search_document (review_id, question_id, language, body, tsv, normalization)
    values (${doc.reviewId}, ${doc.questionId}, ${doc.language}, ${doc.body},
            to_tsvector(${SEARCH_CONFIG[doc.language]}::regconfig, ${doc.body}), ${doc.normalization})
    on conflict (review_id, question_id) do update
      set language = excluded.language, body = excluded.body, tsv = excluded.tsv,
          normalization = excluded.normalization`.execute(db);
}

/** Replaces the published search rows of a review by those of its version `version`. */
export async function replacePublishedSearchDocuments(
  db: Db,
  reviewId: number,
  version: number,
  docs: readonly { questionId: string; language: Language; body: string; blocks: readonly Block[] }[],
  normalization: number,
): Promise<void> {
  await sql`delete from search_publication where review_id = ${reviewId}`.execute(db);
  for (const doc of docs) {
    if (doc.body.trim() === '') continue;
    await sql`
      insert into search_publication (review_id, question_id, version, language, body, tsv, normalization, blocks)
      values (${reviewId}, ${doc.questionId}, ${version}, ${doc.language}, ${doc.body},
              to_tsvector(${SEARCH_CONFIG[doc.language]}::regconfig, ${doc.body}), ${normalization},
              ${JSON.stringify(doc.blocks)}::jsonb)`.execute(db);
  }
}

/**
 * Reviews whose latest version is not what search_publication holds (published before it
 * existed, or indexed by an older normalisation), with that version's document.
 */
export async function stalePublishedSearch(
  db: Db,
  normalization: number,
): Promise<{ reviewId: number; version: number; document: unknown }[]> {
  const { rows } = await sql<{ review_id: number; version: number; document: unknown }>`
    select v.review_id, v.version, v.document
    from review_version v
    where v.version = (select max(w.version) from review_version w where w.review_id = v.review_id)
      and (exists (select 1 from search_publication sp where sp.review_id = v.review_id
                   and (sp.version <> v.version or sp.normalization <> ${normalization}))
           or not exists (select 1 from search_publication sp where sp.review_id = v.review_id))`.execute(db);
  return rows.map((r) => ({ reviewId: r.review_id, version: r.version, document: r.document }));
}

/**
 * Answers with text or a typed value whose index row is missing, made by another normalisation,
 * or in another language; with the questionnaire version that words the value.
 */
export async function staleSearchDocuments(
  db: Db,
  normalization: number,
): Promise<
  {
    reviewId: number;
    questionId: string;
    language: Language;
    blocks: Block[];
    value: AnswerValue | null;
    questionnaire: { id: string; version: number };
  }[]
> {
  const { rows } = await sql<{
    review_id: number;
    question_id: string;
    language: Language;
    blocks: Block[];
    value: AnswerValue | null;
    questionnaire_id: string;
    questionnaire_version: number;
  }>`
    select a.review_id, a.question_id, r.language, a.blocks, a.value, c.questionnaire_id, c.questionnaire_version
    from answer a
    join review r on r.id = a.review_id
    join cycle c on c.id = r.cycle_id
    left join search_document sd on sd.review_id = a.review_id and sd.question_id = a.question_id
    where (sd.review_id is null and (jsonb_array_length(a.blocks) > 0 or a.value is not null))
       or sd.normalization <> ${normalization}
       or sd.language <> r.language`.execute(db);
  return rows.map((r) => ({
    reviewId: r.review_id,
    questionId: r.question_id,
    language: r.language,
    blocks: r.blocks,
    value: r.value,
    questionnaire: { id: r.questionnaire_id, version: r.questionnaire_version },
  }));
}

export interface SearchableReview {
  id: number;
  country: string;
  cycle: string;
  region: string;
  status: string;
  published: boolean;
  /** A fictional country's review (the demo region): its hits are labelled synthetic. */
  synthetic: boolean;
}

/** The reviews search may look into, with what visibility is decided on. */
export async function searchableReviews(db: Db): Promise<SearchableReview[]> {
  const { rows } = await sql<SearchableReview>`
    select r.id, r.country_code as country, r.cycle_id as cycle, c.region_id as region, r.status,
           exists (select 1 from review_version v where v.review_id = r.id) as published,
           co.synthetic
    from review r join cycle c on c.id = r.cycle_id join country co on co.code = r.country_code`.execute(db);
  return rows;
}

export interface SearchFilter {
  /** Already normalised (normalizeSearchText). */
  query: string;
  languages: readonly Language[];
  /** Reviews searched in their working copy (the caller may read it). */
  reviewIds: readonly number[];
  /** Reviews searched in their latest published version. */
  publishedIds: readonly number[];
  section?: string | undefined;
  questionId?: string | undefined;
  objective?: number | undefined;
  limit: number;
  offset: number;
}

export interface SearchRow {
  reviewId: number;
  questionId: string;
  language: Language;
  score: number;
  blocks: Block[];
  total: number;
}

/**
 * The answers matching `query` in the given reviews, best first (ts_rank, then review and
 * question for a stable order), with the total count. Each language's answers are matched
 * with the query through that language's configuration.
 */
export async function searchDocuments(db: Db, f: SearchFilter): Promise<{ rows: SearchRow[]; total: number }> {
  if (f.reviewIds.length + f.publishedIds.length === 0 || f.languages.length === 0) return { rows: [], total: 0 };
  const ids = (list: readonly number[]) =>
    sql`(select value::int from jsonb_array_elements_text(${JSON.stringify(list)}::jsonb))`;
  // Working copies and published versions, searched alike.
  const source = sql`(
      select review_id, question_id, language, tsv, 'live' as source from search_document
      where review_id in ${ids(f.reviewIds)}
      union all
      select review_id, question_id, language, tsv, 'published' as source from search_publication
      where review_id in ${ids(f.publishedIds)}
    )`;
  const queries = sql.join(
    f.languages.map(
      (l) =>
        sql`select ${l}::text as language, websearch_to_tsquery(${SEARCH_CONFIG[l]}::regconfig, ${f.query}) as query`,
    ),
    sql` union all `,
  );
  const conditions = [
    ...(f.questionId !== undefined ? [sql`sd.question_id = ${f.questionId}`] : []),
    ...(f.section !== undefined
      ? [
          sql`exists (select 1 from cycle c join question qu on qu.questionnaire_id = c.questionnaire_id
                          and qu.version = c.questionnaire_version
                        where c.id = r.cycle_id and qu.id = sd.question_id and qu.section_id = ${f.section})`,
        ]
      : []),
    ...(f.objective !== undefined
      ? [
          sql`exists (select 1 from answer_objective ao where ao.review_id = sd.review_id
                          and ao.question_id = sd.question_id and ao.objective = ${f.objective}
                          and ao.status = 'confirmed')`,
        ]
      : []),
  ];
  const where = conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
  const { rows } = await sql<{
    review_id: number;
    question_id: string;
    language: Language;
    score: number;
    blocks: Block[];
    total: string | number;
  }>`
    with q as (${queries}),
    page as (
      select sd.review_id, sd.question_id, sd.language, ts_rank(sd.tsv, q.query)::float8 as score,
             sd.source, r.country_code, r.cycle_id, count(*) over () as total
      from ${source} sd
      join q on q.language = sd.language and sd.tsv @@ q.query
      join review r on r.id = sd.review_id
      where ${where}
      order by score desc, r.country_code, r.cycle_id, sd.question_id
      limit ${f.limit} offset ${f.offset}
    )
    -- The answers' blocks only for the page, not carried through the ranking of every match.
    select page.*, case when page.source = 'live' then a.blocks else sp.blocks end as blocks
    from page
    left join answer a on page.source = 'live' and a.review_id = page.review_id and a.question_id = page.question_id
    left join search_publication sp
      on page.source = 'published' and sp.review_id = page.review_id and sp.question_id = page.question_id
    order by page.score desc, page.country_code, page.cycle_id, page.question_id`.execute(db);
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && f.offset > 0) {
    const counted = await sql<{ n: string | number }>`
      with q as (${queries})
      select count(*) as n from ${source} sd
      join q on q.language = sd.language and sd.tsv @@ q.query
      join review r on r.id = sd.review_id
      where ${where}`.execute(db);
    total = Number(counted.rows[0]?.n ?? 0);
  }
  return {
    rows: rows.map((r) => ({
      reviewId: r.review_id,
      questionId: r.question_id,
      language: r.language,
      score: Number(r.score),
      blocks: r.blocks,
      total,
    })),
    total,
  };
}

/** The lexemes a query looks for (not those it excludes with -word), per language. */
export async function queryLexemes(
  db: Db,
  query: string,
  languages: readonly Language[],
): Promise<Map<Language, Set<string>>> {
  const out = new Map<Language, Set<string>>();
  for (const l of languages) {
    const { rows } = await sql<{ tree: string }>`
      select querytree(websearch_to_tsquery(${SEARCH_CONFIG[l]}::regconfig, ${query}))::text as tree`.execute(db);
    const tree = rows[0]?.tree ?? '';
    const lexemes = new Set<string>();
    for (const m of tree.matchAll(/(!?)\s*'((?:[^']|'')*)'/gu))
      if (!m[1]) lexemes.add((m[2] ?? '').replace(/''/gu, "'"));
    out.set(l, lexemes);
  }
  return out;
}

/** The lexemes of each (normalised) word in `language`'s configuration. */
export async function wordLexemes(
  db: Db,
  language: Language,
  words: readonly string[],
): Promise<Map<string, string[]>> {
  if (words.length === 0) return new Map();
  const { rows } = await sql<{ word: string; lexemes: string[] }>`
    select w.value as word, to_jsonb(tsvector_to_array(to_tsvector(${SEARCH_CONFIG[language]}::regconfig, w.value))) as lexemes
    from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) w`.execute(db);
  return new Map(rows.map((r) => [r.word, r.lexemes]));
}
