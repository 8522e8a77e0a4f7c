import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import { nameAuthors } from '../../../services/author-names.js';
import { listTranslationWork } from '../../../services/list-translation-work.js';
import { listTranslations } from '../../../services/list-translations.js';
import { saveTranslation } from '../../../services/save-translation.js';
import { requestLanguage } from '../../problem.js';
import { presentTranslation } from '../../presenters/translations.js';
import { listTranslationsSchema, listTranslationWorkSchema, saveTranslationSchema } from './schema.js';

const SUBMISSION = '/api/v1/reviews/:country/:cycle/submissions/:number';

/** Human translations of submitted answers (docs/regional.md, Translations). */
export function translationRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const names = (request: FastifyRequest, authors: string[]) => nameAuthors(db, requestLanguage(request), authors);

  api.get(`${SUBMISSION}/translations`, { schema: listTranslationsSchema }, async (request) => {
    const list = await listTranslations(db, request.actor, request.params);
    const nameOf = await names(
      request,
      list.translations.map((t) => t.translator),
    );
    return { ...list, translations: list.translations.map((t) => presentTranslation(t, nameOf)) };
  });

  api.put(
    `${SUBMISSION}/answers/:questionId/translations/:language`,
    { schema: saveTranslationSchema },
    async (request) => {
      const { language, questionId, ...submission } = request.params;
      const saved = await saveTranslation(db, request.actor, { ...submission, questionId, language }, request.body);
      return presentTranslation(saved, await names(request, [saved.translator]));
    },
  );

  api.get('/api/v1/translations/work', { schema: listTranslationWorkSchema }, async (request) =>
    listTranslationWork(db, request.actor),
  );
}
