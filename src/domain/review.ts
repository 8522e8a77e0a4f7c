import type { Block } from './blocks.js';
import type { Fact } from './facts.js';
import type { AnswerValue } from './answer-value.js';
import { pick, type Language } from './language.js';
import type { QuestionKind, Questionnaire } from './questionnaire.js';

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

/**
 * A question and its answer. `kind` and what goes with it (`choices` with labels in the review's
 * language, `unit`) appear only for a question that asks for a typed value, and `answer.value`
 * only there too: a review of free-text questions reads exactly as before (review JSON 1.x).
 */
export interface ReviewQuestion {
  id: string;
  text: string;
  kind?: Exclude<QuestionKind, 'text'>;
  choices?: { id: string; label: string }[];
  unit?: string;
  answer: { blocks: Block[]; value?: AnswerValue | null; revision?: number };
}

export interface ReviewHeader {
  country: string;
  cycle: string;
  language: Language;
  title: string;
}

export interface StoredAnswer {
  blocks: Block[];
  value?: AnswerValue | null;
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
  answers: ReadonlyMap<string, StoredAnswer | { blocks: Block[]; value?: AnswerValue | null }>,
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
        const kind = question.kind ?? 'text';
        const typed = kind !== 'text' ? { value: answer?.value ?? null } : {};
        return {
          id: question.id,
          text: pick(question.text, header.language),
          ...(kind !== 'text' ? { kind } : {}),
          ...(question.choices
            ? { choices: question.choices.map((c) => ({ id: c.id, label: pick(c.label, header.language) })) }
            : {}),
          ...(question.unit ? { unit: pick(question.unit, header.language) } : {}),
          answer: withRevisions
            ? { blocks, ...typed, revision: answer && 'revision' in answer ? answer.revision : 0 }
            : { blocks, ...typed },
        };
      }),
    })),
    facts: [],
  };
}
