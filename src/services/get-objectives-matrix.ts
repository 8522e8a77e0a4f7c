import type { Kysely } from 'kysely';
import * as groups from '../db/queries/country-groups.js';
import * as figures from '../db/queries/figures.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { pick, type Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { readFigures } from './read-figures.js';

export interface ObjectivesMatrix {
  cycle: string;
  region: string;
  source: 'submission' | 'published';
  objectives: { number: number; title: string }[];
  countries: { code: string; name: string; synthetic: boolean; objectives: number[] }[];
  /** How many of the listed countries confirm each objective. */
  totals: { number: number; count: number }[];
}

/**
 * `GET /cycles/{cycle}/objectives-matrix`: which of the GCM's 23 objectives each country's answers
 * confirm (the focal points' decisions kept with the review), over all its answers, as who reads
 * may count them (src/services/read-figures.ts). Sorted by country name in the reader's
 * language; `group` keeps that group's members. Measures and indicators join later.
 */
export async function getObjectivesMatrix(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
  query: { group?: string | undefined },
  reader: Language,
): Promise<ObjectivesMatrix> {
  const {
    cycle,
    source,
    objectives,
    countries: rows,
  } = await readFigures(actor, cycleId, (source) => figures.matrixOf(db, cycleId, source));
  const members = query.group === undefined ? undefined : await groups.groupMembers(db, cycle.regionId, query.group);
  if (query.group !== undefined && !members) throw new PacteError('group.not_found', { group: query.group });
  const collator = new Intl.Collator(reader);
  const countries = rows
    .filter((r) => !members || members.includes(r.country))
    .map((r) => ({ code: r.country, name: pick(r.name, reader), synthetic: r.synthetic, objectives: r.objectives }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return {
    cycle: cycle.id,
    region: cycle.regionId,
    source,
    objectives: objectives.map((o) => ({ number: o.number, title: pick(o.title, reader) })),
    countries,
    totals: objectives.map((o) => ({
      number: o.number,
      count: countries.filter((c) => c.objectives.includes(o.number)).length,
    })),
  };
}
