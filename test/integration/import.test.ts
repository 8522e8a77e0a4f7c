import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { PacteError } from '../../src/domain/errors.js';
import { importReview, type ImportRequest } from '../../src/services/import-review.js';
import { PROSE, seedBytes } from '../support/pacte.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

let t: TestStorage;

beforeAll(async () => {
  t = await openTestStorage();
});
afterAll(async () => {
  await t?.cleanup();
});
// Each test starts with no review (answers and their history go with it).
beforeEach(async () => {
  await t.storage.db.deleteFrom('review').execute();
});

const SEED_WORD = 'Aucun mécanisme';
const CHANGED_WORD = 'Nul mécanisme';

function load(bytes: Uint8Array, options: Partial<ImportRequest> = {}) {
  return importReview(t.storage.db, {
    bytes,
    file: 'review.txt',
    country: 'MAR',
    cycle: 'arab-2021',
    dryRun: false,
    actor: operator('test'),
    ...options,
  });
}

async function counts() {
  const db = t.storage.db;
  const count = async (table: 'review' | 'answer' | 'answer_revision') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { reviews: await count('review'), answers: await count('answer'), revisions: await count('answer_revision') };
}

async function answers() {
  return t.storage.db.selectFrom('answer').select(['question_id', 'revision']).orderBy('question_id').execute();
}

function revisionsOf(questionId: string) {
  return t.storage.db
    .selectFrom('answer_revision')
    .select(['revision', 'blocks', 'origin'])
    .where('question_id', '=', questionId)
    .orderBy('revision')
    .execute();
}

describe('importing a review', () => {
  it('stores the 24 answers of the seed at revision 1, each with its revision in the history', async () => {
    const result = await load(seedBytes());
    expect(result).toMatchObject({ stored: true, created: true, unchanged: [] });
    expect(result.changed).toHaveLength(24);
    const stored = await answers();
    expect(stored).toHaveLength(24);
    expect(stored.every((a) => a.revision === 1)).toBe(true);
    const history = await t.storage.db.selectFrom('answer_revision').select(['question_id', 'revision']).execute();
    expect(history.map((r) => `${r.question_id}@${r.revision}`).sort()).toEqual(
      stored.map((a) => `${a.question_id}@1`).sort(),
    );
  });

  it('changes nothing when the same file is imported again', async () => {
    await load(seedBytes());
    const before = { counts: await counts(), answers: await answers() };
    const again = await load(seedBytes());
    expect(again).toMatchObject({ stored: true, created: false, changed: [] });
    expect(again.unchanged).toHaveLength(24);
    expect(await counts()).toEqual({ reviews: 1, answers: 24, revisions: 24 });
    expect({ counts: await counts(), answers: await answers() }).toEqual(before);
  });

  it('gives a changed answer revision 2 and keeps revision 1 in its history; other answers stay as they were', async () => {
    const seed = seedBytes().toString('utf8');
    expect(seed.split(SEED_WORD)).toHaveLength(2); // the word occurs once, in I.a
    await load(seedBytes());
    const result = await load(Buffer.from(seed.replace(SEED_WORD, CHANGED_WORD)));
    expect(result.changed).toEqual(['I.a']);
    const stored = await answers();
    expect(stored.filter((a) => a.revision !== 1)).toEqual([{ question_id: 'I.a', revision: 2 }]);
    const history = await revisionsOf('I.a');
    expect(history.map((r) => r.revision)).toEqual([1, 2]);
    expect(JSON.stringify(history[0]?.blocks)).toContain(SEED_WORD);
    expect(JSON.stringify(history[1]?.blocks)).toContain(CHANGED_WORD);
    expect(history.every((r) => r.origin === 'import')).toBe(true);
    expect(await counts()).toEqual({ reviews: 1, answers: 24, revisions: 25 });
  });

  it('stores nothing for a question the file leaves unanswered, and says it unchanged', async () => {
    const seed = seedBytes().toString('utf8');
    const start = seed.indexOf('responsable de l’examen ?') + 'responsable de l’examen ?'.length;
    const end = seed.indexOf('c) Quelles sont les entités');
    expect(seed.slice(start, end)).toContain('Direction des Questions Globales');
    const result = await load(Buffer.from(seed.slice(0, start) + '\n\n' + seed.slice(end)));
    expect(result.review.sections[0]?.questions.find((q) => q.id === 'I.b')?.answer.blocks).toEqual([]);
    expect(result.changed).toHaveLength(23);
    expect(result.changed).not.toContain('I.b');
    expect(result.unchanged).toEqual(['I.b']);
    // No empty answer, no empty revision: the question is as unanswered as before the import.
    expect((await answers()).map((a) => a.question_id)).not.toContain('I.b');
    expect(await counts()).toEqual({ reviews: 1, answers: 23, revisions: 23 });
  });

  it('recognises the country (MAR) when none is given', async () => {
    const result = await load(seedBytes(), { country: undefined, dryRun: true });
    expect(result.review.country).toBe('MAR');
    expect(result.stored).toBe(false);
    expect(await counts()).toEqual({ reviews: 0, answers: 0, revisions: 0 });
  });
});

describe('refusing what is not a review', () => {
  const refusals: [string, () => Uint8Array, Partial<ImportRequest>, string][] = [
    ['a paragraph of prose', () => Buffer.from(PROSE), {}, 'import.not_a_review'],
    ['an empty file', () => new Uint8Array(0), {}, 'import.empty_file'],
    ['a file of blank lines', () => Buffer.from('\n  \n\t\n'), {}, 'import.empty_file'],
    [
      'text that is not UTF-8 (the seed in Latin-1)',
      () => Buffer.from(seedBytes().toString(), 'latin1'),
      {},
      'import.unreadable_file',
    ],
    ['an unknown country code', seedBytes, { country: 'XYZ' }, 'country.not_found'],
    ['an unknown cycle', seedBytes, { cycle: 'arab-2099' }, 'cycle.not_found'],
  ];

  for (const [what, bytes, options, code] of refusals) {
    it(`refuses ${what} with ${code} and stores nothing`, async () => {
      await load(seedBytes(), { country: 'EGY' }); // something stored already, which must stay as it is
      const before = { counts: await counts(), answers: await answers() };
      const attempt = load(bytes(), options);
      await expect(attempt).rejects.toBeInstanceOf(PacteError);
      await expect(attempt).rejects.toMatchObject({ code });
      expect({ counts: await counts(), answers: await answers() }).toEqual(before);
    });
  }
});
