import type { Kysely } from 'kysely';
import * as requests from '../db/queries/citation-requests.js';
import * as catalogue from '../db/queries/catalogue.js';
import * as citations from '../db/queries/citations.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Multilingual } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { withStates, type CitationWithState } from './citation-state.js';
import { openSyntheses, requireSynthesis } from './synthesis-access.js';

export interface CitationRead {
  citation: CitationWithState;
  countryName: Multilingual;
  /** The cited submission's whole answer to the question, to show the passage highlighted in it. */
  answer: citations.SubmittedAnswer | null;
  /** The country's latest submission's answer when the citation is flagged (the change is in `citation.state`). */
  latest: citations.SubmittedAnswer | null;
  /** The passages the citation quoted before it was updated, oldest first. */
  history: { passage: citations.CitationRow['passage']; replacedBy: string; replacedAt: Date }[];
  /** Requests to the country's focal points about it, oldest first. */
  requests: requests.CitationRequestRow[];
}

/** The citation `id` of the synthesis, or `citation.not_found`. */
export async function requireCitation(db: Kysely<Database>, synthesisId: number, id: number, lock = false) {
  const found = await citations.findCitation(db, synthesisId, id, lock);
  if (!found) throw new PacteError('citation.not_found', { citation: id });
  return found;
}

/** `GET /cycles/{cycle}/syntheses/{id}/citations/{citation}`: what the editor shows when a citation opens. */
export async function getCitation(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; id: number; citation: number },
): Promise<CitationRead> {
  const { cycle } = await openSyntheses(db, actor, target.cycle, 'synthesis.read');
  const synthesis = await requireSynthesis(db, cycle.id, target.id);
  const row = await requireCitation(db, synthesis.id, target.citation);
  const [citation] = await withStates(db, cycle.id, [row]);
  const where = { country: row.country, cycle: cycle.id, questionId: row.questionId };
  const answer = await citations.submittedAnswer(db, { ...where, number: row.submissionNumber });
  const latest = citation!.state.outdated ? await citations.submittedAnswer(db, where) : undefined;
  const names = await catalogue.countryNames(db, [row.country]);
  return {
    citation: citation!,
    countryName: names.get(row.country)?.name ?? {},
    answer: answer ?? null,
    latest: latest ?? null,
    history: await citations.passageHistory(db, row.id),
    requests: (await requests.listForSynthesis(db, synthesis.id)).filter((r) => r.citationId === row.id),
  };
}
