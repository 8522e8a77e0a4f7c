import type { Kysely } from 'kysely';
import * as publications from '../db/queries/publications.js';
import type { Database } from '../db/schema.js';

/**
 * What the public portal lists: every published review's latest version, by region, cycle and
 * country. Public by nature (publishing is the act of making it so): no actor is needed.
 */
export async function listPublications(db: Kysely<Database>, cycle?: string): Promise<publications.PublishedReview[]> {
  return publications.listPublished(db, cycle);
}
