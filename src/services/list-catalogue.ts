import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import type { Database } from '../db/schema.js';

/** The reference lists people pick from: GCM objectives, guiding principles, countries. */
export const listObjectives = (db: Kysely<Database>) => catalogue.listObjectives(db);
export const listPrinciples = (db: Kysely<Database>) => catalogue.listPrinciples(db);
export const listCountries = (db: Kysely<Database>) => catalogue.listCountries(db);
