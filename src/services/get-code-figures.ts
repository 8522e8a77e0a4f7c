import type { Kysely } from 'kysely';
import * as figures from '../db/queries/figures.js';
import type { Database } from '../db/schema.js';
import type { CodeKind } from '../domain/code-suggestions.js';
import { PacteError } from '../domain/errors.js';
import { pick, type Language, type Multilingual } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { readFigures } from './read-figures.js';

export interface FigureCountry {
  code: string;
  name: string;
  synthetic: boolean;
}

export interface CodeFigures {
  cycle: string;
  region: string;
  questionId: string;
  /** Whose answers are counted: the submissions (the region's secretariat) or the published versions. */
  source: 'submission' | 'published';
  /** The code's confirmed codings, or (a choice, objectives or principles question without a code) the answers' values. */
  countedFrom: 'codings' | 'values';
  code: { kind: CodeKind; name: string; names: Multilingual };
  group: { id: string; name: string } | null;
  /** The cycle's countries (or those of the group): the N of « n of N ». */
  totalCountries: number;
  /** Of them, those with a confirmed coding counted here. */
  codedCountries: number;
  values: { key: string; label: string; count: number; countries: FigureCountry[] }[];
  /** The same counts group by group (all the region's groups), for a table or small multiples. */
  groups: { id: string; name: string; values: { key: string; count: number }[] }[];
}

/**
 * `GET /cycles/{cycle}/codes/{questionId}/figures`: how many countries' answers were coded with
 * each value of the question's code — CONFIRMED codings only (a correction is a confirmation; a
 * rejected or merely suggested answer is not counted). A `multiple` code counts a country once per
 * value it has. Who counts what (src/services/read-figures.ts): the region's secretariat the codings
 * of each country's latest submission not returned; anyone else published answers only — a
 * country whose latest published version's answer is the coded one; any other country is left out.
 * A planned cycle is `cycle.not_found` except to its secretariat; no code, `code.not_found`.
 */
export async function getCodeFigures(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; questionId: string },
  query: { group?: string | undefined },
  reader: Language,
): Promise<CodeFigures> {
  const found = await readFigures(actor, target.cycle, (source) =>
    figures.codeFiguresOf(db, target.cycle, target.questionId, source),
  );
  const { cycle, source, code, groups: regionGroups, codings, countedFrom } = found;
  if (!code) throw new PacteError('code.not_found', { cycle: cycle.id, question: target.questionId });
  const group = query.group === undefined ? undefined : regionGroups.find((g) => g.id === query.group);
  if (query.group !== undefined && !group) throw new PacteError('group.not_found', { group: query.group });
  // The cycle's countries (its region's that take part), or those of them in the group.
  const members = new Set(group ? group.countries.filter((c) => cycle.countries.includes(c)) : cycle.countries);

  const inScope = codings.filter((c) => members.has(c.country));
  const collator = new Intl.Collator(reader);
  const country = (c: figures.CountedCoding): FigureCountry => ({
    code: c.country,
    name: pick(c.name, reader),
    synthetic: c.synthetic,
  });
  const counted = (rows: figures.CountedCoding[], key: string) => rows.filter((c) => c.values.includes(key));

  return {
    cycle: cycle.id,
    region: cycle.regionId,
    questionId: code.questionId,
    source,
    countedFrom,
    code: { kind: code.kind, name: pick(code.names, reader), names: code.names },
    group: group ? { id: group.id, name: pick(group.names, reader) } : null,
    totalCountries: members.size,
    codedCountries: inScope.length,
    values: code.values.map((value) => {
      const countries = counted(inScope, value.key)
        .map(country)
        .sort((a, b) => collator.compare(a.name, b.name));
      return { key: value.key, label: pick(value.labels, reader), count: countries.length, countries };
    }),
    groups: regionGroups.map((g) => {
      const ofGroup = codings.filter((c) => g.countries.includes(c.country));
      return {
        id: g.id,
        name: pick(g.names, reader),
        values: code.values.map((v) => ({ key: v.key, count: counted(ofGroup, v.key).length })),
      };
    }),
  };
}
