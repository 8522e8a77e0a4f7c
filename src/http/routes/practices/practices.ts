import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import type { Actor } from '../../../domain/permissions.js';
import { nameAuthors } from '../../../services/author-names.js';
import { editPractice } from '../../../services/edit-practice.js';
import {
  getPractice,
  listPractices,
  practiceCountryNames,
  type PracticeWithTranslations,
} from '../../../services/list-practices.js';
import { movePractice } from '../../../services/move-practice.js';
import { proposePractice } from '../../../services/propose-practice.js';
import { translatePractice } from '../../../services/translate-practice.js';
import { requestLanguage } from '../../problem.js';
import { presentPractice } from '../../presenters/practices.js';
import {
  editPracticeSchema,
  getPracticeSchema,
  listPracticesSchema,
  movePracticeSchema,
  proposePracticeSchema,
  translatePracticeSchema,
} from './schema.js';

const PRACTICES = '/api/v1/practices';
const PRACTICE = `${PRACTICES}/:id`;

/** Practices as the API gives them, their countries and authors named. */
export async function presentPractices(
  db: Db,
  request: FastifyRequest,
  actor: Actor | null,
  list: readonly PracticeWithTranslations[],
) {
  const country = await practiceCountryNames(
    db,
    list.flatMap((p) => p.countries),
  );
  const authors = list.flatMap((p) => [
    ...p.translations.map((t) => t.translator),
    ...('moves' in p ? (p.moves as { actor: string }[]).map((m) => m.actor) : []),
  ]);
  const author = await nameAuthors(db, requestLanguage(request), authors);
  const names = { country, author };
  return list.map((p) => presentPractice(p, actor, names));
}

/** The repository of practices (docs/practices.md). */
export function practiceRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const one = async (request: FastifyRequest, id: number) => {
    const [practice] = await presentPractices(db, request, request.actor, [await getPractice(db, request.actor, id)]);
    return practice!;
  };

  api.get(PRACTICES, { schema: listPracticesSchema }, async (request) => {
    const { objective, principle, country, state, region, q, searchLanguage } = request.query;
    const filters = { objective, principle, country, state, region, q, lang: searchLanguage };
    const list = await listPractices(db, request.actor, filters);
    return { practices: await presentPractices(db, request, request.actor, list) };
  });

  api.post(PRACTICES, { schema: proposePracticeSchema }, async (request, reply) => {
    const { cycle, country, language, source, ...fields } = request.body;
    const practice = await proposePractice(db, request.actor, { cycle, country, language, fields, source });
    return reply.status(201).send(await one(request, practice.id));
  });

  api.get(PRACTICE, { schema: getPracticeSchema }, async (request) => one(request, request.params.id));

  api.put(PRACTICE, { schema: editPracticeSchema }, async (request) => {
    const { version, ...fields } = request.body;
    await editPractice(db, request.actor, request.params.id, { version, fields });
    return one(request, request.params.id);
  });

  api.post(`${PRACTICE}/state`, { schema: movePracticeSchema }, async (request) => {
    await movePractice(db, request.actor, request.params.id, request.body);
    return one(request, request.params.id);
  });

  api.put(`${PRACTICE}/translations/:language`, { schema: translatePracticeSchema }, async (request) => {
    await translatePractice(db, request.actor, request.params.id, request.params.language, request.body);
    return one(request, request.params.id);
  });
}
