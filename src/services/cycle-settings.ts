/**
 * What creating and editing a cycle share: who may manage it and the checks of its settings,
 * each refused with its own code before anything is written.
 */
import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import type { Database } from '../db/schema.js';
import type { Cycle } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';
import { LANGUAGES, isLanguage, type Language, type Multilingual } from '../domain/language.js';
import { can, type Actor } from '../domain/permissions.js';

/** Longest name of a cycle, per language. */
export const TITLE_MAX = 200;

/** Whether the actor manages the cycle's region (its secretariat, or an admin). */
export const managesCycle = (actor: Actor | null, cycle: Pick<Cycle, 'regionId'>) =>
  can(actor, 'cycle.manage', { region: cycle.regionId });

/** A planned cycle is the secretariat's draft: others are told it does not exist. */
export const seesCycle = (actor: Actor | null, cycle: Pick<Cycle, 'regionId' | 'state'>) =>
  cycle.state !== 'planned' || managesCycle(actor, cycle);

/** The cycle, if the actor may see it; `cycle.not_found` otherwise (the same for both). */
export async function visibleCycle(db: Kysely<Database>, actor: Actor | null, id: string, lock = false) {
  const cycle = await cycles.findCycle(db, id, lock);
  if (!cycle || !seesCycle(actor, cycle)) throw new PacteError('cycle.not_found', { cycle: id });
  return cycle;
}

/** The cycle, if the actor manages it: hidden (404) from who may not see it, refused (403) to who only sees it. */
export async function managedCycle(db: Kysely<Database>, actor: Actor | null, id: string, lock = false) {
  if (!actor) throw new PacteError('auth.required');
  const cycle = await visibleCycle(db, actor, id, lock);
  if (!managesCycle(actor, cycle))
    throw new PacteError('auth.forbidden', { action: 'cycle.manage', region: cycle.regionId });
  return cycle;
}

export function checkTitle(title: Multilingual): Multilingual {
  const clean: Multilingual = {};
  for (const [language, text] of Object.entries(title)) {
    if (!isLanguage(language) || typeof text !== 'string') continue;
    const trimmed = text.trim().replace(/\s+/gu, ' ');
    if ([...trimmed].length > TITLE_MAX) throw new PacteError('cycle.invalid_title', { max: TITLE_MAX });
    if (trimmed !== '') clean[language] = trimmed;
  }
  if (Object.keys(clean).length === 0) throw new PacteError('cycle.invalid_title', { max: TITLE_MAX });
  return clean;
}

export function checkLanguages(languages: readonly string[]): Language[] {
  const unique = [...new Set(languages.map((l) => l.trim()))];
  if (unique.length === 0 || !unique.every(isLanguage)) {
    throw new PacteError('cycle.invalid_languages', { languages: languages.join(',') });
  }
  // In the platform's order, whatever the order given.
  return LANGUAGES.filter((l) => unique.includes(l));
}

const isDay = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/u.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** Both days well written, the due date on or after the opening (migration 016 refuses the rest too). */
export function checkDates(opensOn: string | null, dueOn: string | null): void {
  const bad =
    (opensOn !== null && !isDay(opensOn)) ||
    (dueOn !== null && !isDay(dueOn)) ||
    (opensOn !== null && dueOn !== null && dueOn < opensOn);
  if (bad) throw new PacteError('cycle.invalid_dates', { opens: opensOn ?? '—', due: dueOn ?? '—' });
}

/** Upper-cased, without repeats, sorted; every code a country Pacte knows. */
export async function checkCountries(db: Kysely<Database>, codes: readonly string[]): Promise<string[]> {
  const clean = [...new Set(codes.map((c) => c.trim().toUpperCase()).filter((c) => c !== ''))].sort();
  const malformed = clean.filter((c) => !/^[A-Z]{3}$/u.test(c));
  const unknown = [
    ...malformed,
    ...(await cycles.unknownCountries(
      db,
      clean.filter((c) => !malformed.includes(c)),
    )),
  ];
  if (unknown.length > 0) throw new PacteError('cycle.unknown_country', { countries: unknown.sort().join(', ') });
  return clean;
}

/** The questionnaire version a cycle uses: the one named, else the newest. */
export async function checkQuestionnaire(
  db: Kysely<Database>,
  id: string,
  version?: number,
): Promise<{ id: string; version: number }> {
  const found = await cycles.questionnaireVersion(db, id, version);
  if (found === undefined) {
    throw new PacteError('cycle.unknown_questionnaire', { questionnaire: id, version: version ?? '—' });
  }
  return { id, version: found };
}
