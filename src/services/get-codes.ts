import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as codes from '../db/queries/codes.js';
import type { Database } from '../db/schema.js';
import type { Block } from '../domain/blocks.js';
import type { Language, Multilingual } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { openCycle, requireCode } from './code-access.js';
import { defaultCodes, type DefaultCode } from './default-codes.js';

/**
 * `GET /cycles/{cycle}/codes`: the cycle's codes, for its secretariat, and the default codes that
 * installing them would add now (a question of the cycle's questionnaire that has one and no code
 * yet: what `POST …/codes/defaults` does), so that the page says what it will install before.
 */
export async function listCodes(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
): Promise<{ cycle: string; region: string; codes: codes.CodeRow[]; defaults: DefaultCode[] }> {
  const { cycle } = await openCycle(db, actor, cycleId, 'submission.read');
  const list = await codes.listCodes(db, cycle.id);
  const questionnaire = await catalogue.findQuestionnaire(db, cycle.questionnaireId);
  const questions = new Set(questionnaire?.sections.flatMap((s) => s.questions.map((q) => q.id)) ?? []);
  const defaults = defaultCodes().filter(
    (d) => questions.has(d.questionId) && !list.some((c) => c.questionId === d.questionId),
  );
  return { cycle: cycle.id, region: cycle.regionId, codes: list, defaults };
}

export interface CodedCountry {
  country: string;
  countryName: Multilingual;
  synthetic: boolean;
  /** The answer as submitted, so the evidence passages can be shown in it; null once returned. */
  answer: { number: number; language: Language; blocks: Block[] } | null;
  coding: codes.CodedAnswerRow | null;
}

/**
 * `GET /cycles/{cycle}/codes/{question}`: the code and, for each country whose submission stands
 * or whose answer was coded, its answer and its coding.
 */
export async function getCode(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; questionId: string },
): Promise<{ cycle: string; region: string; code: codes.CodeRow; countries: CodedCountry[] }> {
  const { cycle } = await openCycle(db, actor, target.cycle, 'submission.read');
  const code = await requireCode(db, cycle.id, target.questionId);
  const answers = await codes.submittedAnswers(db, cycle.id, target.questionId);
  const coded = await codes.listCodedAnswers(db, code.id);
  const countries = [...new Set([...answers.map((a) => a.country), ...coded.map((c) => c.country)])].sort();
  const names = await catalogue.countryNames(db, countries);
  return {
    cycle: cycle.id,
    region: cycle.regionId,
    code,
    countries: countries.map((country) => {
      const answer = answers.find((a) => a.country === country);
      return {
        country,
        countryName: names.get(country)?.name ?? {},
        synthetic: names.get(country)?.synthetic ?? false,
        answer: answer ? { number: answer.number, language: answer.language, blocks: answer.blocks } : null,
        coding: coded.find((c) => c.country === country) ?? null,
      };
    }),
  };
}
