import type { Kysely } from 'kysely';
import * as citations from '../db/queries/citations.js';
import type { Database } from '../db/schema.js';
import type { SubmittedPassage } from '../domain/citation.js';
import { PacteError } from '../domain/errors.js';
import { passageHolds } from '../domain/passage.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { withStates, type CitationWithState } from './citation-state.js';
import { openSyntheses, requireSynthesis } from './synthesis-access.js';
import { inTransaction } from './use-case.js';

/** What a client posts to cite: a passage of a submission (as `GET …/passages` returns them). */
export interface PassageIn {
  source: { kind: 'submission'; country: string; cycle: string; number: number };
  questionId: string;
  position: { block: number[]; start: number; end: number };
  text: string;
}

/**
 * The passage, checked against the submission it names: of this cycle, of a submission that
 * exists, and holding those words at that place (`passageHolds`); else `citation.passage_mismatch`
 * (or `citation.not_latest` when `latestOnly` and a later submission exists).
 */
export async function checkedPassage(
  db: Kysely<Database>,
  cycle: string,
  passage: PassageIn,
  latestOnly = false,
): Promise<SubmittedPassage> {
  const country = passage.source.country.toUpperCase();
  const details = { country, number: passage.source.number, question: passage.questionId };
  if (passage.source.cycle !== cycle) throw new PacteError('citation.passage_mismatch', details);
  const target = { country, cycle, questionId: passage.questionId };
  const found = await citations.submittedAnswer(db, { ...target, number: passage.source.number });
  if (!found || !passageHolds(found.blocks, passage)) throw new PacteError('citation.passage_mismatch', details);
  if (latestOnly) {
    const latest = await citations.submittedAnswer(db, target);
    if (latest && latest.number !== found.number)
      throw new PacteError('citation.not_latest', { country, latest: latest.number });
  }
  const { block, start, end } = passage.position;
  return {
    source: { kind: 'submission', country, cycle, number: found.number },
    questionId: passage.questionId,
    position: { block: [...block], start, end },
    text: passage.text,
  };
}

/** `POST /cycles/{cycle}/syntheses/{id}/citations`: the synthesis cites a passage. Audited. */
export async function citePassage(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; id: number },
  input: { passage: PassageIn },
): Promise<CitationWithState> {
  const { actor: who, cycle } = await openSyntheses(db, actor, target.cycle, 'synthesis.write');
  return inTransaction(db, async (trx) => {
    const synthesis = await requireSynthesis(trx, cycle.id, target.id);
    const passage = await checkedPassage(trx, cycle.id, input.passage);
    const id = await citations.insertCitation(trx, synthesis.id, passage, who.name);
    await recordAudit(trx, who, 'citation.create', {
      country: passage.source.country,
      cycle: cycle.id,
      questionId: passage.questionId,
      details: { synthesis: synthesis.id, citation: id, submission: passage.source.number },
    });
    const row = await citations.findCitation(trx, synthesis.id, id);
    if (!row) throw new Error('a citation just made is read back');
    const [withState] = await withStates(trx, cycle.id, [row]);
    return withState!;
  });
}
