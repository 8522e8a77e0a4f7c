/**
 * What a secretariat sends to save a questionnaire version, checked and normalised into the
 * version stored (docs/questionnaires.md « Versions »). Each mistake is refused with
 * `questionnaire.invalid` and its `reason`, before anything is written.
 */
import { PacteError } from './errors.js';
import { LANGUAGES, type Language, type Multilingual } from './language.js';
import {
  QUESTION_KINDS,
  type Choice,
  type Question,
  type QuestionKind,
  type Questionnaire,
  type QuestionnaireSection,
  type WordingStatus,
} from './questionnaire.js';

export interface QuestionInput {
  letter: string;
  text: Multilingual;
  guidance?: Multilingual | null | undefined;
  kind?: string | undefined;
  choices?: { id: string; label: Multilingual }[] | null | undefined;
  unit?: Multilingual | null | undefined;
}

export interface SectionInput {
  id: string;
  title: Multilingual;
  guidance?: Multilingual | null | undefined;
  questions: QuestionInput[];
}

export interface VersionInput {
  title: Multilingual;
  sections: SectionInput[];
}

/** Longest texts, in characters, per language. */
export const LIMITS = { title: 300, text: 4000, guidance: 4000, label: 300, unit: 60 } as const;

const SECTION_ID = /^[A-Za-z0-9-]{1,16}$/u;
const LETTER = /^[a-z0-9]{1,8}$/u;
const CHOICE_ID = /^[a-z0-9-]{1,40}$/u;
const CHOICE_KINDS: readonly QuestionKind[] = ['single_choice', 'multiple_choice'];

const invalid = (reason: string, details: Record<string, string> = {}) =>
  new PacteError('questionnaire.invalid', { reason, ...details });

/** Trimmed, inner spaces kept, empty languages dropped; `required`: at least one language. */
function wording(text: Multilingual | null | undefined, field: string, max: number, required: boolean) {
  const clean: Multilingual = {};
  for (const language of LANGUAGES) {
    const value = text?.[language];
    if (typeof value !== 'string') continue;
    const trimmed = value.trim();
    if ([...trimmed].length > max) throw invalid('too_long', { field });
    if (trimmed !== '') clean[language] = trimmed;
  }
  const empty = Object.keys(clean).length === 0;
  if (empty && required) throw invalid('empty_wording', { field });
  return empty ? null : clean;
}

function checkChoices(question: QuestionInput, id: string, kind: QuestionKind): Choice[] | null {
  const given = question.choices ?? [];
  if (!CHOICE_KINDS.includes(kind)) {
    if (given.length) throw invalid('choices_not_expected', { question: id });
    return null;
  }
  if (given.length < 2) throw invalid('choices_required', { question: id });
  const seen = new Set<string>();
  return given.map((choice) => {
    if (!CHOICE_ID.test(choice.id)) throw invalid('bad_id', { id: choice.id });
    if (seen.has(choice.id)) throw invalid('duplicate_choice', { question: id, choice: choice.id });
    seen.add(choice.id);
    return { id: choice.id, label: wording(choice.label, `${id} / ${choice.id}`, LIMITS.label, true)! };
  });
}

function checkQuestion(input: QuestionInput, section: string, status: Partial<Record<Language, WordingStatus>>) {
  if (!LETTER.test(input.letter)) throw invalid('bad_id', { id: input.letter });
  const id = `${section}.${input.letter}`;
  const kind = input.kind ?? 'text';
  if (!(QUESTION_KINDS as readonly string[]).includes(kind)) throw invalid('bad_kind', { kind });
  const typed = kind as QuestionKind;
  const unit = wording(input.unit, `${id} (unit)`, LIMITS.unit, false);
  if (unit && typed !== 'number') throw invalid('unit_not_expected', { question: id });
  const choices = checkChoices(input, id, typed);
  const guidance = wording(input.guidance, `${id} (guidance)`, LIMITS.guidance, false);
  const question: Question = {
    id,
    letter: input.letter,
    text: wording(input.text, id, LIMITS.text, true)!,
    textStatus: { ...status },
    // A free-text question reads as before issue 15 (no kind), like the shipped ones.
    ...(typed !== 'text' ? { kind: typed } : {}),
    ...(choices ? { choices } : {}),
    ...(unit ? { unit } : {}),
    ...(guidance ? { guidance } : {}),
  };
  return question;
}

/**
 * The version `id`/`version` as `input` describes it. Every section title and question takes the
 * version's wording status (a question added after a language was marked official is official
 * in it too: the secretariat wrote it).
 */
export function checkVersionInput(
  head: Pick<Questionnaire, 'id' | 'version' | 'sourceLanguage'> & Pick<Questionnaire, 'wordingStatus'>,
  input: VersionInput,
): Questionnaire {
  const status = head.wordingStatus ?? {};
  const title = wording(input.title, 'title', LIMITS.title, true)!;
  const sectionIds = new Set<string>();
  const sections = input.sections.map((s): QuestionnaireSection => {
    if (!SECTION_ID.test(s.id)) throw invalid('bad_id', { id: s.id });
    if (sectionIds.has(s.id)) throw invalid('duplicate_section', { section: s.id });
    sectionIds.add(s.id);
    const letters = new Set<string>();
    const guidance = wording(s.guidance, `${s.id} (guidance)`, LIMITS.guidance, false);
    return {
      id: s.id,
      title: wording(s.title, s.id, LIMITS.title, true)!,
      titleStatus: { ...status },
      ...(guidance ? { guidance } : {}),
      questions: s.questions.map((q) => {
        if (letters.has(q.letter)) throw invalid('duplicate_letter', { section: s.id, letter: q.letter });
        letters.add(q.letter);
        return checkQuestion(q, s.id, status);
      }),
    };
  });
  return { ...head, wordingStatus: status, title, sections };
}
