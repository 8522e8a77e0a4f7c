import type { Kysely } from 'kysely';
import * as citations from '../db/queries/citations.js';
import * as syntheses from '../db/queries/syntheses.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { checkSynthesis, citedIds, EMPTY_SYNTHESIS, type SynthesisDocument } from '../domain/synthesis.js';
import { recordAudit } from './audit.js';
import { cleanTitle } from './create-synthesis.js';
import { openSyntheses, requireSynthesis } from './synthesis-access.js';
import { inTransaction } from './use-case.js';

export interface SavedSynthesis {
  synthesis: syntheses.SynthesisRow;
  document: SynthesisDocument;
}

/**
 * `PUT /cycles/{cycle}/syntheses/{id}`: a new revision of the synthesis, as answers are saved
 * (save-answer.ts): the synthesis row is locked, its revision compared with the writer's
 * `baseRevision`, and a save from a stale base is refused with `synthesis.edit_conflict` and the
 * current text, so that no one's words are lost. The document is checked strictly
 * (`synthesis.invalid_document`) and may cite only the synthesis's own citations. Audited.
 */
export async function saveSynthesis(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; id: number },
  change: { document: unknown; baseRevision: number; title?: string },
): Promise<SavedSynthesis> {
  const { actor: who, cycle } = await openSyntheses(db, actor, target.cycle, 'synthesis.write');
  const document = checkSynthesis(change.document);
  return inTransaction(db, async (trx) => {
    const current = await requireSynthesis(trx, cycle.id, target.id, true);
    if (current.revision !== change.baseRevision) {
      const text = await syntheses.findRevision(trx, current.id);
      throw new PacteError('synthesis.edit_conflict', {
        synthesis: current.id,
        currentRevision: current.revision,
        baseRevision: change.baseRevision,
        document: text?.document ?? EMPTY_SYNTHESIS,
        title: current.title,
        author: text?.author ?? null,
      });
    }
    const own = new Set((await citations.listCitations(trx, current.id)).map((c) => c.id));
    const unknown = citedIds(document).find((id) => !own.has(id));
    if (unknown !== undefined) throw new PacteError('synthesis.unknown_citation', { citation: unknown });
    const title = change.title === undefined ? current.title : cleanTitle(change.title);
    const revision = current.revision + 1;
    await syntheses.saveRevision(trx, current.id, { revision, document, title, by: who.name });
    await recordAudit(trx, who, 'synthesis.edit', { cycle: cycle.id, details: { synthesis: current.id, revision } });
    return { synthesis: await requireSynthesis(trx, cycle.id, current.id), document };
  });
}
