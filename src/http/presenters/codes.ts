import type { CodeRow, CodedAnswerRow } from '../../db/queries/codes.js';
import type { DefaultCode } from '../../services/default-codes.js';
import type { CodedCountry } from '../../services/get-codes.js';

/** A code as the API gives it. */
export function presentCode(code: CodeRow) {
  return {
    cycle: code.cycle,
    questionId: code.questionId,
    kind: code.kind,
    names: code.names,
    values: code.values.map((v) => ({ key: v.key, labels: v.labels, cues: v.cues })),
    updatedAt: code.updatedAt.toISOString(),
    updatedBy: code.updatedBy,
  };
}

/** A default code the cycle could install: what it is, not its values one by one. */
export function presentDefaultCode(code: DefaultCode) {
  return { questionId: code.questionId, kind: code.kind, names: code.names, values: code.values.length };
}

/** `nameOf`: who, as people read it (services/author-names.ts): names, not addresses. */
export function presentCoding(coding: CodedAnswerRow, nameOf: (author: string) => string) {
  return {
    submissionNumber: coding.submissionNumber,
    values: coding.values,
    state: coding.state,
    evidence: coding.evidence,
    suggestedAt: coding.suggestedAt?.toISOString() ?? null,
    decidedBy: coding.decidedBy,
    decidedByName: coding.decidedBy === null ? null : nameOf(coding.decidedBy),
    decidedAt: coding.decidedAt?.toISOString() ?? null,
  };
}

export function presentCodedCountry(entry: CodedCountry, nameOf: (author: string) => string) {
  return {
    country: entry.country,
    countryName: entry.countryName,
    synthetic: entry.synthetic,
    answer: entry.answer,
    coding: entry.coding ? presentCoding(entry.coding, nameOf) : null,
  };
}
