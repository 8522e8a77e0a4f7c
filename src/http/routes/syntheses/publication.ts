import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import type { SynthesisVersionRow } from '../../../db/queries/synthesis-versions.js';
import { publishSynthesis } from '../../../services/publish-synthesis.js';
import {
  getSynthesisFigures,
  getSynthesisVersion,
  listSynthesisVersions,
} from '../../../services/read-synthesis-versions.js';
import { requestSynthesisExport } from '../../../services/request-synthesis-export.js';
import { presentJob } from '../../presenters/exports.js';
import { presentDocument } from '../../presenters/syntheses.js';
import {
  exportSynthesisSchema,
  getSynthesisFiguresSchema,
  getSynthesisVersionSchema,
  listSynthesisVersionsSchema,
  publishSynthesisSchema,
} from './schema-publication.js';

const SYNTHESIS = '/api/v1/cycles/:cycle/syntheses/:synthesis';

const presentSummary = (v: Pick<SynthesisVersionRow, 'version' | 'revision' | 'publishedAt' | 'publishedBy'>) => ({
  version: v.version,
  revision: v.revision,
  publishedAt: v.publishedAt.toISOString(),
  publishedBy: v.publishedBy,
});

/** A version as the API gives it: dates as ISO strings (stored citations already hold strings). */
const presentVersion = (v: SynthesisVersionRow, cycle: string) => ({
  synthesis: v.synthesis,
  cycle,
  ...presentSummary(v),
  title: v.title,
  language: v.language,
  document: presentDocument(v.document),
  citations: v.citations.map((c) => (c.withheld ? c : { ...c, date: new Date(c.date).toISOString() })),
  figures: v.figures,
});

/** Live figures, publication, versions and exports of a synthesis (docs/regional.md, « Publishing a synthesis »). */
export function synthesisPublicationRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const of = (p: { cycle: string; synthesis: number }) => ({ cycle: p.cycle, id: p.synthesis });

  api.get(`${SYNTHESIS}/figures`, { schema: getSynthesisFiguresSchema }, async (request) =>
    getSynthesisFigures(db, request.actor, of(request.params)),
  );

  api.post(`${SYNTHESIS}/publish`, { schema: publishSynthesisSchema }, async (request, reply) => {
    const version = await publishSynthesis(db, request.actor, of(request.params));
    return reply.status(201).send(presentVersion(version, request.params.cycle));
  });

  api.get(`${SYNTHESIS}/versions`, { schema: listSynthesisVersionsSchema }, async (request) => {
    const found = await listSynthesisVersions(db, request.actor, of(request.params));
    return { synthesis: found.synthesis, versions: found.versions.map(presentSummary) };
  });

  api.get(`${SYNTHESIS}/versions/:version`, { schema: getSynthesisVersionSchema }, async (request) => {
    const found = await getSynthesisVersion(db, request.actor, {
      ...of(request.params),
      version: request.params.version,
    });
    return presentVersion(found, found.cycle);
  });

  api.post(`${SYNTHESIS}/exports`, { schema: exportSynthesisSchema }, async (request, reply) => {
    const job = await requestSynthesisExport(db, request.actor, { ...of(request.params), ...request.body });
    const body = presentJob(job);
    return reply.code(202).header('location', body.links.self).header('cache-control', 'no-store').send(body);
  });
}
