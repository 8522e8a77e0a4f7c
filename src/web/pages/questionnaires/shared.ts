/**
 * What the questionnaire pages share (docs/questionnaires.md): their paths, the version as the
 * body the API takes back whole, its status in words, and which field an API error is about.
 */
import { put } from '../../lib/api.js';
import { useApi, useApiMutation } from '../../lib/query.js';
import type { Questionnaire, QuestionnaireBody, QuestionnaireVersion, QuestionnaireVersions } from '../../lib/types.js';

export const LIST_PATH = '/questionnaires';
export const versionPath = (id: string, version: number) => `/questionnaires/${id}/${version}`;
export const questionPath = (id: string, version: number, question: string) =>
  `${versionPath(id, version)}/questions/${encodeURIComponent(question)}`;
export const newQuestionPath = (id: string, version: number, section: string) =>
  `${versionPath(id, version)}/sections/${encodeURIComponent(section)}/new-question`;
export const sectionPath = (id: string, version: number, section: string) =>
  `${versionPath(id, version)}/sections/${encodeURIComponent(section)}`;
export const newSectionPath = (id: string, version: number) => `${versionPath(id, version)}/new-section`;
export const mappingPath = (id: string, version: number) => `${versionPath(id, version)}/mapping`;

/** The API's path of a version, and of its writes. */
export const apiVersion = (id: string, version: number) => `/questionnaires/${id}/versions/${version}`;

/** What a version is, in one word: shipped official, Pacte's example, a region's draft, or in use (frozen). */
export type VersionKind = 'official' | 'example' | 'draft' | 'frozen';
export const kindOfVersion = (v: Pick<QuestionnaireVersion, 'region' | 'example' | 'frozen'>): VersionKind =>
  v.example ? 'example' : v.region === null ? 'official' : v.frozen ? 'frozen' : 'draft';

/** A stored version as the body of PUT …/versions/{version}. */
export const bodyOf = (q: Questionnaire): QuestionnaireBody => ({
  title: q.title,
  sections: q.sections.map((s) => ({
    id: s.id,
    title: s.title,
    guidance: s.guidance ?? null,
    questions: s.questions.map((x) => ({
      letter: x.letter,
      text: x.text,
      guidance: x.guidance ?? null,
      kind: x.kind ?? 'text',
      choices: x.choices ?? null,
      unit: x.unit ?? null,
    })),
  })),
});

/** A version whole and its summary (status, cycles, what the reader may do). */
export function useVersion(id: string, version: number) {
  const stored = useApi<Questionnaire>(`/questionnaires/${encodeURIComponent(id)}?version=${version}`);
  const list = useApi<QuestionnaireVersions>(LIST_PATH);
  const summary = list.data?.versions.find((v) => v.id === id && v.version === version);
  return {
    questionnaire: stored.data,
    summary: list.data ? (summary ?? null) : undefined,
    error: stored.error ?? list.error,
  };
}

/** Saving a version whole: its pages and the list read it again after. */
export function useSaveVersion(id: string, version: number) {
  return useApiMutation(
    (body: QuestionnaireBody) => put<Questionnaire>(apiVersion(id, version), body),
    [LIST_PATH, `/questionnaires/${id}`],
  );
}

/** Moves `list[index]` by `step` (−1 up, +1 down), a new array. */
export function moved<T>(list: readonly T[], index: number, step: number): T[] {
  const to = index + step;
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}

/** The messages of each value shown in words, written out so that every key is found in the code. */
export const KIND_OF_VERSION_KEYS = {
  official: ['questionnaires.kind.official', 'questionnaires.kind_says.official'],
  example: ['questionnaires.kind.example', 'questionnaires.kind_says.example'],
  draft: ['questionnaires.kind.draft', 'questionnaires.kind_says.draft'],
  frozen: ['questionnaires.kind.frozen', 'questionnaires.kind_says.frozen'],
} as const;

export const QUESTION_KIND_KEYS = {
  text: 'questionnaires.kinds.text',
  single_choice: 'questionnaires.kinds.single_choice',
  multiple_choice: 'questionnaires.kinds.multiple_choice',
  number: 'questionnaires.kinds.number',
  objectives: 'questionnaires.kinds.objectives',
  principles: 'questionnaires.kinds.principles',
} as const;
export const questionKindKey = (kind: string | undefined) =>
  QUESTION_KIND_KEYS[(kind ?? 'text') as keyof typeof QUESTION_KIND_KEYS] ?? QUESTION_KIND_KEYS.text;

export const FOLLOWS_KEYS = {
  same: 'questionnaires.mapping.follows.same',
  moved: 'questionnaires.mapping.follows.moved',
  split: 'questionnaires.mapping.follows.split',
  merge: 'questionnaires.mapping.follows.merge',
  none: 'questionnaires.mapping.follows.none',
} as const;

/** Per language: [mark official, mark unofficial]. */
export const MARK_KEYS = {
  fr: ['questionnaires.wording.mark_official_fr', 'questionnaires.wording.mark_unofficial_fr'],
  en: ['questionnaires.wording.mark_official_en', 'questionnaires.wording.mark_unofficial_en'],
  ar: ['questionnaires.wording.mark_official_ar', 'questionnaires.wording.mark_unofficial_ar'],
} as const;

export const NAME_KEYS = {
  fr: 'questionnaires.wording.name_fr',
  en: 'questionnaires.wording.name_en',
  ar: 'questionnaires.wording.name_ar',
} as const;
