import type {} from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PacteError } from '../../../domain/errors.js';
import { addEvidence, DEFAULT_EVIDENCE_MAX_BYTES, type EvidenceUpload } from '../../../services/add-evidence.js';
import type { ContributionKey } from '../../../services/contribution-access.js';
import { nameAuthors } from '../../../services/author-names.js';
import { requestLanguage } from '../../problem.js';
import { getContribution } from '../../../services/get-contribution.js';
import { getEvidence } from '../../../services/get-evidence.js';
import { mergeContributions } from '../../../services/merge-contributions.js';
import { removeEvidence } from '../../../services/remove-evidence.js';
import { respondToInput } from '../../../services/respond-to-input.js';
import { saveContribution } from '../../../services/save-contribution.js';
import type { Db } from '../../../db/connection.js';
import { submitContribution } from '../../../services/submit-contribution.js';
import { sendDownload } from '../../download.js';
import { presentSavedAnswer } from '../../presenters/answers.js';
import { presentContribution, presentEvidence } from '../../presenters/contributions.js';
import {
  addEvidenceSchema,
  getContributionSchema,
  getEvidenceSchema,
  mergeContributionsSchema,
  removeEvidenceSchema,
  replaceEvidenceSchema,
  respondToInputSchema,
  saveContributionSchema,
  submitContributionSchema,
} from './schema.js';

const ANSWER = '/api/v1/reviews/:country/:cycle/answers/:questionId';
const CONTRIBUTION = `${ANSWER}/contributions/:entityId`;

/** Room for the multipart envelope (boundaries, part headers) around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Entities' contributions and stakeholders' inputs to a question, their evidence files, the
 * focal point's responses, and merging contributions into the answer. Requires the multipart
 * parser (registered by the import routes).
 */
export function contributionRoutes(app: FastifyInstance, db: Db, options: { evidenceMaxBytes?: number } = {}) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const maxBytes = options.evidenceMaxBytes ?? DEFAULT_EVIDENCE_MAX_BYTES;
  const keyOf = (params: ContributionKey): ContributionKey => ({
    country: params.country,
    cycle: params.cycle,
    questionId: params.questionId,
    entityId: params.entityId,
  });

  api.get(CONTRIBUTION, { schema: getContributionSchema }, async (request) => {
    const view = await getContribution(db, request.actor, keyOf(request.params));
    return presentContribution(
      request.params,
      view,
      await nameAuthors(db, requestLanguage(request), [view.updatedBy, view.merged?.by]),
    );
  });

  api.put(CONTRIBUTION, { schema: saveContributionSchema }, async (request) => {
    const saved = await saveContribution(db, request.actor, keyOf(request.params), request.body);
    const { id, revision, status, blocks, value } = saved;
    return { id, revision, status, blocks, ...(value ? { value } : {}) };
  });

  api.post(`${CONTRIBUTION}/submit`, { schema: submitContributionSchema }, async (request) => {
    const submitted = await submitContribution(db, request.actor, keyOf(request.params));
    return { id: submitted.id, revision: submitted.revision, status: submitted.status };
  });

  api.post(`${CONTRIBUTION}/evidence`, { schema: addEvidenceSchema }, async (request, reply) => {
    const key = keyOf(request.params);
    const stored = await addEvidence(db, request.actor, key, () => receiveEvidence(request, maxBytes), maxBytes);
    return reply.status(201).send(presentEvidence(key, key.questionId, key.entityId, stored));
  });

  // « Remplacer »: the new file stored and the old one removed together (services/add-evidence.ts).
  api.put(`${CONTRIBUTION}/evidence/:evidenceId`, { schema: replaceEvidenceSchema }, async (request) => {
    const key = keyOf(request.params);
    const receive = () => receiveEvidence(request, maxBytes);
    const stored = await addEvidence(db, request.actor, key, receive, maxBytes, request.params.evidenceId);
    return presentEvidence(key, key.questionId, key.entityId, stored);
  });

  api.delete(`${CONTRIBUTION}/evidence/:evidenceId`, { schema: removeEvidenceSchema }, async (request, reply) => {
    await removeEvidence(db, request.actor, keyOf(request.params), request.params.evidenceId);
    return reply.status(204).send(null);
  });

  api.get(`${CONTRIBUTION}/evidence/:evidenceId`, { schema: getEvidenceSchema }, async (request, reply) => {
    const file = await getEvidence(db, request.actor, keyOf(request.params), request.params.evidenceId);
    return sendDownload(reply.header('etag', `"${file.sha256}"`), file);
  });

  api.post(`${CONTRIBUTION}/response`, { schema: respondToInputSchema }, async (request) => {
    const { id, response } = await respondToInput(db, request.actor, keyOf(request.params), request.body.text);
    return { id, response };
  });

  api.post(`${ANSWER}/merge`, { schema: mergeContributionsSchema }, async (request) => {
    const merged = await mergeContributions(db, request.actor, request.params, request.body);
    return { ...presentSavedAnswer(merged), contributionIds: merged.contributionIds };
  });
}

/**
 * The `file` part of a multipart upload. A request announcing more than the limit is refused
 * before anything is read; a file passing the limit is refused as soon as it does.
 */
async function receiveEvidence(request: FastifyRequest, maxBytes: number): Promise<EvidenceUpload> {
  if (!request.isMultipart()) {
    throw new PacteError('request.invalid', { problem: 'send multipart/form-data with a "file" part' });
  }
  const tooLarge = (file: string) => new PacteError('evidence.too_large', { file, limitBytes: maxBytes });
  const announced = Number(request.headers['content-length'] ?? 0);
  if (announced > maxBytes + MULTIPART_OVERHEAD) throw tooLarge('upload');
  let upload: EvidenceUpload | null = null;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5 } })) {
    if (part.type !== 'file') continue;
    if (part.fieldname !== 'file') {
      part.file.resume();
      continue;
    }
    try {
      upload = { fileName: part.filename || 'evidence', bytes: await part.toBuffer() };
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(part.filename || 'upload');
      throw error;
    }
  }
  if (!upload || upload.bytes.byteLength === 0) {
    throw new PacteError('request.invalid', { problem: 'the "file" part is missing or empty' });
  }
  return upload;
}
