import type { Language, Multilingual } from './language.js';

/**
 * A questionnaire (template) is data: a secretariat defines it, and it is versioned so that
 * answers always refer to the wording they were given. Wording carries its status per language:
 * `official` is the text the secretariat sent out; `unofficial` is Pacte's own translation.
 * docs/questionnaires.md says how versions are copied, edited, frozen and mapped.
 */
export type WordingStatus = 'official' | 'unofficial';

/**
 * What a question asks for: free text only, or a typed value beside the free text
 * (src/domain/answer-value.ts gives each kind's value).
 */
export const QUESTION_KINDS = [
  'text',
  'single_choice',
  'multiple_choice',
  'number',
  'objectives',
  'principles',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** One of a choice question's options: `id` is stable across languages and versions (a value names it). */
export interface Choice {
  id: string;
  label: Multilingual;
}

export interface Questionnaire {
  id: string;
  version: number;
  title: Multilingual;
  /** The language of the official wording (arab-2021: French). */
  sourceLanguage: Language;
  sections: QuestionnaireSection[];
  /** Each language's wording, official or Pacte's translation (the whole version). */
  wordingStatus?: Partial<Record<Language, WordingStatus>>;
  /** The region whose secretariat edits it; absent for the versions shipped in catalogue/. */
  region?: string | null;
  /** The version of the same questionnaire it was copied from. */
  basedOn?: number | null;
  /** Pacte's own example, not a questionnaire a secretariat sent out. */
  example?: boolean;
}

export interface QuestionnaireSection {
  /** Roman numeral: I, II, III … */
  id: string;
  title: Multilingual;
  titleStatus: Partial<Record<Language, WordingStatus>>;
  guidance?: Multilingual | null;
  questions: Question[];
}

export interface Question {
  /** `<section roman>.<letter>`, e.g. `I.a`. */
  id: string;
  letter: string;
  text: Multilingual;
  textStatus: Partial<Record<Language, WordingStatus>>;
  /** Absent: 'text' (free text only), as in every version before issue 15. */
  kind?: QuestionKind;
  /** The options of a single_choice or multiple_choice question, in order. */
  choices?: Choice[] | null;
  /** The unit of a number question (« personnes », « USD »). */
  unit?: Multilingual | null;
  /** A guidance note for whoever answers: what the secretariat expects. */
  guidance?: Multilingual | null;
}

export const kindOf = (question: Pick<Question, 'kind'>): QuestionKind => question.kind ?? 'text';

/** Every question of the questionnaire, in order. */
export const questionsOf = (questionnaire: Questionnaire): Question[] =>
  questionnaire.sections.flatMap((s) => s.questions);
