import type { CitationRequestRow } from '../../db/queries/citation-requests.js';
import type { SubmittedAnswer } from '../../db/queries/citations.js';
import type { SynthesisRow } from '../../db/queries/syntheses.js';
import type { SynthesisDocument } from '../../domain/synthesis.js';
import type { CitationWithState } from '../../services/citation-state.js';
import type { CitationRead } from '../../services/get-citation.js';
import type { SynthesisRead } from '../../services/get-synthesis.js';
import type { PassageFound } from '../../services/search-passages.js';

/** The document as the API's schema types it: ProseMirror JSON, its nodes as plain objects. */
export const presentDocument = (document: SynthesisDocument) =>
  document as unknown as { type: 'doc'; content: Record<string, unknown>[] };

/** A synthesis as the API gives it (without its text). */
export function presentSynthesis(s: SynthesisRow) {
  return {
    id: s.id,
    cycle: s.cycle,
    language: s.language,
    title: s.title,
    translationOf: s.translationOf,
    state: s.state,
    revision: s.revision,
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdBy,
    updatedAt: s.updatedAt.toISOString(),
    updatedBy: s.updatedBy,
  };
}

export function presentCitation(c: CitationWithState) {
  return {
    id: c.id,
    synthesis: c.synthesisId,
    country: c.country,
    submissionNumber: c.submissionNumber,
    questionId: c.questionId,
    passage: c.passage,
    outdated: c.state.outdated,
    latestSubmission: c.state.latest,
    holds: c.state.holds,
    change: c.state.change,
    keptThrough: c.keptThrough,
    keptBy: c.keptBy,
    keptAt: c.keptAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    createdBy: c.createdBy,
    updatedAt: c.updatedAt.toISOString(),
    updatedBy: c.updatedBy,
  };
}

export function presentRequest(r: CitationRequestRow) {
  return {
    id: r.id,
    citation: r.citationId,
    synthesis: r.synthesisId,
    synthesisTitle: r.synthesisTitle,
    country: r.country,
    cycle: r.cycle,
    questionId: r.questionId,
    passage: r.passage,
    state: r.state,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    reason: r.reason,
  };
}

export function presentSynthesisRead(read: SynthesisRead) {
  return {
    synthesis: presentSynthesis(read.synthesis),
    document: presentDocument(read.document),
    savedBy: read.savedBy,
    savedAt: read.savedAt?.toISOString() ?? null,
    editions: read.editions.map(presentSynthesis),
    citations: read.citations.map((c) => ({
      ...presentCitation(c),
      request: c.request ? presentRequest(c.request) : null,
      quotable: c.quotable,
    })),
  };
}

const presentAnswer = (a: SubmittedAnswer | null) =>
  a && { number: a.number, submittedAt: a.submittedAt.toISOString(), language: a.language, blocks: a.blocks };

export function presentCitationRead(read: CitationRead) {
  return {
    citation: presentCitation(read.citation),
    countryName: read.countryName,
    answer: presentAnswer(read.answer),
    latest: presentAnswer(read.latest),
    history: read.history.map((h) => ({ ...h, replacedAt: h.replacedAt.toISOString() })),
    requests: read.requests.map(presentRequest),
  };
}

export function presentPassageFound(p: PassageFound) {
  return { ...p, submittedAt: p.submittedAt.toISOString() };
}
