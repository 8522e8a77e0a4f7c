import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/services/use-case.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * A use case's transaction (src/services/use-case.ts) on each engine. Inside it, code must use
 * `trx`: on PGlite, one session, a query on the outer handle would wait for the transaction it
 * runs in, and the request would never answer; the embedded driver refuses it at once instead,
 * so the mistake shows as an error where it is made.
 */
let t: TestStorage;

beforeAll(async () => {
  t = await openTestStorage();
});

afterAll(async () => {
  await t?.cleanup();
});

const countries = (db: TestStorage['storage']['db']) =>
  db
    .selectFrom('country')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();

describe('a use case’s transaction', () => {
  it('reads and writes through trx, and a use case inside another joins it', async () => {
    const seen = await inTransaction(t.storage.db, async (trx) => {
      const outer = await countries(trx);
      const inner = await inTransaction(trx, async (joined) => {
        expect(joined).toBe(trx);
        return countries(joined);
      });
      return [outer.n, inner.n];
    });
    expect(Number(seen[0])).toBeGreaterThan(0);
    expect(seen[1]).toBe(seen[0]);
  });

  it('on the embedded database, refuses a query on the outer handle inside it instead of waiting for ever', async () => {
    const outerInside = inTransaction(t.storage.db, async () => countries(t.storage.db));
    if (ENGINE === 'pglite') {
      await expect(outerInside).rejects.toThrow(/outer database handle inside a transaction/);
    } else {
      // PostgreSQL runs it on another connection, outside the transaction: allowed, but not atomic.
      await expect(outerInside).resolves.toMatchObject({ n: expect.anything() });
    }
    // The refused query left the session free: the next request is answered.
    await expect(countries(t.storage.db)).resolves.toMatchObject({ n: expect.anything() });
  });

  it('lets work started inside it use the outer handle once it has ended (a timer, a later step)', async () => {
    let later!: Promise<{ n: string }>;
    await inTransaction(t.storage.db, async (trx) => {
      // Runs after the commit, in the context it was started from.
      later = new Promise((resolve, reject) => setTimeout(() => countries(t.storage.db).then(resolve, reject), 10));
      return countries(trx);
    });
    await expect(later).resolves.toMatchObject({ n: expect.anything() });
  });

  it('lets a query on the outer handle started by a request outside it wait its turn', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = inTransaction(t.storage.db, async (trx) => {
      await held;
      return countries(trx);
    });
    // Another request, not inside the transaction: it waits for the session, then runs.
    const other = countries(t.storage.db);
    release();
    const [inside, outside] = await Promise.all([transaction, other]);
    expect(outside.n).toBe(inside.n);
  });
});
