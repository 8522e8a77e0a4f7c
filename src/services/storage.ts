import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** What the front doors hold of the database: a handle to pass to services, never to query. */
export type { Storage } from '../db/connection.js';
export type Db = Kysely<Database>;
