import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { createCycle } from '../../src/services/create-cycle.js';
import { createReview } from '../../src/services/create-review.js';
import { moveCycle } from '../../src/services/move-cycle.js';
import { publishReview } from '../../src/services/publish-review.js';
import { createWorld, type Persona, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Typed answer values through the workspace (issue 15, item 2), over HTTP on both engines, on a
 * cycle of `arab-example-2` (the example questionnaire with choice, number, objectives and
 * principles questions): every kind saved and read back (answer page, review JSON, revisions);
 * every `answer.value_invalid` reason refused with its message in fr/en/ar and nothing written;
 * a value alone is an answer (tracking and the reviews' list count it); saving what is there
 * writes no revision; the autosaved draft keeps a value; a contribution's value is merged; search
 * finds a choice's label, in the working answers and, once published, for the public; open data
 * carries the values.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
const CYCLE = 'arab-typed';
const REVIEW = `/api/v1/reviews/MAR/${CYCLE}`;
const answerUrl = (q: string) => `${REVIEW}/answers/${q}`;
type Who = Persona | 'anonymous';
const db = () => t.storage.db;

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(db(), app);
  const admin = operator('test');
  await createCycle(db(), admin, {
    id: CYCLE,
    region: 'arab',
    questionnaire: 'arab-example-2',
    countries: ['MAR'],
    opensOn: '2026-01-01',
    dueOn: '2099-06-30',
  });
  await moveCycle(db(), admin, CYCLE, { to: 'open' });
  await createReview(db(), admin, { country: 'MAR', cycle: CYCLE, language: 'fr' });
  // II.b is given to the Ministry of the Interior, whose contributor proposes a value.
  const review = await db()
    .selectFrom('review')
    .select('id')
    .where('cycle_id', '=', CYCLE)
    .where('country_code', '=', 'MAR')
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('assignment')
    .values({
      review_id: review.id,
      question_id: 'II.b',
      entity_id: world.entities.interior,
      due_on: null,
      assigned_by: 'test',
    })
    .execute();
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

async function call(who: Who, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) {
  const response = await app.inject({ method, url, headers: world.as(who), ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}
const page = async (q: string) => (await call('focal', 'GET', answerUrl(q))).body;
const save = (q: string, body: object, lang = '') => call('focal', 'PUT', `${answerUrl(q)}${lang}`, body);
const paragraph = (text: string) => [{ type: 'paragraph', text }];
const revisionCount = async (q: string) =>
  ((await call('focal', 'GET', `${answerUrl(q)}/revisions`)).body.revisions as unknown[]).length;
const reviewJson = async () =>
  (await call('focal', 'GET', REVIEW)).body as {
    sections: {
      questions: { id: string; kind?: string; choices?: unknown[]; unit?: string; answer: { value?: unknown } }[];
    }[];
  };
const questionOf = async (q: string) =>
  (await reviewJson()).sections.flatMap((s) => s.questions).find((x) => x.id === q)!;

describe('every kind of value', () => {
  const cases: [string, object, object][] = [
    // [question, value sent, value stored (lists in the questionnaire's order)]
    ['I.a', { choices: ['no'] }, { choices: ['no'] }],
    ['I.c', { choices: ['un', 'civil_society'] }, { choices: ['civil_society', 'un'] }],
    ['III.f', { number: 4500 }, { number: 4500 }],
    ['III.e', { objectives: [7, 1, 23] }, { objectives: [1, 7, 23] }],
  ];
  it.each(cases)(
    '%s is saved and read back from the answer page, the review JSON and the revision',
    async (q, sent, stored) => {
      const before = await page(q);
      const saved = await save(q, { blocks: paragraph(`Réponse à ${q}.`), value: sent, baseRevision: before.revision });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.value).toEqual(stored);
      const after = await page(q);
      expect(after.value).toEqual(stored);
      expect(after.kind).toBe(before.kind);
      expect((await questionOf(q)).answer.value).toEqual(stored);
      const revision = await call('focal', 'GET', `${answerUrl(q)}/revisions/${saved.body.revision}`);
      expect(revision.body.value).toEqual(stored);
    },
  );

  it('principles take the catalogue’s keys', async () => {
    const keys = (await db().selectFrom('principle').select('key').orderBy('letter').execute()).map((p) => p.key);
    const saved = await save('III.b', { blocks: [], value: { principles: [keys[3], keys[0]] }, baseRevision: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.value).toEqual({ principles: [keys[0], keys[3]] });
  });

  it('the review JSON describes typed questions (kind, choices in the review’s language, unit), not free-text ones', async () => {
    const choice = await questionOf('I.a');
    expect(choice.kind).toBe('single_choice');
    expect(choice.choices).toContainEqual({ id: 'no', label: 'Non' });
    const number = await questionOf('III.g');
    expect([number.kind, number.unit, number.answer.value]).toEqual([
      'number',
      'millions de dollars des États-Unis',
      null,
    ]);
    const text = await questionOf('I.b');
    expect(Object.keys(text)).toEqual(['id', 'text', 'answer']);
    expect(Object.keys(text.answer)).toEqual(['blocks', 'revision']);
  });
});

describe('a value that does not fit', () => {
  const cases: [string, string, unknown, string | undefined][] = [
    // [question, reason, value, details.value]
    ['I.b', 'not_expected', { choices: ['yes'] }, undefined],
    ['I.f', 'wrong_shape', { number: 3 }, undefined],
    ['I.f', 'unknown_choice', { choices: ['maybe'] }, 'maybe'],
    ['I.f', 'one_choice_only', { choices: ['yes', 'no'] }, undefined],
    ['III.g', 'not_a_number', { number: '12' }, '12'],
    ['I.e', 'unknown_objective', { objectives: [24] }, '24'],
    ['III.b', 'unknown_principle', { principles: ['not-a-principle'] }, 'not-a-principle'],
  ];
  const words = {
    fr: {
      not_expected: 'seulement du texte',
      wrong_shape: 'forme attendue',
      unknown_choice: 'une des options',
      one_choice_only: 'une seule option',
      not_a_number: "n'est pas un nombre",
      unknown_objective: '23 objectifs',
      unknown_principle: '10 principes',
    },
    en: {
      not_expected: 'text only',
      wrong_shape: 'shape',
      unknown_choice: 'not one of the options',
      one_choice_only: 'only one option',
      not_a_number: 'not a number',
      unknown_objective: '23 objectives',
      unknown_principle: '10 guiding principles',
    },
    ar: {
      not_expected: 'نصاً فقط',
      wrong_shape: 'بالشكل',
      unknown_choice: 'ليس من الخيارات',
      one_choice_only: 'خيار واحد',
      not_a_number: 'ليس رقماً',
      unknown_objective: 'الثلاثة والعشرين',
      unknown_principle: 'العشرة',
    },
  } as const;
  it.each(cases)('%s: %s, refused in fr/en/ar with nothing written', async (q, reason, value, detail) => {
    const before = await page(q);
    const revisions = await revisionCount(q);
    for (const lang of ['fr', 'en', 'ar'] as const) {
      const refused = await save(
        q,
        { blocks: paragraph('Texte qui ne doit pas rester.'), value, baseRevision: before.revision },
        `?lang=${lang}`,
      );
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('answer.value_invalid');
      expect(refused.body.details).toEqual({ question: q, reason, ...(detail === undefined ? {} : { value: detail }) });
      expect(refused.body.message).toContain(words[lang][reason as keyof (typeof words)['fr']]);
      expect(refused.body.message).toContain(q);
      // The autosave refuses it the same way: a draft never holds what the save would refuse.
      const drafted = await call('focal', 'PUT', `${answerUrl(q)}/draft?lang=${lang}`, {
        blocks: [],
        value,
        baseRevision: before.revision,
      });
      expect([drafted.status, drafted.body.message]).toEqual([422, refused.body.message]);
    }
    const after = await page(q);
    expect([after.revision, after.blocks, after.value, after.myDraft]).toEqual([
      before.revision,
      before.blocks,
      before.value,
      before.myDraft,
    ]);
    expect(await revisionCount(q)).toBe(revisions);
  });
});

describe('what counts as answered', () => {
  const tracked = async () =>
    (
      await db()
        .selectFrom('review_tracking')
        .innerJoin('review', 'review.id', 'review_tracking.review_id')
        .select('review_tracking.answered')
        .where('review.cycle_id', '=', CYCLE)
        .executeTakeFirstOrThrow()
    ).answered as Record<string, number>;
  const listed = async () =>
    ((await call('focal', 'GET', '/api/v1/reviews')).body.reviews as { cycle: string; answered: number }[]).find(
      (r) => r.cycle === CYCLE,
    )!.answered;

  const unanswered = async () => {
    const dashboard = await call('focal', 'GET', `${REVIEW}/workspace`);
    expect(dashboard.status).toBe(200);
    return dashboard.body.checklist.unanswered.questions as string[];
  };

  it('a value without text is an answer: tracking, the reviews’ list and the dashboard count it', async () => {
    const [sections, count] = [await tracked(), await listed()];
    expect((await page('V.b')).revision).toBe(0);
    expect(await unanswered()).toContain('V.b');
    const saved = await save('V.b', { blocks: [], value: { choices: ['yes'] }, baseRevision: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.revision).toBe(1);
    expect((await tracked()).V).toBe((sections.V ?? 0) + 1);
    expect(await listed()).toBe(count + 1);
    expect(await unanswered()).not.toContain('V.b');
  });

  it('saving the same text and value again writes no revision; a new value does', async () => {
    const current = await page('III.f');
    const again = await save('III.f', {
      blocks: current.blocks,
      value: { number: 4500 },
      baseRevision: current.revision,
    });
    expect([again.status, again.body.revision]).toEqual([200, current.revision]);
    expect(await revisionCount('III.f')).toBe(current.revision);
    // Absent: the value stays (a client that knows only text cannot wipe it); null clears it.
    const textOnly = await save('III.f', { blocks: paragraph('Autre texte.'), baseRevision: current.revision });
    expect([textOnly.body.revision, textOnly.body.value]).toEqual([current.revision + 1, { number: 4500 }]);
    const changed = await save('III.f', {
      blocks: paragraph('Autre texte.'),
      value: { number: 4500.5 },
      baseRevision: current.revision + 1,
    });
    expect([changed.body.revision, changed.body.value]).toEqual([current.revision + 2, { number: 4500.5 }]);
    const cleared = await save('III.f', {
      blocks: paragraph('Autre texte.'),
      value: null,
      baseRevision: current.revision + 2,
    });
    expect([cleared.body.revision, cleared.body.value]).toEqual([current.revision + 3, null]);
  });

  it('the difference between two revisions says when the value changed, and only then', async () => {
    const diff = (from: number, to: number) =>
      call('focal', 'GET', `${answerUrl('III.f')}/diff?from=${from}&to=${to}`).then((r) => r.body);
    expect((await diff(2, 3)).value).toEqual({ from: { number: 4500 }, to: { number: 4500.5 } });
    expect((await diff(3, 4)).value).toEqual({ from: { number: 4500.5 }, to: null });
    const unchanged = await diff(1, 2);
    expect(unchanged.lines.length).toBeGreaterThan(0);
    expect(unchanged).not.toHaveProperty('value');
  });

  it('restoring a revision brings its value back', async () => {
    const current = await page('III.f');
    const restored = await call('focal', 'POST', `${answerUrl('III.f')}/revisions/1/restore`, {
      baseRevision: current.revision,
    });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect((await page('III.f')).value).toEqual({ number: 4500 });
  });
});

describe('drafts and contributions', () => {
  it('the autosaved draft keeps the value, for its author, without a revision', async () => {
    const before = await page('II.e');
    const drafted = await call('focal', 'PUT', `${answerUrl('II.e')}/draft`, {
      blocks: [],
      value: { choices: ['in_preparation'] },
      baseRevision: before.revision,
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    const after = await page('II.e');
    expect(after.myDraft.value).toEqual({ choices: ['in_preparation'] });
    expect([after.revision, after.value]).toEqual([before.revision, before.value]);
  });

  it('a contribution may propose a value, and merging it takes it', async () => {
    const url = `${answerUrl('II.b')}/contributions/${world.entities.interior}`;
    const refused = await call('contributorA', 'PUT', url, {
      blocks: [],
      value: { choices: ['sometimes'] },
      baseRevision: 0,
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'answer.value_invalid']);
    const saved = await call('contributorA', 'PUT', url, {
      blocks: paragraph('Le plan est en partie appliqué.'),
      value: { choices: ['partly'] },
      baseRevision: 0,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.value).toEqual({ choices: ['partly'] });
    expect((await call('contributorA', 'POST', `${url}/submit`)).status).toBe(200);
    const shown = (await page('II.b')).contributions.find((c: { id: number }) => c.id === saved.body.id);
    expect(shown.value).toEqual({ choices: ['partly'] });
    const merged = await call('focal', 'POST', `${answerUrl('II.b')}/merge`, {
      contributionIds: [saved.body.id],
      baseRevision: 0,
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const answer = await page('II.b');
    expect(answer.value).toEqual({ choices: ['partly'] });
    expect(answer.blocks).toEqual(paragraph('Le plan est en partie appliqué.'));
  });
});

describe('search', () => {
  it('finds an answer by its choice’s label, number or objective title, beside its text', async () => {
    const hits = async (q: string) =>
      (
        (await call('focal', 'GET', `/api/v1/search?q=${encodeURIComponent(q)}&cycle=${CYCLE}`)).body.hits as {
          questionId: string;
        }[]
      ).map((h) => h.questionId);
    // I.c's value: civil society and the UN system, by their French labels.
    const label = (await page('I.c')).choices.find((c: { id: string }) => c.id === 'civil_society').label.fr as string;
    expect(await hits(label)).toContain('I.c');
    // V.b has no text at all: only its value's label (« Oui ») can find it.
    expect(await hits('oui')).toContain('V.b');
  });
});

describe('once published', () => {
  it('open data carries the values (reviews/MAR.json and answers.csv) and the public search finds them', async () => {
    await publishReview(db(), operator('test'), { country: 'MAR', cycle: CYCLE });
    const response = await app.inject({ method: 'GET', url: `/api/v1/open-data/${CYCLE}` });
    expect(response.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const text = (name: string) => strFromU8(files[name] as Uint8Array);
    const review = JSON.parse(text('reviews/MAR.json')) as Awaited<ReturnType<typeof reviewJson>>;
    const questions = review.sections.flatMap((s) => s.questions);
    expect(questions.find((q) => q.id === 'I.a')!.answer.value).toEqual({ choices: ['no'] });
    expect(questions.find((q) => q.id === 'III.e')!.answer.value).toEqual({ objectives: [1, 7, 23] });
    const csv = text('answers.csv')
      .replace(/^\uFEFF/u, '')
      .split('\r\n');
    expect(csv[0]!.split(',').at(-1)).toBe('value');
    const row = csv.find((line) => line.startsWith(`MAR,${CYCLE},I.a,0,value,`));
    expect(row).toMatch(/,"\{""choices"":\[""no""\]\}"$/u);
    // The public reads the published version: V.b has no text, only its value's label.
    const hits = await app.inject({ method: 'GET', url: `/api/v1/search?q=oui&cycle=${CYCLE}` });
    expect((hits.json().hits as { questionId: string }[]).map((h) => h.questionId)).toContain('V.b');
  });
});
