import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import type { Database } from '../db/schema.js';
import type { Cycle } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';
import type { Multilingual } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import {
  checkCountries,
  checkDates,
  checkLanguages,
  checkQuestionnaire,
  checkTitle,
  managedCycle,
} from './cycle-settings.js';
import { inTransaction } from './use-case.js';

export interface CycleChange {
  title?: Multilingual | undefined;
  questionnaire?: string | undefined;
  questionnaireVersion?: number | undefined;
  languages?: string[] | undefined;
  opensOn?: string | null | undefined;
  dueOn?: string | null | undefined;
  countries?: string[] | undefined;
}

/**
 * `PATCH /cycles/{cycle}`: the region's secretariat changes what it gives; the rest stays. Under
 * the cycle's lock: its questionnaire changes only while no review exists in it (answers keep the
 * wording they were given), and a country with a review in it stays in it.
 */
export async function editCycle(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  change: CycleChange,
): Promise<Cycle> {
  const title = change.title === undefined ? undefined : checkTitle(change.title);
  const languages = change.languages === undefined ? undefined : checkLanguages(change.languages);
  const countries = change.countries === undefined ? undefined : await checkCountries(db, change.countries);
  return inTransaction(db, async (trx) => {
    const cycle = await managedCycle(trx, actor, id, true);
    const opensOn = change.opensOn === undefined ? cycle.opensOn : change.opensOn;
    const dueOn = change.dueOn === undefined ? cycle.dueOn : change.dueOn;
    checkDates(opensOn, dueOn);
    if (cycle.state !== 'planned' && (opensOn === null || dueOn === null)) {
      throw new PacteError('cycle.dates_required', { cycle: id });
    }
    let questionnaire: { id: string; version: number } | undefined;
    if (change.questionnaire !== undefined || change.questionnaireVersion !== undefined) {
      questionnaire = await checkQuestionnaire(
        trx,
        change.questionnaire ?? cycle.questionnaireId,
        change.questionnaireVersion,
      );
      const same = questionnaire.id === cycle.questionnaireId && questionnaire.version === cycle.questionnaireVersion;
      if (same) questionnaire = undefined;
      else if (await cycles.hasReviews(trx, id)) throw new PacteError('cycle.questionnaire_locked', { cycle: id });
    }
    if (countries !== undefined) {
      const leaving = cycle.countries.filter((c) => !countries.includes(c));
      const staying = await cycles.countriesWithReview(trx, id, leaving);
      if (staying.length > 0)
        throw new PacteError('cycle.country_has_review', { cycle: id, countries: staying.join(', ') });
    }
    await cycles.updateCycle(trx, id, actor!.name, {
      ...(title && { title }),
      ...(languages && { languages }),
      ...(questionnaire && { questionnaireId: questionnaire.id, questionnaireVersion: questionnaire.version }),
      ...(change.opensOn !== undefined && { opensOn }),
      ...(change.dueOn !== undefined && { dueOn }),
    });
    if (countries !== undefined) await cycles.setCycleCountries(trx, id, countries);
    const changed = Object.keys(change).filter((k) => change[k as keyof CycleChange] !== undefined);
    await recordAudit(trx, actor, 'cycle.edit', { cycle: id, details: { changed, countries } });
    return (await cycles.findCycle(trx, id))!;
  });
}
