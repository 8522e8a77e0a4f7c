import type { Block } from './blocks.js';
import type { Fact } from './facts.js';
import { pick, type Language } from './language.js';
import type { Questionnaire } from './questionnaire.js';

/**
 * What made a revision of an answer (`answer_revision.origin`, checked by migration 016); the
 * history page names each. `copied`: carried over from the country's review of an earlier cycle.
 */
export const REVISION_ORIGINS = ['import', 'edit', 'merge', 'restore', 'copied'] as const;
export type RevisionOrigin = (typeof REVISION_ORIGINS)[number];

/**
 * The review JSON (docs/review-json.md): what `pacte import --dry-run --json` prints and what
 * `GET /api/v1/reviews/{country}/{cycle}` returns (the API adds `revision` to each answer).
 */
export interface ReviewDocument {
  country: string;
  cycle: string;
  language: Language;
  title: string;
  sections: ReviewSection[];
  /** The figures the answers quote (src/domain/facts.ts). */
  facts: Fact[];
}

export interface ReviewSection {
  id: string;
  title: string;
  questions: ReviewQuestion[];
}

export interface ReviewQuestion {
  id: string;
  text: string;
  answer: { blocks: Block[]; revision?: number };
}

export interface ReviewHeader {
  country: string;
  cycle: string;
  language: Language;
  title: string;
}

export interface StoredAnswer {
  blocks: Block[];
  revision: number;
}

/**
 * Lays answers out along the questionnaire, in the review's language: every question appears,
 * an unanswered one with no blocks. `withRevisions` adds each answer's revision (API view;
 * 0 = never answered); a dry-run import has none.
 */
export function buildReviewDocument(
  questionnaire: Questionnaire,
  header: ReviewHeader,
  answers: ReadonlyMap<string, StoredAnswer | { blocks: Block[] }>,
  withRevisions: boolean,
): ReviewDocument {
  return {
    ...header,
    sections: questionnaire.sections.map((section) => ({
      id: section.id,
      title: pick(section.title, header.language),
      questions: section.questions.map((question) => {
        const answer = answers.get(question.id);
        const blocks = answer?.blocks ?? [];
        return {
          id: question.id,
          text: pick(question.text, header.language),
          answer: withRevisions
            ? { blocks, revision: answer && 'revision' in answer ? answer.revision : 0 }
            : { blocks },
        };
      }),
    })),
    facts: [],
  };
}
