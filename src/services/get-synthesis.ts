import type { Kysely } from 'kysely';
import * as requests from '../db/queries/citation-requests.js';
import * as citations from '../db/queries/citations.js';
import * as syntheses from '../db/queries/syntheses.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { EMPTY_SYNTHESIS, type SynthesisDocument } from '../domain/synthesis.js';
import { withStates, type CitationWithState } from './citation-state.js';
import { publicCitations } from './public-citations.js';
import { openSyntheses, requireSynthesis } from './synthesis-access.js';

/** `GET /cycles/{cycle}/syntheses`: the cycle's syntheses, for its secretariat and translators. */
export async function listSyntheses(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
): Promise<{ cycle: string; region: string; syntheses: syntheses.SynthesisRow[] }> {
  const { cycle } = await openSyntheses(db, actor, cycleId, 'synthesis.read');
  return { cycle: cycle.id, region: cycle.regionId, syntheses: await syntheses.listSyntheses(db, cycle.id) };
}

export interface CitationOfSynthesis extends CitationWithState {
  /** The latest request to the country's focal points about this citation, if any. */
  request: requests.CitationRequestRow | null;
  /** Why the public may read it (public-citations.ts), or null: withheld from the public. */
  quotable: 'published' | 'approved' | null;
}

export interface SynthesisRead {
  synthesis: syntheses.SynthesisRow;
  document: SynthesisDocument;
  /** Who saved the current revision and when; null before the first save. */
  savedBy: string | null;
  savedAt: Date | null;
  /** The other editions: syntheses of the cycle linked to this one as translations, either way. */
  editions: syntheses.SynthesisRow[];
  citations: CitationOfSynthesis[];
}

/** `GET /cycles/{cycle}/syntheses/{id}`: the current revision with its citations, each flagged or not. */
export async function getSynthesis(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; id: number },
): Promise<SynthesisRead> {
  const { cycle } = await openSyntheses(db, actor, target.cycle, 'synthesis.read');
  const synthesis = await requireSynthesis(db, cycle.id, target.id);
  const current = await syntheses.findRevision(db, synthesis.id);
  const all = await syntheses.listSyntheses(db, cycle.id);
  const editions = all.filter(
    (s) => s.id !== synthesis.id && (s.translationOf === synthesis.id || s.id === synthesis.translationOf),
  );
  const asked = await requests.listForSynthesis(db, synthesis.id);
  const latestRequest = new Map(asked.map((r) => [r.citationId, r])); // oldest first: the newest stays
  const rows = await withStates(db, cycle.id, await citations.listCitations(db, synthesis.id));
  const quotable = new Map(
    (await publicCitations(db, { cycle: cycle.id, id: synthesis.id })).map((c) => [c.id, c.withheld ? null : c.basis]),
  );
  return {
    synthesis,
    document: current?.document ?? EMPTY_SYNTHESIS,
    savedBy: current?.author ?? null,
    savedAt: current?.createdAt ?? null,
    editions,
    citations: rows.map((c) => ({
      ...c,
      request: latestRequest.get(c.id) ?? null,
      quotable: quotable.get(c.id) ?? null,
    })),
  };
}

/** `GET /cycles/{cycle}/syntheses/{id}/revisions`: every save, newest first (who and when). */
export async function listSynthesisRevisions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; id: number },
) {
  const { cycle } = await openSyntheses(db, actor, target.cycle, 'synthesis.read');
  const synthesis = await requireSynthesis(db, cycle.id, target.id);
  return { synthesis, revisions: await syntheses.listRevisions(db, synthesis.id) };
}
