import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import type { Database } from '../db/schema.js';
import type { ValueNames } from '../domain/value-text.js';

/** The objectives' and principles' titles that typed values' lines show (documents load nothing). */
export async function valueNames(db: Kysely<Database>): Promise<ValueNames> {
  const [objectives, principles] = await Promise.all([catalogue.listObjectives(db), catalogue.listPrinciples(db)]);
  return {
    objectives: objectives.map((o) => ({ number: o.number, title: o.title })),
    principles: principles.map((p) => ({ key: p.key, letter: p.letter, title: p.title })),
  };
}
