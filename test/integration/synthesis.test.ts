import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { generateDemoRegion } from '../../src/services/generate-demo-region.js';
import { addPerson } from '../support/personas.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The regional synthesis's document (issue 14, item 1) on a generated region: created by the
 * region's secretariat in a language, editions linked as translations, every save a revision,
 * a save from a stale base refused with the current text, a document the schema does not hold
 * refused with where, in the reader's language; translators read, nobody else sees the cycle.
 */
let t: TestStorage;
let app: FastifyInstance;
const who: Record<string, Record<string, string>> = {};
const CYCLE = 'sy-1';
const SYNTHESES = `/api/v1/cycles/${CYCLE}/syntheses`;
const db = () => t.storage.db;

async function call(as: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, lang = 'fr') {
  const response = await app.inject({
    method,
    url: `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`,
    headers: as ? who[as] : {},
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

const doc = (...content: object[]) => ({ type: 'doc', content });
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  const demo = await generateDemoRegion(db(), { id: 'sy', countries: 4, submitted: 2, cycles: 1 });
  await generateDemoRegion(db(), { id: 'sy-other', countries: 1, submitted: 0, cycles: 1 });
  const people = {
    secretariat: { role: 'secretariat', region: 'sy' },
    colleague: { role: 'secretariat', region: 'sy' },
    translator: { role: 'translator', region: 'sy' },
    otherSecretariat: { role: 'secretariat', region: 'sy-other' },
    focal: { role: 'focal_point', country: demo.countries[0]!.code },
  } as const;
  for (const [name, grant] of Object.entries(people)) {
    who[name] = { authorization: `Bearer ${await addPerson(db(), app, `${name}@sy.example.org`, grant)}` };
  }
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe(`the regional synthesis (${ENGINE})`, () => {
  let fr: number;

  it('is created by the region’s secretariat, editions linked as translations of each other', async () => {
    const created = await call('secretariat', 'POST', SYNTHESES, { language: 'fr', title: '  Travailler   ensemble ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      cycle: CYCLE,
      language: 'fr',
      title: 'Travailler ensemble',
      translationOf: null,
      state: 'draft',
      revision: 0,
      createdBy: 'secretariat@sy.example.org',
    });
    fr = created.body.id as number;
    const ar = await call('secretariat', 'POST', SYNTHESES, { language: 'ar', title: 'العمل معا', translationOf: fr });
    expect(ar.status).toBe(201);
    const sameLanguage = await call('secretariat', 'POST', SYNTHESES, {
      language: 'fr',
      title: 'x',
      translationOf: fr,
    });
    expect([sameLanguage.status, sameLanguage.body.code]).toEqual([422, 'synthesis.invalid_translation']);
    const untitled = await call('secretariat', 'POST', SYNTHESES, { language: 'en', title: '   ' });
    expect([untitled.status, untitled.body.code]).toEqual([422, 'synthesis.invalid_title']);

    const read = await call('translator', 'GET', `${SYNTHESES}/${fr}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ document: { type: 'doc', content: [] }, savedBy: null, citations: [] });
    expect((read.body.editions as { id: number; language: string }[]).map((e) => [e.id, e.language])).toEqual([
      [ar.body.id, 'ar'],
    ]);
    const list = await call('translator', 'GET', SYNTHESES);
    expect((list.body.syntheses as { title: string }[]).map((s) => s.title)).toEqual([
      'Travailler ensemble',
      'العمل معا',
    ]);
  });

  it('is read by the region’s translators, written by its secretariat only, and unknown to anyone else', async () => {
    const save = { document: doc(paragraph('x')), baseRevision: 0 };
    const translator = await call('translator', 'PUT', `${SYNTHESES}/${fr}`, save);
    expect([translator.status, translator.body.code]).toEqual([403, 'auth.forbidden']);
    for (const outsider of ['otherSecretariat', 'focal']) {
      for (const [method, url] of [
        ['GET', SYNTHESES],
        ['GET', `${SYNTHESES}/${fr}`],
        ['PUT', `${SYNTHESES}/${fr}`],
      ] as const) {
        const answer = await call(outsider, method, url, method === 'PUT' ? save : undefined);
        expect([answer.status, answer.body.code], `${outsider} ${method} ${url}`).toEqual([404, 'cycle.not_found']);
      }
    }
    expect((await call(null, 'GET', SYNTHESES)).status).toBe(401);
    const missing = await call('secretariat', 'GET', `${SYNTHESES}/999999`);
    expect([missing.status, missing.body.code]).toEqual([404, 'synthesis.not_found']);
    expect((await call('secretariat', 'GET', `${SYNTHESES}/${fr}`)).body).toMatchObject({ synthesis: { revision: 0 } });
  });

  it('keeps every save as a revision, and refuses a stale save with the current text', async () => {
    const first = doc(
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Tendances' }] },
      paragraph('Sept pays ont créé un mécanisme de coordination.'),
      { type: 'figure', attrs: { code: 'I.a', group: null } },
    );
    const saved = await call('secretariat', 'PUT', `${SYNTHESES}/${fr}`, { document: first, baseRevision: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ synthesis: { revision: 1, updatedBy: 'secretariat@sy.example.org' } });
    // A colleague who opened revision 0 saves in between: refused, with what is there now.
    const stale = await call('colleague', 'PUT', `${SYNTHESES}/${fr}`, {
      document: doc(paragraph('Autre texte.')),
      baseRevision: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'synthesis.edit_conflict',
      details: { currentRevision: 1, baseRevision: 0, author: 'secretariat@sy.example.org' },
    });
    expect((stale.body.details as { document: unknown }).document).toEqual(saved.body.document);
    const second = await call('colleague', 'PUT', `${SYNTHESES}/${fr}`, {
      document: doc(paragraph('Autre texte.')),
      baseRevision: 1,
      title: 'Travailler ensemble pour le Pacte',
    });
    expect(second.body).toMatchObject({ synthesis: { revision: 2, title: 'Travailler ensemble pour le Pacte' } });
    const revisions = await call('translator', 'GET', `${SYNTHESES}/${fr}/revisions`);
    expect(
      (revisions.body.revisions as { revision: number; author: string }[]).map((r) => [r.revision, r.author]),
    ).toEqual([
      [2, 'colleague@sy.example.org'],
      [1, 'secretariat@sy.example.org'],
    ]);
    const read = await call('secretariat', 'GET', `${SYNTHESES}/${fr}`);
    expect(read.body).toMatchObject({ document: doc(paragraph('Autre texte.')), savedBy: 'colleague@sy.example.org' });
  });

  it('refuses a document its schema does not hold, saying where, in French and in Arabic, and writes nothing', async () => {
    const bad = doc(paragraph('Bien.'), { type: 'paragraph', content: [{ type: 'image', attrs: { src: 'x.png' } }] });
    const french = await call('secretariat', 'PUT', `${SYNTHESES}/${fr}`, { document: bad, baseRevision: 2 });
    expect(french.status).toBe(422);
    expect(french.body).toMatchObject({
      code: 'synthesis.invalid_document',
      details: { path: 'content[1].content[0]', reason: 'unknown_node' },
    });
    expect(french.body.message).toBe(
      "Le document de la synthèse n'est pas valide à content[1].content[0] (unknown_node).",
    );
    const deep = doc({ type: 'heading', attrs: { level: 5 }, content: [{ type: 'text', text: 'x' }] });
    const arabic = await call('secretariat', 'PUT', `${SYNTHESES}/${fr}`, { document: deep, baseRevision: 2 }, 'ar');
    expect([arabic.status, arabic.body.code]).toEqual([422, 'synthesis.invalid_document']);
    expect(arabic.body.message).toBe('مستند الخلاصة غير صالح في الموضع content[0].attrs.level (invalid_attrs).');
    const citing = doc({
      type: 'paragraph',
      content: [{ type: 'text', text: 'x', marks: [{ type: 'citation', attrs: { citations: [424242] } }] }],
    });
    const unknown = await call('secretariat', 'PUT', `${SYNTHESES}/${fr}`, { document: citing, baseRevision: 2 });
    expect([unknown.status, unknown.body.code, unknown.body.details]).toEqual([
      422,
      'synthesis.unknown_citation',
      { citation: 424242 },
    ]);
    expect((await call('secretariat', 'GET', `${SYNTHESES}/${fr}`)).body).toMatchObject({
      synthesis: { revision: 2 },
      document: doc(paragraph('Autre texte.')),
    });
  });

  it('audits creations and saves', async () => {
    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'actor'])
      .where('action', 'like', 'synthesis.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'synthesis.create',
      'synthesis.create',
      'synthesis.edit',
      'synthesis.edit',
    ]);
  });
});
