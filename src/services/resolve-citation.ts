import type { Kysely } from 'kysely';
import * as citations from '../db/queries/citations.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { checkedPassage, type PassageIn } from './cite-passage.js';
import { withStates, type CitationWithState } from './citation-state.js';
import { requireCitation } from './get-citation.js';
import { openSyntheses, requireSynthesis } from './synthesis-access.js';
import { inTransaction } from './use-case.js';

type Target = { cycle: string; id: number; citation: number };

/**
 * `POST …/citations/{citation}/keep`: the secretariat keeps a flagged citation as it is (the
 * words it quotes were said in that submission). Who and when are recorded with the latest
 * submission's number: the flag shows again only for a later submission. Audited.
 */
export async function keepCitation(
  db: Kysely<Database>,
  actor: Actor | null,
  target: Target,
): Promise<CitationWithState> {
  const { actor: who, cycle } = await openSyntheses(db, actor, target.cycle, 'synthesis.write');
  return inTransaction(db, async (trx) => {
    const synthesis = await requireSynthesis(trx, cycle.id, target.id);
    const row = await requireCitation(trx, synthesis.id, target.citation, true);
    const [current] = await withStates(trx, cycle.id, [row]);
    if (!current!.state.outdated) throw new PacteError('citation.not_outdated', { citation: row.id });
    await citations.keep(trx, row.id, current!.state.latest, who.name);
    await recordAudit(trx, who, 'citation.keep', {
      country: row.country,
      cycle: cycle.id,
      questionId: row.questionId,
      details: {
        synthesis: synthesis.id,
        citation: row.id,
        submission: row.submissionNumber,
        through: current!.state.latest,
      },
    });
    return readBack(trx, cycle.id, synthesis.id, row.id);
  });
}

/**
 * `PUT …/citations/{citation}`: the citation quotes another passage, of the country's latest
 * submission (`citation.not_latest` otherwise): the way to update a flagged citation. The old
 * passage is kept in the citation's history and the audit log; a keep no longer applies. The
 * document's marks still name the same citation id, so the text needs no change.
 */
export async function updateCitation(
  db: Kysely<Database>,
  actor: Actor | null,
  target: Target,
  input: { passage: PassageIn },
): Promise<CitationWithState> {
  const { actor: who, cycle } = await openSyntheses(db, actor, target.cycle, 'synthesis.write');
  return inTransaction(db, async (trx) => {
    const synthesis = await requireSynthesis(trx, cycle.id, target.id);
    const row = await requireCitation(trx, synthesis.id, target.citation, true);
    const passage = await checkedPassage(trx, cycle.id, input.passage, true);
    // An update follows the same country's new words; citing another country is another citation.
    if (passage.source.country !== row.country) {
      const { country, number } = passage.source;
      throw new PacteError('citation.passage_mismatch', { country, number, question: passage.questionId });
    }
    await citations.repoint(trx, row, passage, who.name);
    await recordAudit(trx, who, 'citation.update', {
      country: passage.source.country,
      cycle: cycle.id,
      questionId: passage.questionId,
      details: { synthesis: synthesis.id, citation: row.id, from: row.passage, to: passage },
    });
    return readBack(trx, cycle.id, synthesis.id, row.id);
  });
}

async function readBack(db: Kysely<Database>, cycle: string, synthesisId: number, id: number) {
  const [row] = await withStates(db, cycle, [await requireCitation(db, synthesisId, id)]);
  return row!;
}
