import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/domain/blocks.js';
import { isPacteError } from '../../src/domain/errors.js';
import { operator } from '../../src/domain/permissions.js';
import type { ReviewDocument } from '../../src/domain/review.js';
import { createReview } from '../../src/services/create-review.js';
import { getReview } from '../../src/services/get-review.js';
import { listReviewAudit } from '../../src/services/list-audit.js';
import { moveReview } from '../../src/services/move-review.js';
import { publishReview } from '../../src/services/publish-review.js';
import { saveAnswer } from '../../src/services/save-answer.js';
import { actorOfSession } from '../../src/services/actor-of-session.js';
import { signIn } from '../../src/services/sign-in.js';
import { signOut } from '../../src/services/sign-out.js';
import { createUser, tokenHash } from '../support/accounts.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Writes decide under a lock, in one transaction with what they write (docs/database.md,
 * Transactions and locks). On PostgreSQL the requests below really run at once, on a pool of
 * connections; on PGlite (one session) they are queued, and the outcome must be the same.
 */
let t: TestStorage;
const admin = operator('test');
const RACERS = 20;
const CYCLE = 'arab-2021';

beforeAll(async () => {
  t = await openTestStorage();
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

/** An empty draft review of `country`, and the ids of its first questions. */
async function emptyReview(country: string): Promise<string[]> {
  await createReview(t.storage.db, admin, { country, cycle: CYCLE, language: 'fr' });
  const review = await getReview(t.storage.db, admin, country, CYCLE);
  return review.sections.flatMap((s) => s.questions.map((q) => q.id));
}

/** Runs every call at once; the outcomes, each a value or the error code it was refused with. */
async function race<T>(calls: (() => Promise<T>)[]) {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  return settled.map((s) => {
    if (s.status === 'fulfilled') return { ok: true as const, value: s.value };
    // A refusal must be one of ours, with its status (409), never a database error (a 500).
    const error: unknown = s.reason;
    return { ok: false as const, code: isPacteError(error) ? `${error.code} ${error.status}` : String(error) };
  });
}

const count = <T>(items: T[], keep: (item: T) => boolean) => items.filter(keep).length;
const answerTexts = (review: ReviewDocument) =>
  Object.fromEntries(
    review.sections.flatMap((s) => s.questions.map((q) => [q.id, blockTexts(q.answer.blocks).join(' ')])),
  );

/** A first save of an answer, by the administrator. */
const saveOne = (country: string, questionId: string) =>
  saveAnswer(
    t.storage.db,
    admin,
    { country, cycle: CYCLE, questionId },
    { blocks: [{ type: 'paragraph', text: `Réponse à ${questionId}.` }], baseRevision: 0 },
  );

async function statusOf(country: string) {
  const row = await t.storage.db
    .selectFrom('review')
    .select('status')
    .where('country_code', '=', country)
    .executeTakeFirstOrThrow();
  return row.status;
}

async function statusMoves(country: string) {
  const { events } = await listReviewAudit(t.storage.db, admin, { country, cycle: CYCLE });
  return events
    .filter((e) => e.action === 'review.status')
    .reverse()
    .map((e) => e.details as { from: string; to: string });
}

describe('publishing at once', () => {
  it(`makes one version of ${RACERS} simultaneous publications; the others are refused with 409`, async () => {
    await emptyReview('JOR');
    const outcomes = await race(
      Array.from(
        { length: RACERS },
        () => () => moveReview(t.storage.db, admin, { country: 'JOR', cycle: CYCLE }, { to: 'published' }),
      ),
    );
    const refusals = outcomes.flatMap((o) => (o.ok ? [] : [o.code]));
    expect({ published: count(outcomes, (o) => o.ok), refusals }).toEqual({
      published: 1,
      refusals: Array(RACERS - 1).fill('review.move_not_allowed 409'),
    });
    const versions = await t.storage.db
      .selectFrom('review_version')
      .innerJoin('review', 'review.id', 'review_version.review_id')
      .select('review_version.version')
      .where('review.country_code', '=', 'JOR')
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1]);
    expect(await statusMoves('JOR')).toEqual([{ from: 'draft', to: 'published' }]);
  });

  it(`lets one of ${RACERS} simultaneous \`pacte review publish\` publish; the others are told it is published`, async () => {
    await emptyReview('LBN');
    const outcomes = await race(
      Array.from({ length: RACERS }, () => () => publishReview(t.storage.db, admin, { country: 'LBN', cycle: CYCLE })),
    );
    expect(outcomes.filter((o) => o.ok).map((o) => o.ok && o.value.version)).toEqual([1]);
    expect(outcomes.flatMap((o) => (o.ok ? [] : [o.code]))).toEqual(
      Array(RACERS - 1).fill('review.already_published 409'),
    );
  });

  it('lets a withdrawal racing a publication win or lose whole: the audit log tells the moves as they were', async () => {
    await emptyReview('EGY');
    const target = { country: 'EGY', cycle: CYCLE };
    const reason = { reason: 'Une réponse à corriger.' };
    const refusals: string[] = [];
    for (let round = 0; round < 10; round++) {
      if (round > 0) await moveReview(t.storage.db, admin, target, { to: 'draft', ...reason });
      await moveReview(t.storage.db, admin, target, { to: 'validated' });
      await moveReview(t.storage.db, admin, target, { to: 'submitted' });
      const outcomes = await race([
        // the focal point takes it back, to correct an answer
        () => moveReview(t.storage.db, admin, target, { to: 'validated', ...reason }),
        () => moveReview(t.storage.db, admin, target, { to: 'published' }),
      ]);
      refusals.push(...outcomes.flatMap((o) => (o.ok ? [] : [o.code])));
      // validated → published is an administrator's move, so both may pass one after the other;
      // published → validated is no move at all: a publication first refuses the withdrawal.
      expect(await statusOf('EGY')).toBe('published');
    }
    expect(refusals).toEqual(Array(refusals.length).fill('review.move_not_allowed 409'));
    // Each move starts where the previous one ended: none was decided on a status it no longer had.
    const moves = await statusMoves('EGY');
    expect(moves.map((m) => m.from)).toEqual(['draft', ...moves.slice(0, -1).map((m) => m.to)]);
  });

  it('is refused by the database too: a published review cannot be published again', async () => {
    const again = sql`update review set status = 'published' where country_code = 'JOR'`.execute(t.storage.db);
    await expect(again).rejects.toMatchObject({ code: '23514', constraint: 'review_move' });
  });
});

describe('saving answers while the review leaves the open states', () => {
  it(`lands none of ${RACERS} racing saves after a publication: they are in the version or refused`, async () => {
    const questions = (await emptyReview('TUN')).slice(0, RACERS);
    const target = { country: 'TUN', cycle: CYCLE };
    const [publication, ...outcomes] = await race<unknown>([
      () => moveReview(t.storage.db, admin, target, { to: 'published' }),
      ...questions.map((questionId) => () => saveOne('TUN', questionId)),
    ]);
    expect(publication?.ok).toBe(true);
    const refused = outcomes.flatMap((o) => (o.ok ? [] : [o.code]));
    expect(refused).toEqual(Array(refused.length).fill('review.not_in_state 409'));
    // What the saves that succeeded wrote is in the published version; nothing changed after it.
    const live = answerTexts(await getReview(t.storage.db, admin, 'TUN', CYCLE));
    const published = answerTexts(await getReview(t.storage.db, admin, 'TUN', CYCLE, 1));
    expect(live).toEqual(published);
    expect(count(Object.values(published), (text) => text !== '')).toBe(count(outcomes, (o) => o.ok));
  });

  it(`validates a review only with its answers approved, whatever ${RACERS} racing saves do`, async () => {
    const rounds: string[] = [];
    // Which one takes the lock first varies from run to run: a few reviews, a race each.
    for (const country of ['DZA', 'LBY', 'MRT', 'IRQ', 'SYR']) {
      const questions = (await emptyReview(country)).slice(0, RACERS);
      const [validation, ...outcomes] = await race<unknown>([
        () => moveReview(t.storage.db, admin, { country, cycle: CYCLE }, { to: 'validated' }),
        ...questions.map((questionId) => () => saveOne(country, questionId)),
      ]);
      const refused = new Set(outcomes.flatMap((o) => (o.ok ? [] : [o.code])));
      const saved = count(outcomes, (o) => o.ok);
      rounds.push(`${validation?.ok ? 'validated' : validation?.code}, ${saved} saved, refused: ${[...refused]}`);
    }
    // Validated first: every save came after it and was refused. A save first: its unapproved
    // answer stops the validation, and no save is refused.
    for (const round of rounds) {
      expect([
        'validated, 0 saved, refused: review.not_in_state 409',
        `review.answers_not_approved 409, ${RACERS} saved, refused: `,
      ]).toContain(round);
    }
  });
});

describe('sessions', () => {
  const email = 'session@example.org';
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    await createUser(t.storage.db, email, password, { role: 'admin' });
  });

  /** Makes the database refuse audit events of `action` (a real failure, in the database). */
  async function refuseAudit(action: string) {
    await sql`create or replace function refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit refused by the test'; end $$`.execute(t.storage.db);
    await sql`create trigger refuse_audit before insert on audit_event for each row
      when (new.action = ${sql.lit(action)}) execute function refuse_audit()`.execute(t.storage.db);
    return async () => void (await sql`drop trigger refuse_audit on audit_event`.execute(t.storage.db));
  }
  const sessionsOf = async () =>
    Number(
      (
        await t.storage.db
          .selectFrom('session')
          .innerJoin('user_account', 'user_account.id', 'session.user_id')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('user_account.email', '=', email)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('opens a session only with its audit event: no session is left when the event cannot be written', async () => {
    const allow = await refuseAudit('session.sign_in');
    try {
      await expect(signIn(t.storage.db, email, password)).rejects.toThrow(/audit refused/u);
    } finally {
      await allow();
    }
    expect(await sessionsOf()).toBe(0);
    const { token } = await signIn(t.storage.db, email, password);
    expect(await sessionsOf()).toBe(1);
    const row = await t.storage.db
      .selectFrom('session')
      .select('token_hash')
      .where('token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    expect(row).toBeDefined();
  });

  it('ends a session only with its audit event: the session still works when the event cannot be written', async () => {
    const { token } = await signIn(t.storage.db, email, password);
    const allow = await refuseAudit('session.sign_out');
    try {
      await expect(signOut(t.storage.db, token)).rejects.toThrow(/audit refused/u);
    } finally {
      await allow();
    }
    expect(await actorOfSession(t.storage.db, token)).toMatchObject({ name: email });
    await signOut(t.storage.db, token);
    expect(await actorOfSession(t.storage.db, token)).toBeNull();
  });
});
