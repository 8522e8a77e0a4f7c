import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import { citePassage } from '../../../services/cite-passage.js';
import { createSynthesis } from '../../../services/create-synthesis.js';
import { decideCitationRequest, listCitationRequests } from '../../../services/decide-citation-request.js';
import { getCitation } from '../../../services/get-citation.js';
import { getSynthesis, listSyntheses, listSynthesisRevisions } from '../../../services/get-synthesis.js';
import { requestCitationApproval } from '../../../services/request-citation-approval.js';
import { keepCitation, updateCitation } from '../../../services/resolve-citation.js';
import { saveSynthesis } from '../../../services/save-synthesis.js';
import { searchPassages } from '../../../services/search-passages.js';
import {
  presentCitation,
  presentCitationRead,
  presentDocument,
  presentPassageFound,
  presentRequest,
  presentSynthesis,
  presentSynthesisRead,
} from '../../presenters/syntheses.js';
import {
  approveCitationRequestSchema,
  createCitationSchema,
  createSynthesisSchema,
  getCitationSchema,
  getSynthesisSchema,
  keepCitationSchema,
  listCitationRequestsSchema,
  listSynthesesSchema,
  listSynthesisRevisionsSchema,
  refuseCitationRequestSchema,
  requestCitationApprovalSchema,
  saveSynthesisSchema,
  searchPassagesSchema,
  updateCitationSchema,
} from './schema.js';

const SYNTHESES = '/api/v1/cycles/:cycle/syntheses';
const SYNTHESIS = `${SYNTHESES}/:synthesis`;
const CITATION = `${SYNTHESIS}/citations/:citation`;
const REQUESTS = '/api/v1/reviews/:country/:cycle/citation-requests';

/** The regional synthesis and its citations (docs/regional.md, « The regional synthesis »). */
export function synthesisRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const ofSynthesis = (p: { cycle: string; synthesis: number }) => ({ cycle: p.cycle, id: p.synthesis });
  const ofCitation = (p: { cycle: string; synthesis: number; citation: number }) => ({
    ...ofSynthesis(p),
    citation: p.citation,
  });

  api.get(SYNTHESES, { schema: listSynthesesSchema }, async (request) => {
    const list = await listSyntheses(db, request.actor, request.params.cycle);
    return { cycle: list.cycle, region: list.region, syntheses: list.syntheses.map(presentSynthesis) };
  });

  api.post(SYNTHESES, { schema: createSynthesisSchema }, async (request, reply) => {
    const created = await createSynthesis(db, request.actor, request.params.cycle, request.body);
    return reply.status(201).send(presentSynthesis(created));
  });

  api.get(SYNTHESIS, { schema: getSynthesisSchema }, async (request) =>
    presentSynthesisRead(await getSynthesis(db, request.actor, ofSynthesis(request.params))),
  );

  api.put(SYNTHESIS, { schema: saveSynthesisSchema }, async (request) => {
    const saved = await saveSynthesis(db, request.actor, ofSynthesis(request.params), request.body);
    return { synthesis: presentSynthesis(saved.synthesis), document: presentDocument(saved.document) };
  });

  api.get(`${SYNTHESIS}/revisions`, { schema: listSynthesisRevisionsSchema }, async (request) => {
    const found = await listSynthesisRevisions(db, request.actor, ofSynthesis(request.params));
    return {
      synthesis: presentSynthesis(found.synthesis),
      revisions: found.revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    };
  });

  api.post(`${SYNTHESIS}/citations`, { schema: createCitationSchema }, async (request, reply) => {
    const citation = await citePassage(db, request.actor, ofSynthesis(request.params), request.body);
    return reply.status(201).send(presentCitation(citation));
  });

  api.get(CITATION, { schema: getCitationSchema }, async (request) =>
    presentCitationRead(await getCitation(db, request.actor, ofCitation(request.params))),
  );

  api.put(CITATION, { schema: updateCitationSchema }, async (request) =>
    presentCitation(await updateCitation(db, request.actor, ofCitation(request.params), request.body)),
  );

  api.post(`${CITATION}/keep`, { schema: keepCitationSchema }, async (request) =>
    presentCitation(await keepCitation(db, request.actor, ofCitation(request.params))),
  );

  api.post(`${CITATION}/approval-request`, { schema: requestCitationApprovalSchema }, async (request, reply) => {
    const asked = await requestCitationApproval(db, request.actor, ofCitation(request.params));
    return reply.status(201).send(presentRequest(asked));
  });

  api.get('/api/v1/cycles/:cycle/passages', { schema: searchPassagesSchema }, async (request) => {
    const found = await searchPassages(db, request.actor, request.params.cycle, request.query.q);
    return { cycle: found.cycle, total: found.total, passages: found.passages.map(presentPassageFound) };
  });

  api.get(REQUESTS, { schema: listCitationRequestsSchema }, async (request) => {
    const list = await listCitationRequests(db, request.actor, request.params);
    return { country: list.country, cycle: list.cycle, requests: list.requests.map(presentRequest) };
  });

  api.post(`${REQUESTS}/:request/approve`, { schema: approveCitationRequestSchema }, async (request) =>
    presentRequest(await decideCitationRequest(db, request.actor, request.params, { state: 'approved' })),
  );

  api.post(`${REQUESTS}/:request/refuse`, { schema: refuseCitationRequestSchema }, async (request) =>
    presentRequest(
      await decideCitationRequest(db, request.actor, request.params, {
        state: 'refused',
        reason: request.body.reason ?? null,
      }),
    ),
  );
}
