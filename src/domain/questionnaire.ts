import type { Language, Multilingual } from './language.js';

/**
 * A questionnaire (template) is data: a secretariat defines it, and it is versioned so that
 * answers always refer to the wording they were given. Wording carries its status per language:
 * `official` is the text the secretariat sent out; `unofficial` is Pacte's own translation.
 */
export type WordingStatus = 'official' | 'unofficial';

export interface Questionnaire {
  id: string;
  version: number;
  title: Multilingual;
  /** The language of the official wording (arab-2021: French). */
  sourceLanguage: Language;
  sections: QuestionnaireSection[];
}

export interface QuestionnaireSection {
  /** Roman numeral: I, II, III … */
  id: string;
  title: Multilingual;
  titleStatus: Partial<Record<Language, WordingStatus>>;
  questions: Question[];
}

export interface Question {
  /** `<section roman>.<letter>`, e.g. `I.a`. */
  id: string;
  letter: string;
  text: Multilingual;
  textStatus: Partial<Record<Language, WordingStatus>>;
}
