/**
 * Issue 15's story through the API, for browser tests that need its outcome without walking the
 * secretariat's pages again (test/e2e/questionnaires.test.ts walks them): the demo region's
 * secretariat copies `arab-2021`, adds a single-choice question with options in fr/en/ar, marks
 * the Arabic wording official, and creates and opens a cycle of the demo region that uses it.
 */
import { callApi, demoAccount, signInToken, type PacteServer } from './browser.js';

export const DEMO_SECRETARIAT = 'secretariat.demo@demo.pacte.local';

/** The three options of the choice question, stable ids with their labels. */
export const CHOICES = [
  { id: 'yes', label: { fr: 'Oui', en: 'Yes', ar: 'نعم' } },
  { id: 'partly', label: { fr: 'En partie', en: 'Partly', ar: 'جزئيًا' } },
  { id: 'no', label: { fr: 'Non', en: 'No', ar: 'لا' } },
] as const;

export const CHOICE_QUESTION_TEXT = {
  fr: 'Un plan national de mise en œuvre du Pacte a-t-il été adopté ?',
  en: 'Has a national plan to implement the Compact been adopted?',
  ar: 'هل اعتُمدت خطة وطنية لتنفيذ الاتفاق؟',
};

interface Multilingual {
  fr?: string;
  en?: string;
  ar?: string;
}
interface StoredQuestion {
  id: string;
  letter: string;
  text: Multilingual;
  kind?: string;
  choices?: { id: string; label: Multilingual }[] | null;
  unit?: Multilingual | null;
  guidance?: Multilingual | null;
}
export interface StoredQuestionnaire {
  id: string;
  version: number;
  title: Multilingual;
  wordingStatus?: Record<string, string>;
  sections: { id: string; title: Multilingual; guidance?: Multilingual | null; questions: StoredQuestion[] }[];
}

/** A stored version as the body of PUT /questionnaires/{id}/versions/{version} (the whole version). */
export const versionBody = (q: StoredQuestionnaire) => ({
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

export interface ChoiceCycle {
  cycle: string;
  questionnaire: { id: string; version: number };
  /** The choice question's id, e.g. `I.e`. */
  question: string;
  choices: typeof CHOICES;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Makes the story's outcome through the API as the demo secretariat: a new version of arab-2021
 * whose section I ends with the single-choice question (options yes/partly/no), Arabic wording
 * official, and the cycle `cycle` of region demo using it, open (opened yesterday, due in 30
 * days) for `countries`.
 */
export async function makeChoiceCycle(
  server: PacteServer,
  options: { cycle: string; countries: string[] },
): Promise<ChoiceCycle> {
  const account = demoAccount(server, DEMO_SECRETARIAT);
  const token = await signInToken(server, account.email, account.password);
  const copy = await callApi<StoredQuestionnaire>(server, token, 'POST', '/questionnaires/arab-2021/versions', {
    from: 1,
  });
  const body = versionBody(copy);
  const first = body.sections[0]!;
  const used = new Set(first.questions.map((q) => q.letter));
  const letter = [...'abcdefghijklmnopqrstuvwxyz'].find((l) => !used.has(l))!;
  first.questions.push({
    letter,
    text: CHOICE_QUESTION_TEXT,
    guidance: null,
    kind: 'single_choice',
    choices: CHOICES.map((c) => ({ id: c.id, label: { ...c.label } })),
    unit: null,
  });
  const path = `/questionnaires/arab-2021/versions/${copy.version}`;
  await callApi(server, token, 'PUT', path, body);
  await callApi(server, token, 'PUT', `${path}/wording/ar`, { status: 'official' });
  await callApi(server, token, 'POST', '/cycles', {
    id: options.cycle,
    region: 'demo',
    questionnaire: 'arab-2021',
    questionnaireVersion: copy.version,
    opensOn: day(-1),
    dueOn: day(30),
    countries: options.countries,
  });
  await callApi(server, token, 'POST', `/cycles/${options.cycle}/state`, { to: 'open' });
  return {
    cycle: options.cycle,
    questionnaire: { id: 'arab-2021', version: copy.version },
    question: `${first.id}.${letter}`,
    choices: CHOICES,
  };
}
