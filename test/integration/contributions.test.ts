import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import type { EntityCategory } from '../../src/domain/entities.js';
import { operator, type Actor } from '../../src/domain/permissions.js';
import type { ReviewStatus } from '../../src/domain/workflow.js';
import { buildServer } from '../../src/http/server.js';
import { actorOfSession } from '../../src/services/actor-of-session.js';
import { importReview } from '../../src/services/import-review.js';
import { listContributions } from '../../src/services/list-contributions.js';
import { openReview } from '../../src/services/review-access.js';
import { createUser, multipart, signInToken } from '../support/accounts.js';
import { seedBytes } from '../support/pacte.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Contributions and inputs end to end, over the API: a contributor drafts its entity's
 * contribution (only on assigned questions, never another entity's), conflicts on a stale
 * base, submits (the focal point is notified), attaches evidence read by content; a
 * stakeholder gives inputs during the consultation and sees the focal point's response; the
 * focal point merges contributions into the answer, and a refused merge writes nothing.
 */
let t: TestStorage;
let app: FastifyInstance;

const PASSWORD = 'correct horse battery staple';
const EVIDENCE_LIMIT = 4096;
const REVIEW = '/api/v1/reviews/MAR/arab-2021';
const Q = 'I.a'; // assigned to ministries A and B
const Q_UNASSIGNED = 'I.b';
const Q_MERGE = 'II.a'; // assigned to A and B, for the merge tests

const users = {
  focal: 'focal@mar.example.org',
  validator: 'validator@mar.example.org',
  contributorA: 'contributor.a@mar.example.org',
  contributorB: 'contributor.b@mar.example.org',
  stakeholder: 'stakeholder@mar.example.org',
  focalTun: 'focal@tun.example.org',
} as const;
type Who = keyof typeof users;
const tokens = {} as Record<Who, string>;
const entities = { a: 0, b: 0, ngo: 0 };

beforeAll(async () => {
  t = await openTestStorage();
  const db = t.storage.db;
  await importReview(db, {
    bytes: seedBytes(),
    file: 'morocco.txt',
    country: 'MAR',
    cycle: 'arab-2021',
    dryRun: false,
    actor: operator('test'),
  });
  const review = await db.selectFrom('review').select('id').where('country_code', '=', 'MAR').executeTakeFirstOrThrow();
  // Entities are inserted directly: this file tests contributions, not entity management.
  const entity = async (name: string, category: EntityCategory) =>
    (
      await db
        .insertInto('entity')
        .values({ country_code: 'MAR', name, category })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  entities.a = await entity('Ministère A', 'government');
  entities.b = await entity('Ministère B', 'government');
  entities.ngo = await entity('Association des migrants', 'migrant_association');
  for (const question of [Q, Q_MERGE]) {
    for (const entityId of [entities.a, entities.b]) {
      await db
        .insertInto('assignment')
        .values({ review_id: review.id, question_id: question, entity_id: entityId, due_on: null, assigned_by: 'test' })
        .execute();
    }
  }
  await createUser(db, users.focal, PASSWORD, { role: 'focal_point', country: 'MAR' });
  await createUser(db, users.validator, PASSWORD, { role: 'validator', country: 'MAR' });
  await createUser(db, users.contributorA, PASSWORD, { role: 'contributor', country: 'MAR', entity: entities.a });
  await createUser(db, users.contributorB, PASSWORD, { role: 'contributor', country: 'MAR', entity: entities.b });
  await createUser(db, users.stakeholder, PASSWORD, { role: 'stakeholder', country: 'MAR', entity: entities.ngo });
  await createUser(db, users.focalTun, PASSWORD, { role: 'focal_point', country: 'TUN' });
  app = await buildServer({ storage: t.storage, logLevel: 'silent', evidenceMaxBytes: EVIDENCE_LIMIT });
  for (const who of Object.keys(users) as Who[]) tokens[who] = await signInToken(app, users[who], PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

const db = () => t.storage.db;
const auth = (who: Who) => ({ authorization: `Bearer ${tokens[who]}` });
const url = (question: string, entityId: number, rest = '') =>
  `${REVIEW}/answers/${question}/contributions/${entityId}${rest}`;
const paragraph = (text: string): Block => ({ type: 'paragraph', text });

/** A response body as the tests read it (its shape is what they check). */
interface Body {
  id: number;
  code: string;
  details: Record<string, unknown>;
  evidence: { id: number; url: string }[];
  [key: string]: unknown;
}

async function call(who: Who | null, method: 'GET' | 'PUT' | 'POST', path: string, payload?: unknown) {
  const response = await app.inject({
    method,
    url: path,
    headers: who ? auth(who) : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.json<Body>(), headers: response.headers };
}
const save = (who: Who, question: string, entityId: number, blocks: unknown, baseRevision: number) =>
  call(who, 'PUT', url(question, entityId), { blocks, baseRevision });
const submit = (who: Who, question: string, entityId: number) => call(who, 'POST', url(question, entityId, '/submit'));

async function setReviewStatus(status: ReviewStatus) {
  await db().updateTable('review').set({ status }).where('country_code', '=', 'MAR').execute();
}

async function contributionRow(question: string, entityId: number) {
  return db()
    .selectFrom('contribution')
    .selectAll()
    .where('question_id', '=', question)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
}

async function auditActions(action: string) {
  return db().selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute();
}

async function answerOf(question: string) {
  return db()
    .selectFrom('answer')
    .select(['revision', 'status', 'blocks'])
    .where('question_id', '=', question)
    .executeTakeFirst();
}

describe('a contributor drafts its entity contribution', () => {
  it('creates it from revision 0, with texts normalised, and reads it back with its entity', async () => {
    const created = await save(
      'contributorA',
      Q,
      entities.a,
      [paragraph('  Le ministère   a formé\n 120 agents. ')],
      0,
    );
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      revision: 1,
      status: 'draft',
      blocks: [paragraph('Le ministère a formé 120 agents.')],
    });

    const read = await call('contributorA', 'GET', url(Q, entities.a));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: created.body.id,
      questionId: Q,
      entity: { id: entities.a, name: 'Ministère A', category: 'government' },
      kind: 'contribution',
      status: 'draft',
      revision: 1,
      blocks: [paragraph('Le ministère a formé 120 agents.')],
      response: null,
      evidence: [],
      updatedBy: users.contributorA,
    });
    expect(new Date(String(read.body.updatedAt)).getTime()).not.toBeNaN();

    const next = await save('contributorA', Q, entities.a, [paragraph('Deuxième version.')], 1);
    expect(next.body).toMatchObject({ revision: 2, status: 'draft' });
    const audit = await auditActions('contribution.save');
    expect(audit.map((e) => [e.actor, e.question_id, e.details.revision])).toEqual([
      [users.contributorA, Q, 1],
      [users.contributorA, Q, 2],
    ]);
  });

  it('refuses blocks with a key the block shape does not have, and stores nothing', async () => {
    const before = await contributionRow(Q, entities.a);
    const response = await save('contributorA', Q, entities.a, [{ type: 'paragraph', text: 'x', style: 'bold' }], 2);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('request.invalid');
    expect(await contributionRow(Q, entities.a)).toEqual(before);
    const nested = [{ type: 'list', ordered: false, items: [{ text: 'a', blocks: [], level: 2 }] }];
    expect((await save('contributorA', Q, entities.a, nested, 2)).body.code).toBe('request.invalid');
    const extra = await call('contributorA', 'PUT', url(Q, entities.a), { blocks: [], baseRevision: 2, force: true });
    expect(extra.body.code).toBe('request.invalid');
    expect(await contributionRow(Q, entities.a)).toEqual(before);
  });

  it('answers a stale base revision with contribution.edit_conflict, the current text and its author', async () => {
    const response = await save('contributorA', Q, entities.a, [paragraph('Écrit sur une vieille version.')], 1);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('contribution.edit_conflict');
    expect(response.body.details).toEqual({
      currentRevision: 2,
      baseRevision: 1,
      blocks: [paragraph('Deuxième version.')],
      author: users.contributorA,
      // Names, not codes: the account has no display name, so people read its address.
      authorName: users.contributorA,
    });
    expect((await contributionRow(Q, entities.a))?.revision).toBe(2);
    // Creating again from 0 is a conflict too, never a second contribution.
    expect((await save('contributorA', Q, entities.a, [paragraph('Encore.')], 0)).status).toBe(409);
  });

  it('lets only one of two simultaneous saves from the same revision through', async () => {
    const question = 'I.c';
    const review = await db().selectFrom('review').select('id').executeTakeFirstOrThrow();
    await db()
      .insertInto('assignment')
      .values({ review_id: review.id, question_id: question, entity_id: entities.a, due_on: null, assigned_by: 'test' })
      .execute();
    for (const base of [0, 1]) {
      const both = await Promise.all(
        ['Première main', 'Seconde main'].map((text) =>
          save('contributorA', question, entities.a, [paragraph(`${text}, depuis ${base}.`)], base),
        ),
      );
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await contributionRow(question, entities.a))?.revision).toBe(base + 1);
    }
  });

  it('is 404 contribution.not_found before the entity wrote anything', async () => {
    const response = await call('contributorB', 'GET', url(Q, entities.b));
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('contribution.not_found');
  });

  it('never lets a contributor read or write another entity contribution', async () => {
    const read = await call('contributorB', 'GET', url(Q, entities.a));
    expect([403, 404]).toContain(read.status);
    expect(read.body.details).not.toHaveProperty('blocks');
    expect(JSON.stringify(read.body)).not.toContain('Deuxième version');
    const write = await save('contributorB', Q, entities.a, [paragraph('Intrusion.')], 2);
    expect([403, 404]).toContain(write.status);
    expect((await contributionRow(Q, entities.a))?.revision).toBe(2);
    expect((await call('contributorB', 'POST', url(Q, entities.a, '/submit'))).status).toBe(403);
  });

  it('lets the country focal point and validator read it, and no one of another country or signed out', async () => {
    expect((await call('focal', 'GET', url(Q, entities.a))).status).toBe(200);
    expect((await call('validator', 'GET', url(Q, entities.a))).status).toBe(200);
    const other = await call('focalTun', 'GET', url(Q, entities.a));
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('review.not_found');
    expect((await call(null, 'GET', url(Q, entities.a))).status).toBe(404);
    // The focal point reads contributions; it does not write them.
    expect((await save('focal', Q, entities.a, [paragraph('Pas ma contribution.')], 2)).status).toBe(403);
  });

  it('refuses a contribution to a question not assigned to the entity', async () => {
    const response = await save('contributorA', Q_UNASSIGNED, entities.a, [paragraph('Non assignée.')], 0);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('assignment.not_found');
    expect(await contributionRow(Q_UNASSIGNED, entities.a)).toBeUndefined();
  });

  it('lists what each may see: everything for the focal point, its own entity for a contributor', async () => {
    await save('contributorB', Q, entities.b, [paragraph('Contribution de B.')], 0);
    const list = async (who: Who) => {
      const actor = (await actorOfSession(db(), tokens[who])) as Actor;
      const access = await openReview(db(), actor, 'MAR', 'arab-2021', { participant: true });
      return (await listContributions(db(), access, actor, Q)).map((c) => c.entity.id);
    };
    expect((await list('focal')).sort()).toEqual([entities.a, entities.b].sort());
    expect(await list('contributorA')).toEqual([entities.a]);
    expect(await list('contributorB')).toEqual([entities.b]);
    // Outside the consultation a stakeholder with no input takes no part: the draft review does not exist for them.
    await expect(list('stakeholder')).rejects.toMatchObject({ code: 'review.not_found' });
  });
});

describe('submitting', () => {
  it('refuses an empty contribution', async () => {
    await save('contributorB', Q_MERGE, entities.b, [], 0);
    const response = await submit('contributorB', Q_MERGE, entities.b);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('contribution.empty');
    expect((await contributionRow(Q_MERGE, entities.b))?.status).toBe('draft');
  });

  it('marks it submitted and notifies the country focal points (not validators, not other countries)', async () => {
    const response = await submit('contributorA', Q, entities.a);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ revision: 2, status: 'submitted' });
    const notified = await db()
      .selectFrom('notification')
      .innerJoin('user_account', 'user_account.id', 'notification.user_id')
      .select(['user_account.email', 'notification.kind', 'notification.question_id', 'notification.details'])
      .execute();
    expect(notified.map((n) => [n.email, n.kind, n.question_id])).toEqual([[users.focal, 'submitted', Q]]);
    expect(notified[0]?.details).toMatchObject({ entity: { id: entities.a, name: 'Ministère A' } });
    expect((await auditActions('contribution.submit')).map((e) => e.actor)).toEqual([users.contributorA]);
  });

  it('takes a submitted contribution back to draft when it is saved again', async () => {
    const saved = await save('contributorA', Q, entities.a, [paragraph('Troisième version.')], 2);
    expect(saved.body).toMatchObject({ revision: 3, status: 'draft' });
    expect(await contributionRow(Q, entities.a)).toMatchObject({ status: 'draft', submitted_at: null });
  });
});

describe('stakeholder inputs', () => {
  it('are refused while the review is not in consultation (the draft does not even exist for the stakeholder)', async () => {
    const response = await save('stakeholder', Q_UNASSIGNED, entities.ngo, [paragraph('Notre avis.')], 0);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('review.not_found');
    expect(await contributionRow(Q_UNASSIGNED, entities.ngo)).toBeUndefined();
  });

  it('are written on any question during the consultation; the focal point responds and the stakeholder sees it', async () => {
    await setReviewStatus('in_consultation');
    try {
      const saved = await save('stakeholder', Q_UNASSIGNED, entities.ngo, [paragraph('Notre avis.')], 0);
      expect(saved.status).toBe(200);
      expect((await submit('stakeholder', Q_UNASSIGNED, entities.ngo)).status).toBe(200);

      // Responding is the focal point's (the stakeholder, who reads no answer, gets 404 for it).
      const self = await call('stakeholder', 'POST', url(Q_UNASSIGNED, entities.ngo, '/response'), { text: 'Moi.' });
      expect([403, 404]).toContain(self.status);
      const responded = await call('focal', 'POST', url(Q_UNASSIGNED, entities.ngo, '/response'), {
        text: 'Repris dans le paragraphe 2.',
      });
      expect(responded.status).toBe(200);
      const read = await call('stakeholder', 'GET', url(Q_UNASSIGNED, entities.ngo));
      expect(read.body).toMatchObject({
        kind: 'input',
        status: 'submitted',
        response: 'Repris dans le paragraphe 2.',
        entity: { id: entities.ngo, category: 'migrant_association' },
      });
      expect((await auditActions('contribution.respond')).map((e) => e.actor)).toEqual([users.focal]);
      // A ministry's contribution is not an input: it takes no response.
      const notInput = await call('focal', 'POST', url(Q, entities.a, '/response'), { text: 'Merci.' });
      expect(notInput.status).toBe(400);
    } finally {
      await setReviewStatus('draft');
    }
    // The consultation over, the input can no longer change.
    const late = await save('stakeholder', Q_UNASSIGNED, entities.ngo, [paragraph('Trop tard.')], 1);
    expect(late.body.code).toBe('review.not_in_state');
  });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A zip archive of stored (uncompressed) entries. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function upload(who: Who, question: string, entityId: number, bytes: Uint8Array, name: string) {
  const body = await multipart({}, { bytes, name });
  const response = await app.inject({
    method: 'POST',
    url: url(question, entityId, '/evidence'),
    headers: { ...auth(who), ...body.headers },
    payload: body.payload,
  });
  return { status: response.statusCode, body: response.json<Body>() };
}

describe('evidence files', () => {
  it('stores a PDF with its SHA-256, listed with the contribution', async () => {
    const response = await upload('contributorA', Q, entities.a, PDF, 'rapport annuel é.pdf');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      fileName: 'rapport annuel é.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
    });
    const row = await db()
      .selectFrom('evidence')
      .selectAll()
      .where('id', '=', response.body.id)
      .executeTakeFirstOrThrow();
    expect(row.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(Buffer.from(row.bytes).equals(PDF)).toBe(true);
    const read = await call('contributorA', 'GET', url(Q, entities.a));
    expect(read.body.evidence).toEqual([response.body]);
    expect((await auditActions('evidence.add')).map((e) => e.details.fileName)).toEqual(['rapport annuel é.pdf']);
  });

  it('reads the type from the content: XLSX and CSV are kept, an executable named .pdf and a zip of no known document are not', async () => {
    const xlsx = zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    expect((await upload('contributorA', Q, entities.a, xlsx, 'chiffres.xlsx')).body.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const csv = Buffer.from('\uFEFFannée;entrées\n2020;120\n');
    expect((await upload('contributorA', Q, entities.a, csv, 'données.txt')).body.mediaType).toBe('text/csv');

    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200, 0)]);
    // Word and OpenDocument files are kept too (evidence-files.test.ts); a zip of neither is not.
    const archive = zip({ '[Content_Types].xml': '<Types/>', 'word/styles.xml': '<styles/>' });
    for (const [bytes, name] of [
      [exe, 'rapport.pdf'],
      [archive, 'note.xlsx'],
      [Buffer.from([0xff, 0xfe, 0x3b, 0x00]), 'latin.csv'],
    ] as const) {
      const response = await upload('contributorA', Q, entities.a, bytes, name);
      expect(response.status, name).toBe(422);
      expect(response.body.code).toBe('evidence.unsupported_type');
    }
    expect((await call('contributorA', 'GET', url(Q, entities.a))).body.evidence).toHaveLength(3);
  });

  it('refuses a file above the limit, whether the request announces it or it only shows while arriving', async () => {
    const count = async () => (await db().selectFrom('evidence').select('id').execute()).length;
    const before = await count();
    for (const size of [EVIDENCE_LIMIT + 1, 200 * 1024]) {
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size, 0x20)]);
      const response = await upload('contributorA', Q, entities.a, big, 'gros.pdf');
      expect(response.status, `${size} bytes`).toBe(413);
      expect(response.body.code).toBe('evidence.too_large');
    }
    expect(await count()).toBe(before);
  });

  it('refuses evidence from another entity contributor', async () => {
    const response = await upload('contributorB', Q, entities.a, PDF, 'intrus.pdf');
    expect(response.status).toBe(403);
  });

  it('downloads as an attachment with its type, nosniff and the exact name, to readers of the contribution only', async () => {
    const [evidence] = (await call('contributorA', 'GET', url(Q, entities.a))).body.evidence as { url: string }[];
    for (const who of ['contributorA', 'focal', 'validator'] as const) {
      const response = await app.inject({ method: 'GET', url: evidence!.url, headers: auth(who) });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="rapport annuel _.pdf"; filename*=UTF-8''rapport%20annuel%20%C3%A9.pdf`,
      );
      expect(response.rawPayload.equals(PDF)).toBe(true);
    }
    const other = await app.inject({ method: 'GET', url: evidence!.url, headers: auth('contributorB') });
    expect(other.statusCode).toBe(403);
    // The file is found only through its own contribution.
    const wrongPath = evidence!.url.replace(`/contributions/${entities.a}/`, `/contributions/${entities.b}/`);
    const crossed = await app.inject({ method: 'GET', url: wrongPath, headers: auth('focal') });
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json<{ code: string }>().code).toBe('evidence.not_found');
  });
});

describe('merging contributions into the answer', () => {
  let idA = 0;
  let idB = 0;

  beforeAll(async () => {
    idA = (await save('contributorA', Q_MERGE, entities.a, [paragraph('Apport du ministère A.')], 0)).body.id;
    await save('contributorB', Q_MERGE, entities.b, [paragraph('Apport du ministère B.')], 1);
    idB = (await contributionRow(Q_MERGE, entities.b))!.id;
    expect((await submit('contributorA', Q_MERGE, entities.a)).status).toBe(200);
    expect((await submit('contributorB', Q_MERGE, entities.b)).status).toBe(200);
  });

  const merge = (who: Who, question: string, contributionIds: number[], baseRevision: number) =>
    call(who, 'POST', `${REVIEW}/answers/${question}/merge`, { contributionIds, baseRevision });

  it('refuses a stale base revision with answer.edit_conflict, and leaves everything as it was', async () => {
    const before = await answerOf(Q_MERGE);
    const current = before?.revision ?? 0;
    const response = await merge('focal', Q_MERGE, [idA, idB], current + 5);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('answer.edit_conflict');
    expect(response.body.details).toMatchObject({
      currentRevision: current,
      baseRevision: current + 5,
      blocks: before?.blocks ?? [],
    });
    expect(response.body.details).toHaveProperty('author');
    expect(await answerOf(Q_MERGE)).toEqual(before);
    expect((await contributionRow(Q_MERGE, entities.a))?.status).toBe('submitted');
  });

  it('writes nothing when one of the contributions cannot be merged (a draft, another question)', async () => {
    const before = await answerOf(Q_MERGE);
    const base = before?.revision ?? 0;
    const draft = (await contributionRow(Q, entities.b))!.id; // a draft, of another question too
    for (const ids of [
      [idA, draft],
      [idA, 999_999],
    ]) {
      const response = await merge('focal', Q_MERGE, ids, base);
      expect(response.status, JSON.stringify(ids)).toBe(400);
      expect(response.body.code).toBe('request.invalid');
    }
    expect(await answerOf(Q_MERGE)).toEqual(before);
    expect((await contributionRow(Q_MERGE, entities.a))?.status).toBe('submitted');
    expect(await auditActions('answer.merge')).toEqual([]);
  });

  it('is for the focal point only', async () => {
    const base = (await answerOf(Q_MERGE))?.revision ?? 0;
    expect((await merge('validator', Q_MERGE, [idA], base)).status).toBe(403);
    expect((await merge('contributorA', Q_MERGE, [idA], base)).status).toBe(404);
  });

  it('appends the chosen contributions in the given order, records them in the revision and closes them', async () => {
    const before = await answerOf(Q_MERGE);
    const base = before?.revision ?? 0;
    const response = await merge('focal', Q_MERGE, [idB, idA], base);
    expect(response.status).toBe(200);
    const blocks = [
      ...(before?.blocks ?? []),
      paragraph('Apport du ministère B.'),
      paragraph('Apport du ministère A.'),
    ];
    expect(response.body).toMatchObject({
      questionId: Q_MERGE,
      revision: base + 1,
      blocks,
      contributionIds: [idB, idA],
    });
    const revision = await db()
      .selectFrom('answer_revision')
      .select(['revision', 'origin', 'author', 'contribution_ids', 'blocks'])
      .where('question_id', '=', Q_MERGE)
      .where('revision', '=', base + 1)
      .executeTakeFirstOrThrow();
    expect(revision).toEqual({
      revision: base + 1,
      origin: 'merge',
      author: users.focal,
      contribution_ids: [idB, idA],
      blocks,
    });
    expect(await answerOf(Q_MERGE)).toMatchObject({ revision: base + 1, blocks });
    expect((await contributionRow(Q_MERGE, entities.a))?.status).toBe('merged');
    expect((await contributionRow(Q_MERGE, entities.b))?.status).toBe('merged');
    expect((await auditActions('answer.merge')).map((e) => e.details)).toEqual([
      { revision: base + 1, contributionIds: [idB, idA] },
    ]);
  });

  it('a merged contribution no longer changes, and cannot be merged twice', async () => {
    const saved = await save('contributorA', Q_MERGE, entities.a, [paragraph('Encore un mot.')], 1);
    expect(saved.status).toBe(409);
    expect(saved.body.code).toBe('contribution.closed');
    const base = (await answerOf(Q_MERGE))!.revision;
    const again = await merge('focal', Q_MERGE, [idA], base);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('contribution.closed');
  });

  it('moves an unanswered question to drafting on its first merge', async () => {
    const unanswered = 'V.b';
    await db().deleteFrom('fact').where('question_id', '=', unanswered).execute();
    await db().deleteFrom('answer_objective').where('question_id', '=', unanswered).execute();
    await db().deleteFrom('answer_revision').where('question_id', '=', unanswered).execute();
    await db().deleteFrom('answer').where('question_id', '=', unanswered).execute();
    const review = await db().selectFrom('review').select('id').executeTakeFirstOrThrow();
    await db()
      .insertInto('assignment')
      .values({
        review_id: review.id,
        question_id: unanswered,
        entity_id: entities.a,
        due_on: null,
        assigned_by: 'test',
      })
      .execute();
    const { id } = (await save('contributorA', unanswered, entities.a, [paragraph('Première réponse.')], 0)).body;
    await submit('contributorA', unanswered, entities.a);
    const response = await merge('focal', unanswered, [id], 0);
    expect(response.status).toBe(200);
    expect(await answerOf(unanswered)).toEqual({
      revision: 1,
      status: 'drafting',
      blocks: [paragraph('Première réponse.')],
    });
  });
});

describe('OpenAPI', () => {
  it('documents every contribution route under the contributions tag', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[]; responses?: Record<string, unknown> }>>;
    }>();
    const base = '/api/v1/reviews/{country}/{cycle}/answers/{questionId}';
    const routes: [string, string][] = [
      [`${base}/contributions/{entityId}`, 'get'],
      [`${base}/contributions/{entityId}`, 'put'],
      [`${base}/contributions/{entityId}/submit`, 'post'],
      [`${base}/contributions/{entityId}/evidence`, 'post'],
      [`${base}/contributions/{entityId}/evidence/{evidenceId}`, 'get'],
      [`${base}/contributions/{entityId}/response`, 'post'],
      [`${base}/merge`, 'post'],
    ];
    for (const [path, method] of routes) {
      const operation = spec.paths[path]?.[method];
      expect(operation?.tags, `${method} ${path}`).toEqual(['contributions']);
      expect(Object.keys(operation?.responses ?? {}).length).toBeGreaterThan(1);
    }
  });
});
