import type { Kysely } from 'kysely';
import * as citations from '../db/queries/citations.js';
import type { Database } from '../db/schema.js';
import { citationState, type CitationState } from '../domain/citation.js';

export interface CitationWithState extends citations.CitationRow {
  state: CitationState;
}

/**
 * Whether each citation is flagged (src/domain/citation.ts, `citationState`). Computed on read,
 * never stored: a submission never changes, so the verdict changes only when the country submits
 * again or the secretariat keeps or updates the citation; computing it at submission time would
 * need the submission to know every synthesis that cites it, and a stored flag could disagree
 * with the texts. Reading costs two small jsonb reads per citation (the cited and the latest
 * answer to one question), memoised by country, question and number.
 */
export async function withStates(
  db: Kysely<Database>,
  cycle: string,
  rows: readonly citations.CitationRow[],
): Promise<CitationWithState[]> {
  const answers = new Map<string, Promise<citations.SubmittedAnswer | undefined>>();
  const answer = (country: string, questionId: string, number?: number) => {
    const key = `${country} ${questionId} ${number ?? 'latest'}`;
    let found = answers.get(key);
    if (!found) {
      found = citations.submittedAnswer(db, { country, cycle, questionId, ...(number ? { number } : {}) });
      answers.set(key, found);
    }
    return found;
  };
  const out: CitationWithState[] = [];
  for (const row of rows) {
    const cited = await answer(row.country, row.questionId, row.submissionNumber);
    const latest = (await answer(row.country, row.questionId)) ?? cited;
    const state = citationState({
      cited: { number: row.submissionNumber, blocks: cited?.blocks ?? [] },
      latest: { number: latest?.number ?? row.submissionNumber, blocks: latest?.blocks ?? [] },
      passage: row.passage,
      keptThrough: row.keptThrough,
    });
    out.push({ ...row, state });
  }
  return out;
}
