import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import type { Database } from '../db/schema.js';
import { actorOfSession } from './actor-of-session.js';
import { recordAudit } from './audit.js';
import { tokenDigest } from './tokens.js';
import { inTransaction } from './use-case.js';

/** Ends one session, with its audit event in the same transaction. An unknown token ends nothing. */
export async function signOut(db: Kysely<Database>, token: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const actor = await actorOfSession(trx, token);
    await accounts.deleteSession(trx, tokenDigest(token));
    if (actor) await recordAudit(trx, actor, 'session.sign_out');
  });
}
