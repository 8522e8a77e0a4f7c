import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/constraints.js';
import * as catalogue from '../db/queries/catalogue.js';
import * as countryGroups from '../db/queries/country-groups.js';
import * as demo from '../db/queries/demo-region.js';
import type { Database } from '../db/schema.js';
import { demoCodedAnswer, demoTruthOf, type DemoTruth } from '../domain/demo-coding.js';
import { PacteError } from '../domain/errors.js';
import type { Language, Multilingual } from '../domain/language.js';
import { operator } from '../domain/permissions.js';
import {
  MAX_SYNTHETIC_COUNTRIES,
  syntheticAnswer,
  syntheticCountry,
  syntheticRegionName,
} from '../domain/synthetic.js';
import { createCycle } from './create-cycle.js';
import { generateEarlierCycle } from './demo-earlier-cycle.js';
import { createReview } from './create-review.js';
import { writeDemoSynthesis } from './demo-synthesis.js';
import { writeDemoPractices } from './demo-practices.js';
import { moveAnswer } from './move-answer.js';
import { moveCycle } from './move-cycle.js';
import { moveReview } from './move-review.js';
import { returnSubmission } from './return-submission.js';
import { saveAnswer } from './save-answer.js';
import { installDefaultCodes } from './save-code.js';
import { setCountrySettingsFor } from './set-country-settings.js';
import { inTransaction } from './use-case.js';

/** The questionnaire whose structure the demo's reviews follow (the seed's, arab-2021). */
const QUESTIONNAIRE = 'arab-2021';
const REGION_ID = /^[a-z][a-z0-9-]{0,30}$/u;
/** Review languages, country by country in turn. */
const LANGUAGES: Language[] = ['fr', 'ar', 'en'];
/** ISO 3166-1 user-assigned alpha-2 codes, which a fictional country's alpha2 is taken from. */
const USER_ASSIGNED_ALPHA2 = [
  'AA',
  ...'MNOPQRSTUVWXYZ'.split('').map((l) => `Q${l}`),
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `X${l}`),
  'ZZ',
];

export interface DemoRegionRequest {
  id: string;
  countries: number;
  submitted: number;
  cycles: number;
  /** The day the demo is generated for (dates are relative to it); today by default. */
  today?: Date;
}

/** Where a generated country's review of the open cycle stands. */
export type DemoReviewState = 'submitted' | 'returned' | 'partial' | 'not_started';

export interface DemoRegion {
  region: { id: string; name: Multilingual; synthetic: true };
  cycles: { id: string; state: 'open' | 'closed'; opensOn: string; dueOn: string }[];
  countries: { code: string; name: Multilingual; language: Language; review: DemoReviewState }[];
}

/**
 * `pacte demo region`: a fictional region of fictional countries (docs/regional.md, « The demo
 * region »), their cycles, and reviews of the open cycle written through the services real use
 * goes through (create, save answers, moves, submissions, returns), so that records, audit and
 * search are real. Everything it writes is flagged synthetic. It never touches a real region, and
 * refuses a second run with the same id rather than guessing what the first one left.
 */
export async function generateDemoRegion(db: Kysely<Database>, request: DemoRegionRequest): Promise<DemoRegion> {
  const { id, countries: count, submitted, cycles: cycleCount } = request;
  if (
    !REGION_ID.test(id) ||
    !Number.isInteger(count) ||
    count < 1 ||
    count > MAX_SYNTHETIC_COUNTRIES ||
    !Number.isInteger(submitted) ||
    submitted < 0 ||
    submitted > count ||
    (cycleCount !== 1 && cycleCount !== 2)
  ) {
    throw new PacteError('demo.invalid_request', { max: MAX_SYNTHETIC_COUNTRIES });
  }
  const actor = operator('demo');
  const existing = await demo.findRegionFlag(db, id);
  if (existing) throw new PacteError(existing.synthetic ? 'demo.exists' : 'demo.real_region', { region: id });

  const countries = await chooseCountries(db, count);
  try {
    await inTransaction(db, async (trx) => {
      await demo.insertSyntheticRegion(trx, { id, name: syntheticRegionName(id) }, countries);
      await countryGroups.seedGroups(trx, id, demoGroups(countries.map((c) => c.code)), actor.name);
    });
  } catch (error) {
    // Two runs at once with the same id: the second one finds the first one's region.
    if (isUniqueViolation(error)) throw new PacteError('demo.exists', { region: id });
    throw error;
  }
  const codes = countries.map((c) => c.code);
  const today = request.today ?? new Date();
  const cycles: DemoRegion['cycles'] = [];
  for (let n = 1; n <= cycleCount; n += 1) {
    const open = n === cycleCount;
    // The open cycle is past its due date, so that the countries that have not submitted are late.
    const opensOn = day(today, open ? -90 : -(365 * (cycleCount - n + 1) + 90));
    const dueOn = day(today, open ? -7 : -(365 * (cycleCount - n + 1)));
    const cycle = await createCycle(db, actor, {
      id: `${id}-${n}`,
      region: id,
      questionnaire: QUESTIONNAIRE,
      opensOn,
      dueOn,
      countries: codes,
    });
    await moveCycle(db, actor, cycle.id, { to: 'open' });
    if (!open) await moveCycle(db, actor, cycle.id, { to: 'closed', late: 'accept' });
    cycles.push({ id: cycle.id, state: open ? 'open' : 'closed', opensOn, dueOn });
  }
  const openCycle = cycles[cycles.length - 1]!.id;
  // Pacte's default codes on the open cycle, so that its secretariat can code answers straight away.
  await installDefaultCodes(db, actor, openCycle);
  const questionnaire = await openQuestionnaire(db);
  const generated: DemoRegion['countries'] = [];
  for (const [index, country] of countries.entries()) {
    const language = LANGUAGES[index % LANGUAGES.length]!;
    const review = planOf(index, submitted);
    generated.push({ code: country.code, name: country.name, language, review });
    if (review === 'not_started') continue;
    const target = { country: country.code, cycle: openCycle };
    await createReview(db, actor, { ...target, language });
    // One actor writes and approves the demo's answers: rather than pretend to be a second person,
    // the demo records (and audits, as country.settings) the waiver of the separation of duties
    // for its fictional countries, as an administrator would for a one-person team.
    if (review !== 'partial') await setCountrySettingsFor(db, actor, country.code, { selfApproval: true });
    const questions =
      review === 'partial' ? questionnaire.slice(0, Math.ceil(questionnaire.length / 2)) : questionnaire;
    for (const [q, questionId] of questions.entries()) {
      const text = syntheticAnswer(language, country.name[language]!, questionId, index + q);
      // I.a, II.a and V.a express values of their default codes, known from the plan (demoTruth).
      const blocks = demoCodedAnswer(index, language, country.name[language]!, questionId) ?? [
        { type: 'paragraph' as const, text },
      ];
      await saveAnswer(db, actor, { ...target, questionId }, { blocks, baseRevision: 0 });
      // A review is validated only with every answer approved; a partial one stays in drafting.
      if (review !== 'partial') {
        await moveAnswer(db, actor, { ...target, questionId }, { to: 'in_review' });
        await moveAnswer(db, actor, { ...target, questionId }, { to: 'approved' });
      }
    }
    if (review === 'partial') continue;
    await moveReview(db, actor, target, { to: 'validated' });
    const moved = await moveReview(db, actor, target, {
      to: 'submitted',
      note: syntheticAnswer(language, country.name[language]!, '—', 0),
    });
    if (review === 'returned') {
      await returnSubmission(
        db,
        actor,
        { ...target, number: moved.submission ?? 1 },
        {
          reason: syntheticAnswer(language, country.name[language]!, '—', 1),
        },
      );
    }
  }
  await generateEarlierCycle(db, actor, cycles, generated, questionnaire); // issue 14: a cycle to compare with
  await writeDemoPractices(db, actor, { cycle: openCycle, countries: generated }); // demo-practices.ts
  await writeDemoSynthesis(db, actor, openCycle); // issue 14: a draft synthesis, fr and ar (demo-synthesis.ts)
  return { region: { id, name: syntheticRegionName(id), synthetic: true }, cycles, countries: generated };
}

/**
 * The demo region's country groups, fictional like its countries (the names say so): the first
 * third of the countries by code, the second third, and every third country. The side-by-side
 * view's group filter has something to filter by.
 */
function demoGroups(codes: string[]): { id: string; names: Multilingual; countries: string[] }[] {
  const third = Math.ceil(codes.length / 3);
  return [
    {
      id: 'north',
      names: { fr: 'Groupe du Nord (fictif)', en: 'Northern group (fictional)', ar: 'المجموعة الشمالية (وهمية)' },
      countries: codes.slice(0, third),
    },
    {
      id: 'south',
      names: { fr: 'Groupe du Sud (fictif)', en: 'Southern group (fictional)', ar: 'المجموعة الجنوبية (وهمية)' },
      countries: codes.slice(third, 2 * third),
    },
    {
      id: 'islands',
      names: { fr: 'États insulaires (fictifs)', en: 'Island states (fictional)', ar: 'الدول الجزرية (وهمية)' },
      countries: codes.filter((_, i) => i % 3 === 0),
    },
  ];
}

/**
 * The values the demo country's answers to I.a, II.a and V.a truly express (its plan, recomputed
 * from its place in the region: nothing is stored where users read), or null for a country not
 * in the region. The truth bench/code-suggestions.ts measures suggestions against.
 */
export function demoTruth(region: DemoRegion, country: string): DemoTruth | null {
  const index = region.countries.findIndex((c) => c.code === country);
  return index < 0 ? null : demoTruthOf(index);
}

/**
 * The first `submitted` countries submitted their review; of the others, in turn, one was
 * returned to it (a draft again, with its returned submission), one is a partial draft, one has
 * not started. The open cycle's due date is past: all but the submitted ones are late.
 */
export function planOf(index: number, submitted: number): DemoReviewState {
  if (index < submitted) return 'submitted';
  return (['returned', 'partial', 'not_started'] as const)[(index - submitted) % 3]!;
}

/** Fictional countries in the first block X?A–X?Z none of whose codes is taken, with free alpha-2 codes. */
async function chooseCountries(db: Kysely<Database>, count: number) {
  const taken = await demo.takenCodes(db);
  const codes = new Set(taken.codes);
  const alpha2 = USER_ASSIGNED_ALPHA2.filter((a) => !taken.alpha2.includes(a));
  const block = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    .split('')
    .find((b) => Array.from({ length: count }, (_, i) => syntheticCountry(b, i).code).every((c) => !codes.has(c)));
  if (block === undefined || alpha2.length < count) throw new PacteError('demo.no_free_codes', { count });
  return Array.from({ length: count }, (_, i) => ({ ...syntheticCountry(block, i), alpha2: alpha2[i]! }));
}

async function openQuestionnaire(db: Kysely<Database>): Promise<string[]> {
  const questionnaire = await catalogue.findQuestionnaire(db, QUESTIONNAIRE);
  if (!questionnaire) throw new PacteError('questionnaire.not_found', { questionnaire: QUESTIONNAIRE });
  return questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id));
}

/** `today` moved by `days`, as YYYY-MM-DD. */
const day = (today: Date, days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
