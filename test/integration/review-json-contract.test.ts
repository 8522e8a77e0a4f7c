import type { FastifyInstance } from 'fastify';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { ROOT } from '../support/pacte.js';
import { createWorld, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The review JSON contract on `arab-2021` (issue 15): typed answers (review JSON 1.1) are additive,
 * so a review whose questionnaire has only free-text questions reads exactly as before. The
 * snapshot was taken from GET /api/v1/reviews/MAR/arab-2021 before answer values existed (the
 * seed imported as in every workspace test); only the clock's instants are masked. Rewrite it
 * with PACTE_WRITE_SNAPSHOT=1 only for a change the contract documents.
 */
const SNAPSHOT = `${ROOT}test/fixtures/review-json/mar-arab-2021.json`;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

let t: TestStorage;
let app: FastifyInstance;
let world: World;

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(t.storage.db, app);
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

/** The body with every instant replaced: they are the test's clock, not the contract. */
const masked = (body: string): string =>
  JSON.stringify(
    JSON.parse(body, (_key, value: unknown) =>
      typeof value === 'string' && INSTANT.test(value) ? '<instant>' : value,
    ),
    null,
    2,
  ) + '\n';

describe('the review JSON of a free-text questionnaire', () => {
  it('is the same, byte for byte apart from instants, as before typed answers', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/reviews/MAR/arab-2021',
      headers: world.as('focal'),
    });
    expect(response.statusCode).toBe(200);
    const body = masked(response.body);
    if (process.env.PACTE_WRITE_SNAPSHOT === '1') writeFileSync(SNAPSHOT, body);
    expect(body).toBe(readFileSync(SNAPSHOT, 'utf8'));
    // Nothing typed leaks into a free-text review: questions keep their three keys, answers two.
    const review = JSON.parse(response.body) as { sections: { questions: Record<string, object>[] }[] };
    for (const question of review.sections.flatMap((section) => section.questions)) {
      expect(Object.keys(question)).toEqual(['id', 'text', 'answer']);
      expect(Object.keys(question.answer!)).toEqual(['blocks', 'revision']);
    }
  });
});
