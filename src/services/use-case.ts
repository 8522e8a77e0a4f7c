import type { Kysely } from 'kysely';
import { holdingConnection } from '../db/pglite-dialect.js';
import type { Database } from '../db/schema.js';

/**
 * One transaction per use case (docs/architecture.md, Decisions). Every write service runs its
 * reads-that-decide and its writes — the change, its audit event, its notifications — in the
 * function given here, so they commit together or not at all, and a decision taken on a locked
 * row still holds when the write commits (docs/database.md, Transactions and locks).
 *
 * Called with a transaction (a use case inside another one: publishing moves the review, a
 * merge writes an answer), `work` joins it: there is one transaction per request, as in
 * getodk/central-backend, where each write request runs in one.
 *
 * Inside `work`, use `trx` only, never the handle the caller had: PGlite is one session, which
 * the transaction holds until it ends, so a query on the outer handle would wait for it for
 * ever; on PostgreSQL it would run on another connection, outside the transaction and its locks.
 */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx) => holdingConnection(trx, () => work(trx)));
}
