import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** What waits between the redirect to the provider and its answer (services/oidc.ts). */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  nextPath: string;
}

/** Stores a login started now, keyed by the SHA-256 of the browser's key; expired ones go first. */
export async function insertLogin(db: Db, keyHash: string, login: PendingLogin, expiresAt: Date): Promise<void> {
  await db
    .deleteFrom('oidc_login')
    .where('expires_at', '<', sql<Date>`now()`)
    .execute();
  await db
    .insertInto('oidc_login')
    .values({
      key_hash: keyHash,
      state: login.state,
      nonce: login.nonce,
      code_verifier: login.codeVerifier,
      next_path: login.nextPath,
      expires_at: expiresAt.toISOString(),
    })
    .execute();
}

/**
 * Takes the login of this key out (a login works once, whatever happens next): what was stored,
 * and whether it is still live by the database's clock; undefined when there is none.
 */
export async function takeLogin(db: Db, keyHash: string): Promise<(PendingLogin & { live: boolean }) | undefined> {
  const row = await db
    .deleteFrom('oidc_login')
    .where('key_hash', '=', keyHash)
    .returning(['state', 'nonce', 'code_verifier', 'next_path', sql<boolean>`expires_at > now()`.as('live')])
    .executeTakeFirst();
  return (
    row && {
      state: row.state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      nextPath: row.next_path,
      live: row.live,
    }
  );
}
