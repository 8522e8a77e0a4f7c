import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { copyQuestionnaire } from '../../src/services/copy-questionnaire.js';
import { createCycle } from '../../src/services/create-cycle.js';
import { createReview } from '../../src/services/create-review.js';
import { editQuestionnaire } from '../../src/services/edit-questionnaire.js';
import { moveCycle } from '../../src/services/move-cycle.js';
import { saveAnswer } from '../../src/services/save-answer.js';
import { inTransaction } from '../../src/services/use-case.js';
import { versionBody, type StoredQuestionnaire } from '../support/questionnaire-story.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * A version is editable until a cycle using it has an answer (docs/questionnaires.md). An edit
 * and a first answer at the same moment: whichever comes second waits for the other, then the
 * answer is refused if the edit removed its question, or the edit is refused once the answer
 * froze the version — never an answer to a question the version no longer has.
 */
let t: TestStorage;
const db = () => t.storage.db;
const admin = operator('test');
let copy: StoredQuestionnaire;
const CYCLE = 'arab-2040';

beforeAll(async () => {
  t = await openTestStorage();
  copy = (await copyQuestionnaire(db(), admin, 'arab-2021', { from: 1, region: 'arab' })) as StoredQuestionnaire;
  const dates = { opensOn: '2040-01-01', dueOn: '2040-12-31' };
  await createCycle(db(), admin, {
    id: CYCLE,
    region: 'arab',
    questionnaire: 'arab-2021',
    questionnaireVersion: copy.version,
    countries: ['TUN', 'JOR'],
    ...dates,
  });
  await moveCycle(db(), admin, CYCLE, { to: 'open' });
  for (const country of ['TUN', 'JOR']) await createReview(db(), admin, { country, cycle: CYCLE, language: 'fr' });
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

/** Resolves once another session waits for a lock (PostgreSQL), or `done` settles first. */
async function waitingForLock(done: Promise<unknown>): Promise<void> {
  if (ENGINE !== 'postgres') return; // PGlite is one session: the answer queues behind the edit anyway
  let settled = false;
  void done.finally(() => (settled = true)).catch(() => {});
  for (;;) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db());
    if (settled || rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const paragraph = (text: string) => [{ type: 'paragraph' as const, text }];

/** A moment one side waits for and the other says has come. */
function signal(): { reached: Promise<void>; reach: () => void } {
  let reach!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return { reached, reach };
}

describe('an edit of a version and a first answer at the same moment', () => {
  it('refuses the answer when the edit it waited for removed its question, and writes nothing', async () => {
    const gate = signal();
    const locked = signal();
    // The edit: the version's row locked, no answer yet, then I.h removed when the gate opens.
    const edit = inTransaction(db(), async (trx) => {
      await trx
        .selectFrom('questionnaire')
        .select('version')
        .where('id', '=', 'arab-2021')
        .where('version', '=', copy.version)
        .forUpdate()
        .execute();
      locked.reach();
      await gate.reached;
      await trx
        .deleteFrom('question')
        .where('questionnaire_id', '=', 'arab-2021')
        .where('version', '=', copy.version)
        .where('id', '=', 'I.h')
        .execute();
    });
    await locked.reached;
    const answer = saveAnswer(
      db(),
      admin,
      { country: 'TUN', cycle: CYCLE, questionId: 'I.h' },
      { blocks: paragraph('Oui, avec le réseau.'), baseRevision: 0 },
    );
    await waitingForLock(answer);
    gate.reach();
    await edit;
    await expect(answer).rejects.toMatchObject({ code: 'question.not_found' });
    const written = await db().selectFrom('answer').select('question_id').where('question_id', '=', 'I.h').execute();
    expect(written).toEqual([]);
  });

  it('refuses the edit that waited for a first answer: the version is frozen by then', async () => {
    const gate = signal();
    const written = signal();
    // The answer's transaction, held open after it wrote, as if the request were still running.
    const answer = inTransaction(db(), async (trx) => {
      const saved = await saveAnswer(
        trx,
        admin,
        { country: 'JOR', cycle: CYCLE, questionId: 'I.a' },
        { blocks: paragraph('Un comité interministériel.'), baseRevision: 0 },
      );
      written.reach();
      await gate.reached;
      return saved;
    });
    await written.reached;
    const body = versionBody(copy);
    const edit = editQuestionnaire(db(), admin, 'arab-2021', copy.version, body);
    await waitingForLock(edit);
    gate.reach();
    await answer;
    await expect(edit).rejects.toMatchObject({ code: 'questionnaire.frozen' });
  });
});
