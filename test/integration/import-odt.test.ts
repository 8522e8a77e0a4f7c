import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { translate } from '../../src/i18n/index.js';
import { importReview } from '../../src/services/import-review.js';
import { cookieHeader, createUser, multipart, signInToken } from '../support/accounts.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * An OpenDocument text (.odt, LibreOffice's own format) is imported over HTTP wherever a Word file
 * is (issue 16, item 4): read by content whatever its name, stored for the focal point's country
 * with the same answers as the .docx it was converted from, refused with its own code when it is
 * protected by a password.
 */
const DOCUMENTS = 'test/fixtures/documents';
const PASSWORD = 'correct horse battery staple';
let t: TestStorage;
let app: FastifyInstance;
let focal = '';

beforeAll(async () => {
  t = await openTestStorage();
  await createUser(t.storage.db, 'focal.mar@example.org', PASSWORD, { role: 'focal_point', country: 'MAR' });
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  focal = await signInToken(app, 'focal.mar@example.org', PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

async function upload(fields: Record<string, string>, file: { bytes: Uint8Array; name: string }, language = 'en') {
  const body = await multipart(fields, file);
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...body.headers, cookie: cookieHeader(focal), 'accept-language': language },
    payload: body.payload,
  });
  return { status: response.statusCode, json: response.json() };
}

describe('POST /api/v1/imports with an .odt file', () => {
  it('stores the answers the .docx it was converted from gives', async () => {
    const bytes = readFileSync(`${DOCUMENTS}/fr-table.odt`);
    // Named .docx on purpose: the format is read from the content.
    const stored = await upload({ store: 'true', country: 'MAR', cycle: 'arab-2021' }, { bytes, name: 'examen.docx' });
    expect(stored.status).toBe(201);
    expect(stored.json.report.format).toBe('odt');

    const fromDocx = await importReview(t.storage.db, {
      bytes: readFileSync(`${DOCUMENTS}/fr-table.docx`),
      file: 'examen.docx',
      country: 'MAR',
      cycle: 'arab-2021',
      dryRun: true,
      actor: operator('test'),
    });
    const expected = fromDocx.review.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.answer.blocks.length > 0)
      .map((q) => ({ question_id: q.id, blocks: q.answer.blocks }));
    expect(expected).toHaveLength(14);
    const rows = await t.storage.db
      .selectFrom('answer')
      .innerJoin('review', 'review.id', 'answer.review_id')
      .where('review.country_code', '=', 'MAR')
      .select(['answer.question_id', 'answer.blocks'])
      .execute();
    const answered = rows.filter((r) => (r.blocks as unknown[]).length > 0);
    expect(
      answered.sort(
        (a, b) =>
          expected.findIndex((e) => e.question_id === a.question_id) -
          expected.findIndex((e) => e.question_id === b.question_id),
      ),
    ).toEqual(expected);
  });

  it('reads an Arabic .odt without storing it', async () => {
    const bytes = readFileSync(`${DOCUMENTS}/ar-paragraphs.odt`);
    const read = await upload({ country: 'MAR' }, { bytes, name: 'review.odt' });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ language: 'ar', report: { format: 'odt' } });
    expect(read.json.report.recognised.questions).toBe(12);
  });

  it('refuses a password-protected .odt with import.password_protected, in the reader language', async () => {
    const bytes = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': new Uint8Array([1, 2, 3, 4]),
      'META-INF/manifest.xml': strToU8(
        '<manifest:manifest><manifest:file-entry><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
      ),
    });
    const refused = await upload({ country: 'MAR' }, { bytes, name: 'protected.odt' }, 'ar');
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({
      code: 'import.password_protected',
      message: translate('ar', 'errors', 'import.password_protected', { file: 'protected.odt' }),
    });
  });
});
