import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { generateDemoRegion, type DemoRegion } from '../../src/services/generate-demo-region.js';
import { moveAnswer } from '../../src/services/move-answer.js';
import { moveReview } from '../../src/services/move-review.js';
import { returnSubmission } from '../../src/services/return-submission.js';
import { saveAnswer } from '../../src/services/save-answer.js';
import { addPerson } from '../support/personas.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Human translations of submitted answers (issue 13, item 2) on a generated region: the region's
 * secretariat and translators write them, nobody else; each change is a revision, none lost; a
 * translation is outdated once the country resubmits a different answer, not when it resubmits
 * the same; machine translation only says so; audited; refusals in the reader's language.
 */
let t: TestStorage;
let app: FastifyInstance;
let demo: DemoRegion;
const who: Record<string, Record<string, string>> = {};
const CYCLE = 'tr-1';
const db = () => t.storage.db;
const QUESTION = 'I.a';
const OTHER_QUESTION = 'I.b';
const paragraph = (text: string) => [{ type: 'paragraph', text }];

/** A submitted country answering in `language`. */
const countryIn = (language: string) =>
  demo.countries.find((c) => c.review === 'submitted' && c.language === language)!;
const base = (country: string, number = 1) => `/api/v1/reviews/${country}/${CYCLE}/submissions/${number}`;
const translationUrl = (country: string, language: string, question = QUESTION, number = 1) =>
  `${base(country, number)}/answers/${question}/translations/${language}`;

async function call(as: string | null, method: 'GET' | 'PUT', url: string, payload?: object, lang = 'fr') {
  const response = await app.inject({
    method,
    url: `${url}?lang=${lang}`,
    headers: as ? who[as] : {},
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

async function put(as: string, url: string, payload: object, status = 200) {
  const response = await call(as, 'PUT', url, payload);
  expect(response.status, `${as} PUT ${url}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

async function list(as: string, country: string, number = 1) {
  const response = await call(as, 'GET', `${base(country, number)}/translations`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { translations: Record<string, unknown>[]; answerLanguage: string; languages: string[] };
}

/** The country takes its returned review, changes (or not) one answer, and submits it again. */
async function resubmit(country: string, number: number, change?: string) {
  const actor = operator('demo');
  const target = { country, cycle: CYCLE };
  await returnSubmission(db(), actor, { ...target, number }, { reason: 'À revoir.' });
  if (change !== undefined) {
    const q = { ...target, questionId: QUESTION };
    await moveAnswer(db(), actor, q, { to: 'drafting', comment: 'Une précision.' });
    const row = await db()
      .selectFrom('answer')
      .innerJoin('review', 'review.id', 'answer.review_id')
      .select('answer.revision')
      .where('review.country_code', '=', country)
      .where('answer.question_id', '=', QUESTION)
      .executeTakeFirstOrThrow();
    const blocks = change === '' ? [] : paragraph(change);
    await saveAnswer(db(), actor, q, { blocks: blocks as never, baseRevision: row.revision });
    await moveAnswer(db(), actor, q, { to: 'in_review' });
    await moveAnswer(db(), actor, q, { to: 'approved' });
  }
  await moveReview(db(), actor, target, { to: 'validated' });
  await moveReview(db(), actor, target, { to: 'submitted' });
}

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  demo = await generateDemoRegion(db(), { id: 'tr', countries: 6, submitted: 4, cycles: 1 });
  await generateDemoRegion(db(), { id: 'tr-other', countries: 1, submitted: 0, cycles: 1 });
  const people = {
    secretariat: { role: 'secretariat', region: 'tr' },
    translator: { role: 'translator', region: 'tr' },
    otherTranslator: { role: 'translator', region: 'tr-other' },
    otherSecretariat: { role: 'secretariat', region: 'tr-other' },
    focal: { role: 'focal_point', country: countryIn('ar').code },
  } as const;
  for (const [name, grant] of Object.entries(people)) {
    who[name] = { authorization: `Bearer ${await addPerson(db(), app, `${name}@tr.example.org`, grant)}` };
  }
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe(`translations of submitted answers (${ENGINE})`, () => {
  it('are written by the secretariat and by a translator of the region, and read with the submission', async () => {
    const ar = countryIn('ar').code;
    const first = await put('translator', translationUrl(ar, 'fr'), { blocks: paragraph('  Une   traduction. ') });
    expect(first).toMatchObject({
      submission: 1,
      questionId: QUESTION,
      language: 'fr',
      revision: 1,
      blocks: paragraph('Une traduction.'),
      translator: 'translator@tr.example.org',
      machine: false,
      machineNote: null,
      outdated: false,
    });
    await put('secretariat', translationUrl(ar, 'en'), { blocks: paragraph('A translation.'), baseRevision: 0 });
    const read = await list('translator', ar);
    expect(read.answerLanguage).toBe('ar');
    expect(read.languages).toEqual(['fr', 'en', 'ar']);
    expect(read.translations.map((x) => [x.language, x.revision, x.translator])).toEqual([
      ['en', 1, 'secretariat@tr.example.org'],
      ['fr', 1, 'translator@tr.example.org'],
    ]);
    // The country's own team reads how its answers were translated, but does not write them.
    expect((await list('focal', ar)).translations).toHaveLength(2);
  });

  it('refuses outsiders (404), the country’s own people (403) and anyone signed out', async () => {
    const ar = countryIn('ar').code;
    const payload = { blocks: paragraph('Texte.') };
    const other = await call('otherTranslator', 'PUT', translationUrl(ar, 'fr'), payload);
    expect(other).toMatchObject({ status: 404, body: { code: 'review.not_found' } });
    expect((await call('otherTranslator', 'GET', `${base(ar)}/translations`)).status).toBe(404);
    expect(await call('focal', 'PUT', translationUrl(ar, 'en'), payload)).toMatchObject({
      status: 403,
      body: { code: 'auth.forbidden' },
    });
    expect((await call(null, 'PUT', translationUrl(ar, 'fr'), payload)).status).toBe(404);
    expect((await call(null, 'GET', `${base(ar)}/translations`)).status).toBe(404);
    // A translator reads submissions but does not act on them as the secretariat does.
    expect((await call('translator', 'GET', base(ar))).status).toBe(200);
    const ack = await app.inject({ method: 'POST', url: `${base(ar)}/acknowledgement`, headers: who.translator });
    expect(ack.statusCode).toBe(403);
    // Nor does it manage cycles or remind countries.
    const remind = await app.inject({
      method: 'POST',
      url: `/api/v1/cycles/${CYCLE}/reminders`,
      headers: who.translator,
      payload: { late: true },
    });
    expect([403, 404]).toContain(remind.statusCode);
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/v1/cycles/${CYCLE}`,
      headers: who.translator,
      payload: { dueOn: '2030-01-01' },
    });
    expect([403, 404]).toContain(edit.statusCode);
  });

  it('a translator reads the answers submitted, not the exchange between the country and the secretariat', async () => {
    const fr = countryIn('fr').code;
    const comment = await app.inject({
      method: 'POST',
      url: `${base(fr)}/comments`,
      headers: who.secretariat,
      payload: { body: 'Merci, la section II est à compléter.' },
    });
    expect(comment.statusCode, comment.body).toBe(201);
    const read = async (as: string, url: string) => {
      const response = await app.inject({ method: 'GET', url, headers: who[as] });
      return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
    };
    type Submission = { note: string | null; events: { kind: string; text: string | null }[]; review: object };
    const bySecretariat = (await read('secretariat', base(fr))).body as unknown as Submission;
    expect(bySecretariat.events.map((e) => [e.kind, e.text])).toContainEqual([
      'comment',
      'Merci, la section II est à compléter.',
    ]);
    const byTranslator = await read('translator', base(fr));
    expect(byTranslator.status).toBe(200);
    const submission = byTranslator.body as unknown as Submission;
    // The answers as sent, the events' kinds; no note, comment or reason.
    expect(submission.review).toEqual(bySecretariat.review);
    expect(submission.note).toBeNull();
    expect(submission.events.map((e) => [e.kind, e.text])).toContainEqual(['comment', null]);
    const listed = (await read('translator', `/api/v1/reviews/${fr}/${CYCLE}/submissions`)).body as {
      submissions: { note: string | null; returned: { reason: string | null } | null }[];
    };
    expect(listed.submissions.every((s) => s.note === null && (s.returned?.reason ?? null) === null)).toBe(true);
    // Nor the cycle's tracking and list of submissions, which the secretariat follows.
    for (const url of [`/api/v1/cycles/${CYCLE}/tracking`, `/api/v1/cycles/${CYCLE}/submissions`]) {
      expect(await read('translator', url)).toMatchObject({ status: 403, body: { code: 'auth.forbidden' } });
      expect((await read('secretariat', url)).status).toBe(200);
    }
  });

  it('refuses the answer’s own language, an unknown question, an unanswered one, too much text', async () => {
    const fr = countryIn('fr').code;
    const same = await call('translator', 'PUT', translationUrl(fr, 'fr'), { blocks: paragraph('x') });
    expect(same).toMatchObject({ status: 422, body: { code: 'translation.same_language' } });
    const sameAr = await call('translator', 'PUT', translationUrl(fr, 'fr'), { blocks: paragraph('x') }, 'ar');
    expect(sameAr.body.message).toMatch(/[\u0600-\u06ff]/u);
    expect(sameAr.body.message).toContain('I.a');
    const unknown = await call('translator', 'PUT', translationUrl(fr, 'en', 'Z.z'), { blocks: paragraph('x') });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'question.not_found' } });
    // The returned country's submission 1: answered; a partial country never submitted (404).
    const partial = demo.countries.find((c) => c.review === 'partial')!.code;
    expect((await call('translator', 'PUT', translationUrl(partial, 'en'), { blocks: paragraph('x') })).status).toBe(
      404,
    );
    const huge = paragraph('x'.repeat(200_001));
    const tooLarge = await call('translator', 'PUT', translationUrl(fr, 'en'), { blocks: huge });
    expect(tooLarge).toMatchObject({ status: 422, body: { code: 'blocks.too_large' } });
    const empty = await call('translator', 'PUT', translationUrl(fr, 'en'), { blocks: paragraph('   ') });
    expect(empty).toMatchObject({ status: 422, body: { code: 'translation.empty' } });
    expect((await list('translator', fr)).translations).toHaveLength(0);
  });

  it('refuses a question the submission leaves unanswered', async () => {
    // The second French country takes its review back and submits it with I.a emptied.
    const fr = demo.countries.filter((c) => c.review === 'submitted' && c.language === 'fr')[1]!.code;
    await resubmit(fr, 1, '');
    const refused = await call('translator', 'PUT', translationUrl(fr, 'en', QUESTION, 2), { blocks: paragraph('x') });
    expect(refused).toMatchObject({ status: 422, body: { code: 'translation.no_answer' } });
    // Its first submission answered it: that one is translated.
    await put('translator', translationUrl(fr, 'en', QUESTION, 1), { blocks: paragraph('An answer.') });
  });

  it('keeps every revision when a translation is edited, and refuses a stale base', async () => {
    const en = countryIn('en').code;
    await put('translator', translationUrl(en, 'ar'), { blocks: paragraph('ترجمة أولى.'), baseRevision: 0 });
    const second = await put('secretariat', translationUrl(en, 'ar'), {
      blocks: paragraph('ترجمة ثانية.'),
      baseRevision: 1,
    });
    expect(second).toMatchObject({ revision: 2, translator: 'secretariat@tr.example.org' });
    expect(second.createdAt).not.toBe(undefined);
    // The same text again is no new revision.
    expect(await put('secretariat', translationUrl(en, 'ar'), { blocks: paragraph('ترجمة ثانية.') })).toMatchObject({
      revision: 2,
    });
    const stale = await call('translator', 'PUT', translationUrl(en, 'ar'), {
      blocks: paragraph('x'),
      baseRevision: 1,
    });
    expect(stale).toMatchObject({ status: 409, body: { code: 'translation.edit_conflict' } });
    const rows = await db()
      .selectFrom('answer_translation')
      .select(['revision', 'blocks', 'translator'])
      .where('language', '=', 'ar')
      .where('question_id', '=', QUESTION)
      .orderBy('revision')
      .execute();
    expect(rows.map((r) => [r.revision, r.blocks[0]])).toEqual([
      [1, paragraph('ترجمة أولى.')[0]],
      [2, paragraph('ترجمة ثانية.')[0]],
    ]);
    const audit = await db()
      .selectFrom('audit_event')
      .select(['actor', 'country', 'cycle', 'question_id', 'details'])
      .where('action', '=', 'translation.save')
      .where('country', '=', en)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        actor: 'translator@tr.example.org',
        country: en,
        cycle: CYCLE,
        question_id: QUESTION,
        details: { submission: 1, language: 'ar', revision: 1, machine: false },
      },
      {
        actor: 'secretariat@tr.example.org',
        country: en,
        cycle: CYCLE,
        question_id: QUESTION,
        details: { submission: 1, language: 'ar', revision: 2, machine: false },
      },
    ]);
  });

  it('says a machine translation, and only with the system named', async () => {
    const en = countryIn('en').code;
    const url = translationUrl(en, 'fr', OTHER_QUESTION);
    const bare = await call('translator', 'PUT', url, { blocks: paragraph('Texte.'), machine: true });
    expect(bare).toMatchObject({ status: 422, body: { code: 'translation.machine_note_required' } });
    const blank = await call('translator', 'PUT', url, {
      blocks: paragraph('Texte.'),
      machine: true,
      machineNote: ' ',
    });
    expect(blank.status).toBe(422);
    const saved = await put('translator', url, {
      blocks: paragraph('Texte.'),
      machine: true,
      machineNote: 'Système X',
    });
    expect(saved).toMatchObject({ machine: true, machineNote: 'Système X' });
    // Not machine-translated: no note kept.
    const human = await put('translator', url, { blocks: paragraph('Texte.'), machineNote: 'ignored' });
    expect(human).toMatchObject({ machine: false, machineNote: null, revision: 2 });
  });

  it('is outdated once the country resubmits a changed answer, not when it resubmits the same', async () => {
    const [changed, same] = demo.countries.filter((c) => c.review === 'submitted' && c.language !== 'fr').slice(0, 2);
    for (const c of [changed!, same!]) {
      await put('translator', translationUrl(c.code, 'fr'), { blocks: paragraph('Traduction de la première.') });
    }
    await resubmit(changed!.code, 1, 'A changed answer.');
    await resubmit(same!.code, 1);
    const ofChanged = (await list('translator', changed!.code, 2)).translations.find(
      (x) => x.language === 'fr' && x.questionId === QUESTION,
    );
    expect(ofChanged).toMatchObject({ submission: 1, outdated: true, latest: 2 });
    // Read on submission 1 too: the answer changed since.
    expect(
      (await list('translator', changed!.code, 1)).translations.find(
        (x) => x.language === 'fr' && x.questionId === QUESTION,
      ),
    ).toMatchObject({ outdated: true });
    const ofSame = (await list('translator', same!.code, 2)).translations.find(
      (x) => x.language === 'fr' && x.questionId === QUESTION,
    );
    expect(ofSame).toMatchObject({ submission: 1, outdated: false, latest: 2 });
    // A translation of submission 2 replaces it there, and is current.
    const fresh = await put('translator', translationUrl(changed!.code, 'fr', QUESTION, 2), {
      blocks: paragraph('Une réponse changée.'),
    });
    expect(fresh).toMatchObject({ submission: 2, revision: 1, outdated: false });
    expect(
      (await list('translator', changed!.code, 2)).translations.find(
        (x) => x.language === 'fr' && x.questionId === QUESTION,
      ),
    ).toMatchObject({ submission: 2, outdated: false });
  });

  it('is invited by the region’s secretariat only, and listed among its people', async () => {
    const invite = (as: string, email: string, region: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/invitations',
        headers: who[as],
        payload: { email, role: 'translator', region },
      });
    const made = await invite('secretariat', 'new.translator@tr.example.org', 'tr');
    expect(made.statusCode, made.body).toBe(201);
    expect((await invite('otherSecretariat', 'x@tr.example.org', 'tr')).statusCode).toBe(403);
    expect((await invite('translator', 'y@tr.example.org', 'tr')).statusCode).toBe(403);
    expect((await invite('focal', 'z@tr.example.org', 'tr')).statusCode).toBe(403);
    const pending = await app.inject({ method: 'GET', url: '/api/v1/invitations', headers: who.secretariat });
    expect(pending.body).toContain('new.translator@tr.example.org');
    const people = await app.inject({ method: 'GET', url: '/api/v1/people', headers: who.secretariat });
    const listed = people.json<{ people: { email: string; grants: { role: string; region: string | null }[] }[] }>();
    expect(listed.people.find((p) => p.email === 'translator@tr.example.org')?.grants).toEqual([
      expect.objectContaining({ role: 'translator', region: 'tr' }),
    ]);
    const theirs = await app.inject({ method: 'GET', url: '/api/v1/people', headers: who.otherSecretariat });
    expect(theirs.body).not.toContain('translator@tr.example.org');
  });

  it('lists what is left to translate for a translator of the region only', async () => {
    const work = await app.inject({ method: 'GET', url: '/api/v1/translations/work', headers: who.translator });
    expect(work.statusCode, work.body).toBe(200);
    const rows = work.json<{ work: { country: string; missing: { language: string; questions: number }[] }[] }>().work;
    const ar = rows.find((r) => r.country === countryIn('ar').code)!;
    // The Arabic country resubmitted a changed I.a: its French translation was made again on
    // submission 2; its English one, of submission 1, is outdated and so counts as missing.
    const answered = (ar as unknown as { answered: number }).answered;
    expect(answered).toBeGreaterThan(1);
    expect(ar.missing).toEqual([
      { language: 'fr', questions: answered - 1 },
      { language: 'en', questions: answered },
    ]);
    // The English country (resubmitted unchanged) has I.a in Arabic, I.a and I.b in French.
    const en = rows.find((r) => r.country === countryIn('en').code)!;
    expect(en.missing).toEqual([
      { language: 'fr', questions: answered - 2 },
      { language: 'ar', questions: answered - 1 },
    ]);
    expect(rows.map((r) => r.country).sort()).toEqual(
      demo.countries
        .filter((c) => c.review === 'submitted' || c.review === 'returned')
        .map((c) => c.code)
        .sort(),
    );
    const other = await app.inject({ method: 'GET', url: '/api/v1/translations/work', headers: who.otherTranslator });
    // Its own region's one country (returned after its submission), none of this region's.
    const theirs = other.json<{ work: { country: string }[] }>().work.map((r) => r.country);
    expect(theirs).toHaveLength(1);
    expect(theirs.filter((c) => demo.countries.some((d) => d.code === c))).toEqual([]);
    const focal = await app.inject({ method: 'GET', url: '/api/v1/translations/work', headers: who.focal });
    expect(focal.json()).toEqual({ work: [] });
  });
});
