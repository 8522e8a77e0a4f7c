import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import type { Database } from '../db/schema.js';
import { CYCLE_ID, type Cycle } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';
import { isolate, LANGUAGES, type Multilingual } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { checkCountries, checkDates, checkLanguages, checkQuestionnaire, checkTitle } from './cycle-settings.js';
import { requireAllowed } from './require-allowed.js';
import { inTransaction } from './use-case.js';

export interface NewCycleRequest {
  id: string;
  region: string;
  /** Defaults to the region's name and the cycle's id, in each language the region is named in. */
  title?: Multilingual | undefined;
  questionnaire: string;
  /** Defaults to the questionnaire's newest version. */
  questionnaireVersion?: number | undefined;
  /** Defaults to fr, en and ar. */
  languages?: string[] | undefined;
  opensOn?: string | null | undefined;
  dueOn?: string | null | undefined;
  countries?: string[] | undefined;
}

/**
 * `POST /cycles`, `pacte cycle add`: a region's secretariat (or an admin) creates a cycle, planned:
 * the public sees it once it is opened. Every setting is checked before anything is written.
 */
export async function createCycle(db: Kysely<Database>, actor: Actor | null, request: NewCycleRequest): Promise<Cycle> {
  const region = request.region.trim();
  const who = requireAllowed(actor, 'cycle.manage', { region });
  const id = request.id.trim();
  if (!CYCLE_ID.test(id)) throw new PacteError('cycle.invalid_id', { cycle: id });
  const regionName = await cycles.regionName(db, region);
  if (!regionName) throw new PacteError('cycle.unknown_region', { region });
  const title = checkTitle(
    request.title ??
      Object.fromEntries(
        Object.entries(regionName).map(([l, name]) => [l, `${name} — ${l === 'ar' ? isolate(id) : id}`]),
      ),
  );
  const languages = checkLanguages(request.languages ?? [...LANGUAGES]);
  const opensOn = request.opensOn ?? null;
  const dueOn = request.dueOn ?? null;
  checkDates(opensOn, dueOn);
  const questionnaire = await checkQuestionnaire(db, request.questionnaire.trim(), request.questionnaireVersion);
  const countries = await checkCountries(db, request.countries ?? []);
  return inTransaction(db, async (trx) => {
    const created = await cycles.insertCycle(trx, {
      id,
      regionId: region,
      title,
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      opensOn,
      dueOn,
      languages,
      by: who.name,
    });
    if (!created) throw new PacteError('cycle.exists', { cycle: id });
    await cycles.setCycleCountries(trx, id, countries);
    await recordAudit(trx, who, 'cycle.create', {
      cycle: id,
      details: { region, questionnaire, languages, opensOn, dueOn, countries },
    });
    return (await cycles.findCycle(trx, id))!;
  });
}
