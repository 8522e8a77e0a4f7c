/** Contributions, inputs and their evidence files as the API answers them. */
import { EVIDENCE_TYPES } from '../../domain/contributions.js';
import type { ContributionView } from '../../services/contribution-access.js';
import { presentEntityRef } from './entities.js';
import { known } from './known.js';

/** The review a contribution belongs to, as its address names it. */
export interface ReviewOf {
  country: string;
  cycle: string;
}

/** Where an evidence file is downloaded from (GET …/contributions/{entityId}/evidence/{evidenceId}). */
export function evidencePath(review: ReviewOf, questionId: string, entityId: number, evidenceId: number): string {
  const question = encodeURIComponent(questionId);
  return `/api/v1/reviews/${review.country.toUpperCase()}/${review.cycle}/answers/${question}/contributions/${entityId}/evidence/${evidenceId}`;
}

export const presentEvidence = (
  review: ReviewOf,
  questionId: string,
  entityId: number,
  file: { id: number; fileName: string; mediaType: string; size: number },
) => ({
  id: file.id,
  fileName: file.fileName,
  mediaType: known(EVIDENCE_TYPES, file.mediaType),
  size: file.size,
  url: evidencePath(review, questionId, entityId, file.id),
});

export const presentContribution = (review: ReviewOf, view: ContributionView, nameOf: (author: string) => string) => ({
  id: view.id,
  questionId: view.questionId,
  entity: presentEntityRef(view.entity),
  kind: view.kind,
  status: view.status,
  revision: view.revision,
  blocks: view.blocks,
  ...(view.value ? { value: view.value } : {}),
  response: view.response,
  evidence: view.evidence.map((file) => presentEvidence(review, view.questionId, view.entity.id, file)),
  updatedAt: view.updatedAt.toISOString(),
  updatedBy: view.updatedBy,
  updatedByName: nameOf(view.updatedBy),
  merged: view.merged && { at: view.merged.at.toISOString(), by: view.merged.by, byName: nameOf(view.merged.by) },
});
