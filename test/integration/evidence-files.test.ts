import { Document, Packer, Paragraph } from 'docx';
import type { FastifyInstance } from 'fastify';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityCategory } from '../../src/domain/entities.js';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { addUser } from '../../src/services/add-user.js';
import { importReview } from '../../src/services/import-review.js';
import { multipart, signInToken } from '../support/accounts.js';
import { seedBytes } from '../support/pacte.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Evidence files a contributor can live with (issue 12, item 5): Word and OpenDocument files are
 * kept (read from their content, never their name), a file can be removed or replaced by whoever
 * may upload it — only while the contribution is a draft —, every change is audited, and a
 * refused change leaves everything as it was. A merged contribution says when and by whom.
 */
let t: TestStorage;
let app: FastifyInstance;

const PASSWORD = 'correct horse battery staple';
const REVIEW = '/api/v1/reviews/MAR/arab-2021';
const Q = 'I.a';
const Q_SUBMIT = 'II.a';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT_TYPE = 'application/vnd.oasis.opendocument.text';
const ODS_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

const users = {
  focal: 'focal@mar.example.org',
  contributorA: 'contributor.a@mar.example.org',
  contributorB: 'contributor.b@mar.example.org',
  focalTun: 'focal@tun.example.org',
} as const;
type Who = keyof typeof users;
const tokens = {} as Record<Who, string>;
const entities = { a: 0, b: 0 };

/** A Word document as Word writes it: made by the `docx` package, not a hand-built zip. */
let docx: Buffer;
/** An OpenDocument file: its `mimetype` entry first and stored, as the specification asks. */
const odf = (mimetype: string, content = '<office:document-content/>') =>
  Buffer.from(
    zipSync({
      mimetype: [strToU8(mimetype), { level: 0 }],
      'content.xml': strToU8(content),
      'META-INF/manifest.xml': strToU8('<manifest:manifest/>'),
    }),
  );
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

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
  // Entities and assignments are inserted directly: this file tests evidence, not their management.
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
  for (const question of [Q, Q_SUBMIT]) {
    for (const entityId of [entities.a, entities.b]) {
      await db
        .insertInto('assignment')
        .values({ review_id: review.id, question_id: question, entity_id: entityId, due_on: null, assigned_by: 'test' })
        .execute();
    }
  }
  const add = (email: string, grant: Parameters<typeof addUser>[2]['grant'], name?: string) =>
    addUser(db, operator('test'), { email, password: PASSWORD, grant, name });
  await add(users.focal, { role: 'focal_point', country: 'MAR' }, 'Nadia Benali');
  await add(users.contributorA, { role: 'contributor', country: 'MAR', entity: entities.a }, 'Karim Alaoui');
  await add(users.contributorB, { role: 'contributor', country: 'MAR', entity: entities.b });
  await add(users.focalTun, { role: 'focal_point', country: 'TUN' });
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  for (const who of Object.keys(users) as Who[]) tokens[who] = await signInToken(app, users[who], PASSWORD);
  docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Rapport annuel 2024')] }] }));
  // Each entity has a draft contribution to each question.
  for (const [who, entityId] of [
    ['contributorA', entities.a],
    ['contributorB', entities.b],
  ] as const) {
    for (const question of [Q, Q_SUBMIT]) {
      const saved = await call(who, 'PUT', url(question, entityId), {
        blocks: [{ type: 'paragraph', text: 'Notre contribution.' }],
        baseRevision: 0,
      });
      expect(saved.status).toBe(200);
    }
  }
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

const db = () => t.storage.db;
const url = (question: string, entityId: number, rest = '') =>
  `${REVIEW}/answers/${question}/contributions/${entityId}${rest}`;

interface Body {
  id: number;
  code: string;
  mediaType: string;
  fileName: string;
  evidence: { id: number; fileName: string; url: string }[];
  details: Record<string, unknown>;
  merged: { at: string; by: string; byName: string } | null;
  [key: string]: unknown;
}

async function call(who: Who | null, method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, payload?: unknown) {
  const response = await app.inject({
    method,
    url: path,
    headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  const json = String(response.headers['content-type'] ?? '').includes('json');
  return { status: response.statusCode, body: (json ? response.json() : {}) as Body, raw: response };
}

/** Uploads a file (POST …/evidence), or replaces `replaces` with it (PUT …/evidence/{id}). */
async function upload(who: Who | null, entityId: number, bytes: Uint8Array, name: string, replaces?: number) {
  const body = await multipart({}, { bytes, name });
  const response = await app.inject({
    method: replaces === undefined ? 'POST' : 'PUT',
    url: url(Q, entityId, replaces === undefined ? '/evidence' : `/evidence/${replaces}`),
    headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...body.headers },
    payload: body.payload,
  });
  return { status: response.statusCode, body: response.json<Body>() };
}

const removal = (who: Who | null, entityId: number, evidenceId: number, question = Q) =>
  call(who, 'DELETE', url(question, entityId, `/evidence/${evidenceId}`));

async function filesOf(entityId: number, question = Q) {
  const rows = await db()
    .selectFrom('evidence')
    .innerJoin('contribution', 'contribution.id', 'evidence.contribution_id')
    .select(['evidence.id', 'evidence.file_name as fileName'])
    .where('contribution.entity_id', '=', entityId)
    .where('contribution.question_id', '=', question)
    .orderBy('evidence.id')
    .execute();
  return rows;
}

async function audit(action: string) {
  return db().selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute();
}

describe('evidence types read from the content', () => {
  it('keeps a Word document (DOCX) and OpenDocument text and spreadsheet (ODT, ODS), whatever their names', async () => {
    const kept: [Uint8Array, string, string][] = [
      [docx, 'rapport annuel.docx', DOCX_TYPE],
      [odf(ODT_TYPE), 'note de synthèse.odt', ODT_TYPE],
      [odf(ODS_TYPE), 'chiffres', ODS_TYPE],
    ];
    for (const [bytes, name, type] of kept) {
      const response = await upload('contributorA', entities.a, bytes, name);
      expect(response.status, name).toBe(201);
      expect(response.body).toMatchObject({ fileName: name, mediaType: type, size: bytes.byteLength });
      // Downloaded with the type read from its content.
      const download = await call('focal', 'GET', url(Q, entities.a, `/evidence/${response.body.id}`));
      expect(download.status).toBe(200);
      expect(download.raw.headers['content-type']).toContain(type);
    }
    expect((await filesOf(entities.a)).map((f) => f.fileName)).toEqual(kept.map(([, name]) => name));
  });

  it('refuses an executable or text renamed .docx, and a zip that only claims to be a document', async () => {
    const before = await filesOf(entities.a);
    const refused: [Uint8Array, string][] = [
      [Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200, 0)]), 'rapport.docx'],
      [Buffer.from('Ceci est un simple texte sans tableau.\n'), 'note.docx'],
      [odf('application/epub+zip'), 'livre.odt'],
      [Buffer.from(zipSync({ 'word/styles.xml': strToU8('<w:styles/>') })), 'styles.docx'],
    ];
    for (const [bytes, name] of refused) {
      const response = await upload('contributorA', entities.a, bytes, name);
      expect(response.status, name).toBe(422);
      expect(response.body.code, name).toBe('evidence.unsupported_type');
      // The message names the types that are accepted, in the reader's language.
      expect(String(response.body.message)).toContain('.docx');
    }
    expect(await filesOf(entities.a)).toEqual(before);
  });
});

describe('removing a file', () => {
  it('lets the contributor remove its entity file: gone from the contribution, audited evidence.remove', async () => {
    const added = await upload('contributorA', entities.a, PDF, 'à retirer.pdf');
    expect(added.status).toBe(201);
    const response = await removal('contributorA', entities.a, added.body.id);
    expect(response.status).toBe(204);
    expect((await filesOf(entities.a)).map((f) => f.id)).not.toContain(added.body.id);
    const read = await call('contributorA', 'GET', url(Q, entities.a));
    expect(read.body.evidence.map((e) => e.id)).not.toContain(added.body.id);
    const [event] = (await audit('evidence.remove')).filter((e) => e.details.evidence === added.body.id);
    expect(event).toMatchObject({ actor: users.contributorA, question_id: Q });
    expect(event?.details).toMatchObject({
      fileName: 'à retirer.pdf',
      mediaType: 'application/pdf',
      entity: entities.a,
    });
    // Twice: it is no longer there.
    const again = await removal('contributorA', entities.a, added.body.id);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('evidence.not_found');
  });

  it('refuses another entity, another country and anyone signed out, and leaves the file', async () => {
    const added = await upload('contributorA', entities.a, PDF, 'à garder.pdf');
    const removalsBefore = (await audit('evidence.remove')).length;
    const refusals: [Who | null, number, number, string][] = [
      ['contributorB', entities.a, 403, 'auth.forbidden'],
      // Through its own contribution's address: not one of its files, and nothing said of it.
      ['contributorB', entities.b, 404, 'evidence.not_found'],
      ['focalTun', entities.a, 404, 'review.not_found'],
      // Signed out: the unpublished review is not there for them.
      [null, entities.a, 404, 'review.not_found'],
    ];
    for (const [who, entityId, status, code] of refusals) {
      const response = await removal(who, entityId, added.body.id);
      expect(response.status, `${who} ${entityId}`).toBe(status);
      expect(response.body.code, `${who} ${entityId}`).toBe(code);
      const replaced = await upload(who, entityId, docx, 'intrus.docx', added.body.id);
      expect(replaced.status, `replace ${who} ${entityId}`).toBe(status);
    }
    expect((await filesOf(entities.a)).map((f) => f.id)).toContain(added.body.id);
    expect((await filesOf(entities.b)).map((f) => f.fileName)).not.toContain('intrus.docx');
    expect(await audit('evidence.remove')).toHaveLength(removalsBefore);
  });
});

describe('replacing a file', () => {
  it('stores the new file and removes the old one together, both audited', async () => {
    const old = await upload('contributorA', entities.a, PDF, 'version 1.pdf');
    const response = await upload('contributorA', entities.a, docx, 'version 2.docx', old.body.id);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ fileName: 'version 2.docx', mediaType: DOCX_TYPE });
    const ids = (await filesOf(entities.a)).map((f) => f.id);
    expect(ids).toContain(response.body.id);
    expect(ids).not.toContain(old.body.id);
    const removed = (await audit('evidence.remove')).filter((e) => e.details.evidence === old.body.id);
    const added = (await audit('evidence.add')).filter((e) => e.details.evidence === response.body.id);
    expect(removed).toHaveLength(1);
    expect(added[0]?.details).toMatchObject({ replaces: old.body.id, fileName: 'version 2.docx' });
  });

  it('writes nothing when the new file is refused or the old one is not the contribution’s', async () => {
    const old = await upload('contributorA', entities.a, PDF, 'garde.pdf');
    const before = await filesOf(entities.a);
    const [removals, additions] = [(await audit('evidence.remove')).length, (await audit('evidence.add')).length];
    const badType = await upload(
      'contributorA',
      entities.a,
      Buffer.from('MZ\x90\x00 not a document'),
      'x.docx',
      old.body.id,
    );
    expect(badType.status).toBe(422);
    expect(badType.body.code).toBe('evidence.unsupported_type');
    const missing = await upload('contributorA', entities.a, docx, 'nouveau.docx', old.body.id + 10_000);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('evidence.not_found');
    expect(await filesOf(entities.a)).toEqual(before);
    expect((await audit('evidence.remove')).length).toBe(removals);
    expect((await audit('evidence.add')).length).toBe(additions);
  });
});

describe('an edit conflict', () => {
  it('names who saved meanwhile as people read them, next to the recorded address', async () => {
    // Contributor A's draft to I.a is at revision 1; a save from revision 0 is stale.
    const stale = await call('contributorA', 'PUT', url(Q, entities.a), {
      blocks: [{ type: 'paragraph', text: 'Version partie de rien.' }],
      baseRevision: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('contribution.edit_conflict');
    expect(stale.body.details).toMatchObject({ author: users.contributorA, authorName: 'Karim Alaoui' });
  });
});

describe('once submitted, then merged', () => {
  it('refuses adding, removing and replacing files of a submitted contribution with contribution.submitted', async () => {
    const body = await multipart({}, { bytes: PDF, name: 'annexe.pdf' });
    const added = await app.inject({
      method: 'POST',
      url: url(Q_SUBMIT, entities.a, '/evidence'),
      headers: { authorization: `Bearer ${tokens.contributorA}`, ...body.headers },
      payload: body.payload,
    });
    const fileId = added.json<Body>().id;
    expect((await call('contributorA', 'POST', url(Q_SUBMIT, entities.a, '/submit'))).status).toBe(200);

    const removed = await removal('contributorA', entities.a, fileId, Q_SUBMIT);
    expect(removed.status).toBe(409);
    expect(removed.body.code).toBe('contribution.submitted');
    expect(String(removed.body.message)).toMatch(/focal point is reviewing it/u);
    for (const path of ['/evidence', `/evidence/${fileId}`]) {
      const again = await multipart({}, { bytes: docx, name: 'tard.docx' });
      const response = await app.inject({
        method: path === '/evidence' ? 'POST' : 'PUT',
        url: url(Q_SUBMIT, entities.a, path),
        headers: { authorization: `Bearer ${tokens.contributorA}`, ...again.headers },
        payload: again.payload,
      });
      expect(response.statusCode, path).toBe(409);
      expect(response.json<Body>().code, path).toBe('contribution.submitted');
    }
    expect((await filesOf(entities.a, Q_SUBMIT)).map((f) => f.id)).toEqual([fileId]);
  });

  it('says when and by whom a merged contribution was merged, and refuses its files with contribution.closed', async () => {
    const before = await call('contributorA', 'GET', url(Q_SUBMIT, entities.a));
    expect(before.body.merged).toBeNull();
    const contributionId = before.body.id;
    const answer = await call('focal', 'GET', `${REVIEW}/answers/${Q_SUBMIT}`);
    const baseRevision = (answer.body as unknown as { revision: number }).revision;
    const merged = await call('focal', 'POST', `${REVIEW}/answers/${Q_SUBMIT}/merge`, {
      contributionIds: [contributionId],
      baseRevision,
    });
    expect(merged.status).toBe(200);
    const after = await call('contributorA', 'GET', url(Q_SUBMIT, entities.a));
    expect(after.body.status).toBe('merged');
    expect(after.body.merged).toMatchObject({ by: users.focal, byName: 'Nadia Benali' });
    expect(Date.parse(after.body.merged!.at)).not.toBeNaN();
    const fileId = after.body.evidence[0]!.id;
    const removed = await removal('contributorA', entities.a, fileId, Q_SUBMIT);
    expect(removed.status).toBe(409);
    expect(removed.body.code).toBe('contribution.closed');
    // Another entity's contribution to the same question is still not merged.
    expect((await call('contributorB', 'GET', url(Q_SUBMIT, entities.b))).body.merged).toBeNull();
  });
});
