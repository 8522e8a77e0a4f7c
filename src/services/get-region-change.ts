import type { Kysely } from 'kysely';
import * as changes from '../db/queries/cycle-change.js';
import type { Database } from '../db/schema.js';
import {
  compareCycles,
  countChanges,
  type ChangeCounts,
  type ChangeMapping,
  type ComparedReview,
} from '../domain/cycle-change.js';
import type { Cycle } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';
import type { Multilingual } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { changeMapping } from './cycle-mapping.js';
import { managesCycle, visibleCycle } from './cycle-settings.js';
import { twoCycles } from './get-country-change.js';

/** A coded value a country changed: the same code question's confirmed values in both cycles. */
export interface CodedChange {
  question: string;
  earlier: string[];
  later: string[];
}

export interface CountryChangeRow {
  country: string;
  countryName: Multilingual;
  synthetic: boolean;
  from: { number: number; at: Date };
  to: { number: number; at: Date };
  counts: ChangeCounts;
  /** How many code questions had confirmed values for the country in both cycles (0: nothing to compare). */
  codesCompared: number;
  codes: CodedChange[];
}

export interface RegionChange {
  from: Cycle;
  to: Cycle;
  countries: CountryChangeRow[];
  /** Countries that submitted in one of the two cycles only: nothing to compare. */
  notCompared: { country: string; countryName: Multilingual; synthetic: boolean; submittedIn: string }[];
}

/**
 * `GET /cycles/{cycle}/changes?from=`: every country's change from the earlier cycle to this one,
 * for the region's secretariat (and administrators): the latest submission of each cycle
 * compared (src/domain/cycle-change.ts), counted, and which countries changed their coded values
 * (the values a person confirmed for the same code question in both cycles, the question matched
 * through the stored mapping of the two versions, by id by default). Anyone else signed in: `cycle.not_found`, as on the cycle's other
 * regional pages; signed out: `auth.required`.
 */
export async function getRegionChange(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; from: string },
): Promise<RegionChange> {
  if (!actor) throw new PacteError('auth.required');
  // Who does not manage the cycle learns nothing else about it, the other cycle's region included.
  if (!managesCycle(actor, await visibleCycle(db, actor, target.cycle))) {
    throw new PacteError('cycle.not_found', { cycle: target.cycle });
  }
  const [from, to] = await twoCycles(db, actor, target.from, target.cycle);
  const [earlier, later] = await Promise.all([
    changes.latestDocuments(db, from.id, 'submission'),
    changes.latestDocuments(db, to.id, 'submission'),
  ]);
  const mapping = await changeMapping(db, from, to);
  const coded = await codedChanges(db, from.id, to.id, mapping);
  const before = new Map(earlier.map((d) => [d.country, d]));
  const countries: CountryChangeRow[] = [];
  const notCompared: RegionChange['notCompared'] = [];
  for (const doc of later) {
    const old = before.get(doc.country);
    before.delete(doc.country);
    const who = { country: doc.country, countryName: doc.countryName, synthetic: doc.synthetic };
    if (!old) {
      notCompared.push({ ...who, submittedIn: to.id });
      continue;
    }
    const change = compareCycles(old.document as ComparedReview, doc.document as ComparedReview, mapping);
    countries.push({
      ...who,
      from: { number: old.number, at: old.at },
      to: { number: doc.number, at: doc.at },
      counts: countChanges(change),
      codesCompared: coded.compared.get(doc.country) ?? 0,
      codes: coded.changed.get(doc.country) ?? [],
    });
  }
  for (const old of before.values()) {
    notCompared.push({
      country: old.country,
      countryName: old.countryName,
      synthetic: old.synthetic,
      submittedIn: from.id,
    });
  }
  return { from, to, countries, notCompared };
}

/** Per country, the code questions whose confirmed values differ from one cycle to the other. */
async function codedChanges(db: Kysely<Database>, from: string, to: string, mapping: ChangeMapping) {
  const [earlier, later] = await Promise.all([changes.confirmedCodings(db, from), changes.confirmedCodings(db, to)]);
  const key = (question: string, country: string) => `${question}\u0000${country}`;
  // Keyed by the later question each earlier one maps to (a question with no successor: none).
  const before = new Map<string, string[]>();
  for (const c of earlier) {
    const to = Object.hasOwn(mapping, c.questionId) ? mapping[c.questionId]! : c.questionId;
    if (to !== null) before.set(key(to, c.country), c.values);
  }
  const out = new Map<string, CodedChange[]>();
  const compared = new Map<string, number>();
  for (const c of later) {
    const old = before.get(key(c.questionId, c.country));
    if (!old) continue;
    compared.set(c.country, (compared.get(c.country) ?? 0) + 1);
    const a = [...old].sort();
    const b = [...c.values].sort();
    if (a.join('\u0000') === b.join('\u0000')) continue;
    out.set(c.country, [...(out.get(c.country) ?? []), { question: c.questionId, earlier: a, later: b }]);
  }
  return { changed: out, compared };
}
