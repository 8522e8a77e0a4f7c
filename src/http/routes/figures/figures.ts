import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import { codeFiguresChart } from '../../../services/code-figures-chart.js';
import { getCodeFigures } from '../../../services/get-code-figures.js';
import { getObjectivesMatrix } from '../../../services/get-objectives-matrix.js';
import { requestLanguage } from '../../problem.js';
import { presentCodeFigures, presentObjectivesMatrix } from '../../presenters/figures.js';
import {
  getCodeFiguresPngSchema,
  getCodeFiguresSchema,
  getCodeFiguresSvgSchema,
  getObjectivesMatrixSchema,
} from './schema.js';

/**
 * A chart shown inline (not an attachment): nothing in it may run — the SVG's only active parts
 * are its links — so a sandboxing CSP and no MIME sniffing, as for downloads.
 */
function sendImage(reply: FastifyReply, image: { bytes: Buffer; fileName: string }, mediaType: string) {
  return reply
    .header('content-type', mediaType)
    .header('content-disposition', `inline; filename="${image.fileName.replace(/[^\w.-]/gu, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(image.bytes);
}

/** The regional figures: a code's counts as JSON, SVG and PNG, and the objectives matrix. */
export function figureRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/v1/cycles/:cycle/codes/:questionId';
  api.get(`${base}/figures`, { schema: getCodeFiguresSchema }, async (request) =>
    presentCodeFigures(
      await getCodeFigures(db, request.actor, request.params, request.query, requestLanguage(request)),
    ),
  );
  api.get(`${base}/figures.svg`, { schema: getCodeFiguresSvgSchema }, async (request, reply) => {
    const { params, query, actor } = request;
    const image = await codeFiguresChart(db, actor, params, query, requestLanguage(request), 'svg');
    return sendImage(reply, image, 'image/svg+xml; charset=utf-8');
  });
  api.get(`${base}/figures.png`, { schema: getCodeFiguresPngSchema }, async (request, reply) => {
    const { params, query, actor } = request;
    const image = await codeFiguresChart(db, actor, params, query, requestLanguage(request), 'png');
    return sendImage(reply, image, 'image/png');
  });
  api.get('/api/v1/cycles/:cycle/objectives-matrix', { schema: getObjectivesMatrixSchema }, async (request) =>
    presentObjectivesMatrix(
      await getObjectivesMatrix(db, request.actor, request.params.cycle, request.query, requestLanguage(request)),
    ),
  );
}
