import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import type { Database } from '../db/schema.js';
import { actorOfSession } from './actor-of-session.js';
import { recordAudit } from './audit.js';
import { tokenDigest } from './tokens.js';
import { inTransaction } from './use-case.js';

/** Logout everywhere: ends every session of the user of this session; how many ended. */
export async function signOutEverywhere(db: Kysely<Database>, token: string): Promise<number> {
  return inTransaction(db, async (trx) => {
    const actor = await actorOfSession(trx, token);
    const { ended } = await accounts.deleteSessionsOfSameUser(trx, tokenDigest(token));
    if (actor) await recordAudit(trx, actor, 'session.sign_out_everywhere', { details: { sessions: ended } });
    return ended;
  });
}
