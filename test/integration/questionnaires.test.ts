import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { addPerson, createWorld, type World } from '../support/personas.js';
import { versionBody, type StoredQuestionnaire } from '../support/questionnaire-story.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Questionnaire versions (issue 15, docs/questionnaires.md): a region's secretariat copies a
 * version, edits it (every answer type), marks a language's wording official and maps the
 * questions of two versions; the shipped version, another region's secretariat and a frozen
 * version (a cycle using it has an answer) are refused, and a refused edit writes nothing.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
let africa: Record<string, string>;
/** The version the Arab secretariat copies in the first test, edited by the next ones. */
let copy: StoredQuestionnaire;

const db = () => t.storage.db;
const call = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers, ...(payload && { payload }) });
const secretariat = () => world.as('secretariat');
const versionPath = () => `/api/v1/questionnaires/arab-2021/versions/${copy.version}`;
const auditCount = async (action: string) =>
  (await db().selectFrom('audit_event').select('id').where('action', '=', action).execute()).length;

const label = (fr: string, en: string, ar: string) => ({ fr, en, ar });
/** One new question of each kind, appended to section I. */
const TYPED = [
  {
    letter: 'w',
    text: label('Un plan national existe-t-il ?', 'Is there a national plan?', 'هل توجد خطة وطنية؟'),
    guidance: label('Cochez une case.', 'Tick one box.', 'ضع علامة في خانة واحدة.'),
    kind: 'single_choice',
    choices: [
      { id: 'yes', label: label('Oui', 'Yes', 'نعم') },
      { id: 'no', label: label('Non', 'No', 'لا') },
    ],
  },
  {
    letter: 'x',
    text: label('Quels acteurs ?', 'Which actors?', 'ما الجهات الفاعلة؟'),
    kind: 'multiple_choice',
    choices: [
      { id: 'state', label: label('État', 'State', 'الدولة') },
      { id: 'ngo', label: label('Associations', 'NGOs', 'الجمعيات') },
      { id: 'un', label: label('ONU', 'UN', 'الأمم المتحدة') },
    ],
  },
  {
    letter: 'y',
    text: label('Combien de personnes ?', 'How many people?', 'كم عدد الأشخاص؟'),
    kind: 'number',
    unit: label('personnes', 'people', 'أشخاص'),
  },
  { letter: 'z', text: label('Objectifs ?', 'Objectives?', 'الأهداف؟'), kind: 'objectives' },
  { letter: 'v', text: label('Principes ?', 'Principles?', 'المبادئ؟'), kind: 'principles' },
];

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(db(), app);
  await db()
    .insertInto('region')
    .values({ id: 'africa', name: JSON.stringify({ fr: 'Afrique', en: 'Africa', ar: 'أفريقيا' }) })
    .execute();
  const token = await addPerson(db(), app, 'secretariat@africa.example.org', { role: 'secretariat', region: 'africa' });
  africa = { authorization: `Bearer ${token}` };
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('copying', () => {
  it('makes the next version, of the secretariat’s region, based on the one copied, identical', async () => {
    const response = await call(secretariat(), 'POST', '/api/v1/questionnaires/arab-2021/versions', { from: 1 });
    expect(response.statusCode, response.body).toBe(201);
    copy = response.json();
    expect(copy).toMatchObject({ id: 'arab-2021', version: 2, region: 'arab', basedOn: 1, example: false });
    const shipped = (await call({}, 'GET', '/api/v1/questionnaires/arab-2021?version=1')).json();
    expect(copy.sections).toEqual(shipped.sections);
    expect(await auditCount('questionnaire.copy')).toBe(1);
  });

  it('lists the versions with what the caller may do with them', async () => {
    const mine = (await call(secretariat(), 'GET', '/api/v1/questionnaires')).json().versions;
    const row = (v: number) =>
      mine.find((x: { id: string; version: number }) => x.id === 'arab-2021' && x.version === v);
    expect(row(2)).toMatchObject({ region: 'arab', editable: true, frozen: false, copyable: true, cycles: [] });
    expect(row(1)).toMatchObject({ region: null, editable: false, frozen: true });
    expect(row(1).cycles.map((c: { id: string }) => c.id)).toContain('arab-2021');
    // Another region's secretariat does not see the Arab region's unused version.
    const theirs = (await call(africa, 'GET', '/api/v1/questionnaires')).json().versions;
    expect(theirs.some((x: { version: number; id: string }) => x.id === 'arab-2021' && x.version === 2)).toBe(false);
    expect((await call({}, 'GET', '/api/v1/questionnaires')).statusCode).toBe(401);
  });

  it('keeps an unopened draft from the public and other regions, and the latest visible version is the default', async () => {
    const path = `/api/v1/questionnaires/arab-2021?version=${copy.version}`;
    expect((await call(secretariat(), 'GET', path)).statusCode).toBe(200);
    for (const who of [{}, africa]) {
      const hidden = await call(who, 'GET', path);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe('questionnaire.not_found');
      // Without a version: the shipped one, not the draft.
      expect((await call(who, 'GET', '/api/v1/questionnaires/arab-2021')).json().version).toBe(1);
    }
    expect((await call(secretariat(), 'GET', '/api/v1/questionnaires/arab-2021')).json().version).toBe(copy.version);
  });

  it('is refused to a focal point (403) and for a version the caller cannot see (404)', async () => {
    const focal = await call(world.as('focal'), 'POST', '/api/v1/questionnaires/arab-2021/versions', { from: 1 });
    expect(focal.statusCode).toBe(403);
    const hidden = await call(africa, 'POST', '/api/v1/questionnaires/arab-2021/versions', { from: 2 });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('questionnaire.not_found');
  });
});

describe('editing', () => {
  it('saves a version with a question of every answer type, guidance notes and a new section', async () => {
    const body = versionBody(copy);
    body.sections[0]!.questions.push(...TYPED.map((q) => ({ guidance: null, choices: null, unit: null, ...q })));
    body.sections.push({
      id: 'VI',
      title: label('Suite', 'Next', 'التالي'),
      guidance: label('Pour finir.', 'To finish.', 'للختام.'),
      questions: [
        {
          letter: 'a',
          text: label('Autre ?', 'Other?', 'أخرى؟'),
          guidance: null,
          kind: 'text',
          choices: null,
          unit: null,
        },
      ],
    });
    const response = await call(secretariat(), 'PUT', versionPath(), body);
    expect(response.statusCode, response.body).toBe(200);
    const saved = (await call(secretariat(), 'GET', `/api/v1/questionnaires/arab-2021?version=${copy.version}`)).json();
    const section = saved.sections[0];
    const byLetter = (l: string) => section.questions.find((q: { letter: string }) => q.letter === l);
    expect(byLetter('w')).toMatchObject({
      id: 'I.w',
      kind: 'single_choice',
      choices: TYPED[0]!.choices,
      guidance: TYPED[0]!.guidance,
    });
    expect(byLetter('x').choices).toHaveLength(3);
    expect(byLetter('y')).toMatchObject({ kind: 'number', unit: TYPED[2]!.unit });
    expect(byLetter('z').kind).toBe('objectives');
    expect(byLetter('v').kind).toBe('principles');
    expect(byLetter('a').kind).toBeUndefined();
    expect(saved.sections.at(-1)).toMatchObject({ id: 'VI', guidance: { en: 'To finish.' } });
    // The shipped version is unchanged.
    const shipped = (await call({}, 'GET', '/api/v1/questionnaires/arab-2021?version=1')).json();
    expect(shipped.sections).toHaveLength(copy.sections.length);
    copy = saved;
  });

  it('refuses each mistake with its reason and writes nothing', async () => {
    const before = JSON.stringify(copy.sections);
    const cases: [string, (b: ReturnType<typeof versionBody>) => void][] = [
      ['duplicate_letter', (b) => b.sections[0]!.questions.push({ ...b.sections[0]!.questions[0]! })],
      ['duplicate_section', (b) => b.sections.push({ ...b.sections[0]! })],
      ['empty_wording', (b) => (b.sections[0]!.questions[0]!.text = { fr: '  ', en: '' })],
      ['choices_required', (b) => (b.sections[0]!.questions[0]!.kind = 'single_choice')],
      [
        'duplicate_choice',
        (b) => {
          const q = b.sections[0]!.questions.find((x) => x.letter === 'w')!;
          q.choices = [q.choices![0]!, q.choices![0]!];
        },
      ],
      ['choices_not_expected', (b) => (b.sections[0]!.questions[0]!.choices = [{ id: 'a', label: { fr: 'A' } }])],
      ['unit_not_expected', (b) => (b.sections[0]!.questions[0]!.unit = { fr: 'USD' })],
      ['bad_kind', (b) => (b.sections[0]!.questions[0]!.kind = 'essay')],
      ['bad_id', (b) => (b.sections[0]!.questions[0]!.letter = 'A b')],
      ['too_long', (b) => (b.sections[0]!.questions[0]!.text = { fr: 'x'.repeat(4001) })],
    ];
    for (const [reason, spoil] of cases) {
      const body = versionBody(copy);
      spoil(body);
      const response = await call(secretariat(), 'PUT', versionPath(), body);
      expect(response.statusCode, reason).toBe(422);
      expect(response.json(), reason).toMatchObject({ code: 'questionnaire.invalid', details: { reason } });
    }
    const stored = (
      await call(secretariat(), 'GET', `/api/v1/questionnaires/arab-2021?version=${copy.version}`)
    ).json();
    expect(JSON.stringify(stored.sections)).toBe(before);
  });

  it('refuses the shipped version (409), another region’s secretariat and a focal point (404)', async () => {
    const shipped = await call(secretariat(), 'PUT', '/api/v1/questionnaires/arab-2021/versions/1', versionBody(copy));
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json().code).toBe('questionnaire.shipped');
    for (const who of [africa, world.as('focal')]) {
      const response = await call(who, 'PUT', versionPath(), versionBody(copy));
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('questionnaire.not_found');
    }
    expect((await call({}, 'PUT', versionPath(), versionBody(copy))).statusCode).toBe(401);
  });
});

describe('official wording', () => {
  it('marks a language official on the version, every section and every question', async () => {
    // What processes keeping the version in memory compare (migration 039): raised by every write.
    const edition = async () =>
      (
        await db()
          .selectFrom('questionnaire')
          .select('edition')
          .where('id', '=', 'arab-2021')
          .where('version', '=', copy.version)
          .executeTakeFirstOrThrow()
      ).edition;
    const before = await edition();
    const response = await call(secretariat(), 'PUT', `${versionPath()}/wording/ar`, { status: 'official' });
    expect(response.statusCode, response.body).toBe(200);
    expect(await edition()).toBeGreaterThan(before);
    const marked = await edition();
    // Marking it again changes nothing, and leaves the edition as it was.
    expect((await call(secretariat(), 'PUT', `${versionPath()}/wording/ar`, { status: 'official' })).statusCode).toBe(
      200,
    );
    expect(await edition()).toBe(marked);
    const saved = response.json();
    expect(saved.wordingStatus.ar).toBe('official');
    const statuses = saved.sections.flatMap((s: StoredQuestionnaire['sections'][number] & { titleStatus: object }) => [
      s.titleStatus,
      ...s.questions.map((q) => (q as unknown as { textStatus: object }).textStatus),
    ]);
    expect(statuses.every((s: { ar?: string }) => s.ar === 'official')).toBe(true);
    // A question added afterwards takes the version's status.
    const body = versionBody(saved);
    body.sections[1]!.questions.push({
      letter: 'q',
      text: { ar: 'سؤال جديد' },
      guidance: null,
      kind: 'text',
      choices: null,
      unit: null,
    });
    const edited = (await call(secretariat(), 'PUT', versionPath(), body)).json();
    expect(edited.sections[1].questions.at(-1).textStatus.ar).toBe('official');
    const shipped = (await call({}, 'GET', '/api/v1/questionnaires/arab-2021?version=1')).json();
    expect(shipped.sections[0].questions[0].textStatus.ar).toBe('unofficial');
    copy = edited;
  });
});

describe('mapping', () => {
  it('maps by id by default, and says how answers follow once split, merged or without successor', async () => {
    const path = `${versionPath()}/mapping`;
    const initial = (await call(secretariat(), 'GET', path)).json();
    expect(initial).toMatchObject({
      from: { id: 'arab-2021', version: 1 },
      to: { version: copy.version },
      stored: false,
    });
    expect(initial.questions.every((q: { follows: string }) => q.follows === 'same')).toBe(true);
    expect(initial.newQuestions).toEqual(expect.arrayContaining(['I.w', 'VI.a']));
    const rows = [
      { from: 'I.a', to: 'I.a' },
      { from: 'I.a', to: 'I.w' },
      { from: 'I.b', to: 'I.c' },
      { from: 'I.d', to: null },
    ];
    const saved = await call(secretariat(), 'PUT', path, { rows });
    expect(saved.statusCode, saved.body).toBe(200);
    const follows = Object.fromEntries(
      saved.json().questions.map((q: { question: string; follows: string }) => [q.question, q.follows]),
    );
    expect(follows).toMatchObject({ 'I.a': 'split', 'I.b': 'merge', 'I.c': 'merge', 'I.d': 'none', 'II.a': 'same' });
    expect((await call(secretariat(), 'GET', path)).json().rows).toHaveLength(4);
    const bad = await call(secretariat(), 'PUT', path, { rows: [{ from: 'I.a', to: 'IX.z' }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'questionnaire.invalid_mapping', details: { reason: 'unknown_to' } });
    expect((await call(secretariat(), 'GET', path)).json().rows).toHaveLength(4);
    const self = await call(secretariat(), 'GET', `${path}?from=arab-2021@${copy.version}`);
    expect(self.json().details.reason).toBe('same_version');
    expect((await call(africa, 'PUT', path, { rows })).statusCode).toBe(404);
  });
});

describe('a frozen version', () => {
  it('cannot be edited, marked or mapped once a cycle using it has an answer', async () => {
    const cycle = {
      id: 'arab-2030',
      region: 'arab',
      questionnaire: 'arab-2021',
      questionnaireVersion: copy.version,
      opensOn: '2030-01-01',
      dueOn: '2030-12-31',
      countries: ['TUN'],
    };
    expect((await call(secretariat(), 'POST', '/api/v1/cycles', cycle)).statusCode).toBe(201);
    expect((await call(secretariat(), 'POST', '/api/v1/cycles/arab-2030/state', { to: 'open' })).statusCode).toBe(200);
    const review = { country: 'TUN', cycle: 'arab-2030', language: 'fr' };
    expect((await call(world.as('focalTun'), 'POST', '/api/v1/reviews', review)).statusCode).toBe(201);
    // A review without an answer does not freeze the version yet; what the secretariat changes
    // reaches the review's workspace at once, though the server had the version in hand.
    const workspace = async () =>
      (await call(world.as('focalTun'), 'GET', '/api/v1/reviews/TUN/arab-2030/workspace')).json() as {
        sections: { questions: { id: string }[] }[];
      };
    const asked = async () => (await workspace()).sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(await asked()).not.toContain('I.u');
    const body = versionBody(copy);
    body.sections[0]!.questions.push({
      letter: 'u',
      text: label('Une question de plus ?', 'One more question?', 'سؤال إضافي؟'),
      guidance: null,
      kind: 'text',
      choices: null,
      unit: null,
    });
    expect((await call(secretariat(), 'PUT', versionPath(), body)).statusCode).toBe(200);
    expect(await asked()).toContain('I.u');
    const removed = await call(secretariat(), 'PUT', versionPath(), versionBody(copy));
    expect(removed.statusCode).toBe(200);
    expect(await asked()).not.toContain('I.u');
    const answer = await call(world.as('focalTun'), 'PUT', '/api/v1/reviews/TUN/arab-2030/answers/I.w', {
      blocks: [{ type: 'paragraph', text: 'Oui, depuis 2022.' }],
      baseRevision: 0,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const listed = (await call(secretariat(), 'GET', '/api/v1/questionnaires')).json().versions;
    expect(
      listed.find((v: { version: number; id: string }) => v.id === 'arab-2021' && v.version === copy.version),
    ).toMatchObject({
      frozen: true,
      editable: false,
      cycles: [{ id: 'arab-2030', state: 'open' }],
    });
    const edits = await auditCount('questionnaire.edit');
    for (const [method, path, body] of [
      ['PUT', versionPath(), versionBody(copy)],
      ['PUT', `${versionPath()}/wording/en`, { status: 'official' }],
      ['PUT', `${versionPath()}/mapping`, { rows: [] }],
    ] as const) {
      const response = await call(secretariat(), method, path, body);
      expect(response.statusCode, path).toBe(409);
      expect(response.json().code).toBe('questionnaire.frozen');
    }
    expect(await auditCount('questionnaire.edit')).toBe(edits);
    // Copying it is how it changes.
    const next = await call(secretariat(), 'POST', '/api/v1/questionnaires/arab-2021/versions', { from: copy.version });
    expect(next.json()).toMatchObject({ version: copy.version + 1, basedOn: copy.version });
  });
});
