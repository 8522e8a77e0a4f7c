import type { AnswerValue } from './answer-value.js';
import type { Block } from './blocks.js';
import type { Cycle } from './cycles.js';
import type { Language, Multilingual } from './language.js';
import type { QuestionKind } from './questionnaire.js';

/* One question's answers side by side (services/compare-answers.ts): what the view, its CSV and its DOCX show. */

/** What the `state` filter names: the tracking's words for where a country's text stands. */
export const COMPARED_STATES = ['submitted', 'acknowledged', 'returned', 'published'] as const;
export type ComparedState = (typeof COMPARED_STATES)[number];

export interface ComparedAnswer {
  country: string;
  countryName: Multilingual;
  synthetic: boolean;
  /** A submission (the secretariat's and the country team's reading) or a published version. */
  source: { kind: 'submission' | 'published'; number: number; at: Date };
  state: ComparedState;
  language: Language;
  direction: 'ltr' | 'rtl';
  blocks: Block[];
  /** The answer's typed value (docs/questionnaires.md), null for free text or none given. */
  value: AnswerValue | null;
  /** GCM objectives the country's team confirmed for this answer, in number order. */
  objectives: number[];
  /**
   * The answer's current translation into the reader's language, when the reader reads the
   * submission (translations go with submissions) and one was asked for; else null.
   */
  translation: BesideTranslation | null;
}

/** A translation shown beside an answer: the same fields as a submission's list of translations gives. */
export interface BesideTranslation {
  /** The submission translated: the one shown, or an earlier one (then maybe outdated). */
  submission: number;
  questionId: string;
  language: Language;
  revision: number;
  blocks: Block[];
  translator: string;
  machine: boolean;
  machineNote: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The submission shown answers the question differently from the one translated. */
  outdated: boolean;
  /** The submission shown (the country's latest). */
  latest: number;
}

export interface Comparison {
  cycle: Cycle;
  question: { id: string; section: string; text: string; kind: QuestionKind; unit: string | null };
  /**
   * A choice, objectives or principles question's options, each with how many of the answers
   * listed picked it (counted without coding); null for free text and numbers.
   */
  options: { key: string; label: string; count: number }[] | null;
  /** Every question of the cycle's questionnaire, by section, worded in the reader's language (the picker). */
  sections: { id: string; title: string; questions: { id: string; text: string }[] }[];
  answers: ComparedAnswer[];
}
