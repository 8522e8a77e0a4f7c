import { sql, type Kysely } from 'kysely';
import type { SubmittedPassage } from '../../domain/citation.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export type RequestState = 'pending' | 'approved' | 'refused';

/** A request that a country's focal points approve a citation for the public (migration 033). */
export interface CitationRequestRow {
  id: number;
  citationId: number;
  synthesisId: number;
  synthesisTitle: string;
  cycle: string;
  country: string;
  questionId: string;
  /** The passage as it was when asked: the approval is of these words. */
  passage: SubmittedPassage;
  state: RequestState;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
}

function requestRows(db: Db) {
  return db
    .selectFrom('citation_request as r')
    .innerJoin('citation as c', 'c.id', 'r.citation_id')
    .innerJoin('synthesis as s', 's.id', 'c.synthesis_id')
    .select([
      sql<number>`r.id::int`.as('id'),
      sql<number>`r.citation_id::int`.as('citationId'),
      sql<number>`s.id::int`.as('synthesisId'),
      's.title as synthesisTitle',
      's.cycle_id as cycle',
      'c.country_code as country',
      sql<string>`r.passage->>'questionId'`.as('questionId'),
      sql<SubmittedPassage>`r.passage`.as('passage'),
      sql<RequestState>`r.state`.as('state'),
      'r.requested_by as requestedBy',
      'r.requested_at as requestedAt',
      'r.decided_by as decidedBy',
      'r.decided_at as decidedAt',
      'r.reason',
    ]);
}

export async function insertRequest(db: Db, citationId: number, passage: SubmittedPassage, by: string) {
  const { id } = await db
    .insertInto('citation_request')
    .values({ citation_id: String(citationId), passage: JSON.stringify(passage), requested_by: by })
    .returning(sql<number>`id::int`.as('id'))
    .executeTakeFirstOrThrow();
  return id;
}

export async function findRequest(db: Db, id: number, lock = false): Promise<CitationRequestRow | undefined> {
  const query = requestRows(db).where('r.id', '=', String(id));
  return (lock ? query.forUpdate('r') : query).executeTakeFirst();
}

/** The requests about a country's passages in a cycle's syntheses, pending first, then newest first. */
export async function listForCountry(db: Db, country: string, cycle: string): Promise<CitationRequestRow[]> {
  return requestRows(db)
    .where('c.country_code', '=', country)
    .where('s.cycle_id', '=', cycle)
    .orderBy(sql`r.state = 'pending'`, 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/** Every request about a synthesis's citations, oldest first. */
export async function listForSynthesis(db: Db, synthesisId: number): Promise<CitationRequestRow[]> {
  return requestRows(db).where('s.id', '=', String(synthesisId)).orderBy('r.id').execute();
}

export async function decideRequest(
  db: Db,
  id: number,
  decision: { state: 'approved' | 'refused'; by: string; reason: string | null },
): Promise<void> {
  await db
    .updateTable('citation_request')
    .set({ state: decision.state, decided_by: decision.by, decided_at: sql<Date>`now()`, reason: decision.reason })
    .where('id', '=', String(id))
    .execute();
}
