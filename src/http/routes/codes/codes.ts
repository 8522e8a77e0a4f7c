import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import { nameAuthors } from '../../../services/author-names.js';
import { confirmCode } from '../../../services/confirm-code.js';
import { getCode, listCodes } from '../../../services/get-codes.js';
import { createCode, editCode, installDefaultCodes } from '../../../services/save-code.js';
import { suggestCodes } from '../../../services/suggest-codes.js';
import { requestLanguage } from '../../problem.js';
import { presentCode, presentCodedCountry, presentCoding, presentDefaultCode } from '../../presenters/codes.js';
import {
  createCodeSchema,
  decideCodingSchema,
  editCodeSchema,
  getCodeSchema,
  installDefaultCodesSchema,
  listCodesSchema,
  suggestCodesSchema,
} from './schema.js';

const CODES = '/api/v1/cycles/:cycle/codes';
const CODE = `${CODES}/:question`;

/** Codes of a cycle's questions, and how each country's answer is coded (docs/regional.md, « Coding answers »). */
export function codeRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(CODES, { schema: listCodesSchema }, async (request) => {
    const list = await listCodes(db, request.actor, request.params.cycle);
    return {
      cycle: list.cycle,
      region: list.region,
      codes: list.codes.map(presentCode),
      defaults: list.defaults.map(presentDefaultCode),
    };
  });

  api.post(CODES, { schema: createCodeSchema }, async (request, reply) => {
    const code = await createCode(db, request.actor, request.params.cycle, request.body);
    return reply.status(201).send(presentCode(code));
  });

  api.post(`${CODES}/defaults`, { schema: installDefaultCodesSchema }, async (request) =>
    installDefaultCodes(db, request.actor, request.params.cycle),
  );

  api.get(CODE, { schema: getCodeSchema }, async (request) => {
    const { question: questionId, cycle } = request.params;
    const found = await getCode(db, request.actor, { cycle, questionId });
    const nameOf = await nameAuthors(
      db,
      requestLanguage(request),
      found.countries.map((c) => c.coding?.decidedBy),
    );
    return {
      cycle: found.cycle,
      region: found.region,
      code: presentCode(found.code),
      countries: found.countries.map((c) => presentCodedCountry(c, nameOf)),
    };
  });

  api.put(CODE, { schema: editCodeSchema }, async (request) => {
    const { question: questionId, cycle } = request.params;
    return presentCode(await editCode(db, request.actor, { cycle, questionId }, request.body));
  });

  api.post(`${CODE}/suggestions`, { schema: suggestCodesSchema }, async (request) => {
    const { question: questionId, cycle } = request.params;
    return suggestCodes(db, request.actor, { cycle, questionId });
  });

  api.put(`${CODE}/countries/:country`, { schema: decideCodingSchema }, async (request) => {
    const { question: questionId, cycle, country } = request.params;
    const coding = await confirmCode(
      db,
      request.actor,
      { cycle, questionId, country: country.toUpperCase() },
      request.body,
    );
    return presentCoding(coding, await nameAuthors(db, requestLanguage(request), [coding.decidedBy]));
  });
}
