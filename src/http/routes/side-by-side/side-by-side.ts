import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import { nameAuthors } from '../../../services/author-names.js';
import { compareAnswers } from '../../../services/compare-answers.js';
import { sideBySideCsvFile, sideBySideDocxFile } from '../../../services/side-by-side-exports.js';
import { sendDownload } from '../../download.js';
import { requestLanguage } from '../../problem.js';
import { presentComparison } from '../../presenters/side-by-side.js';
import { compareAnswersCsvSchema, compareAnswersDocxSchema, compareAnswersSchema } from './schema.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** One question's answers across a cycle's countries: as JSON, CSV and DOCX, with the same filters. */
export function sideBySideRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/cycles/:cycle/questions/:questionId/answers', { schema: compareAnswersSchema }, async (request) => {
    const { cycle, questionId } = request.params;
    const reader = requestLanguage(request);
    const comparison = await compareAnswers(db, request.actor, cycle, questionId, request.query, reader, {
      translations: true,
    });
    const translators = comparison.answers.flatMap((a) => (a.translation ? [a.translation.translator] : []));
    return presentComparison(comparison, await nameAuthors(db, reader, translators));
  });
  api.get(
    '/api/v1/cycles/:cycle/questions/:questionId/answers.csv',
    { schema: compareAnswersCsvSchema },
    async (request, reply) => {
      const file = await sideBySideCsvFile(db, request.actor, request.params, request.query, requestLanguage(request));
      return sendDownload(reply, { ...file, mediaType: 'text/csv; charset=utf-8' });
    },
  );
  api.get(
    '/api/v1/cycles/:cycle/questions/:questionId/answers.docx',
    { schema: compareAnswersDocxSchema },
    async (request, reply) => {
      const file = await sideBySideDocxFile(db, request.actor, request.params, request.query, requestLanguage(request));
      return sendDownload(reply, { ...file, mediaType: DOCX });
    },
  );
}
