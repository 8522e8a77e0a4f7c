import type { Kysely } from 'kysely';
import * as codes from '../db/queries/codes.js';
import type { Database } from '../db/schema.js';
import type { Block } from '../domain/blocks.js';
import type { Language, Multilingual } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { openCycle, requireCode } from './code-access.js';

/** `GET /cycles/{cycle}/codes`: the cycle's codes, for its secretariat. */
export async function listCodes(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
): Promise<{ cycle: string; region: string; codes: codes.CodeRow[] }> {
  const { cycle } = await openCycle(db, actor, cycleId, 'submission.read');
  return { cycle: cycle.id, region: cycle.regionId, codes: await codes.listCodes(db, cycle.id) };
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
  const names = await codes.countryNames(db, countries);
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
