import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import { createCycle } from '../../../services/create-cycle.js';
import { editCycle } from '../../../services/edit-cycle.js';
import { getCycle } from '../../../services/get-cycle.js';
import { listCycles } from '../../../services/list-cycles.js';
import { moveCycle } from '../../../services/move-cycle.js';
import { presentCycle } from '../../presenters/cycles.js';
import { createCycleSchema, editCycleSchema, getCycleSchema, listCyclesSchema, moveCycleSchema } from './schema.js';

/** Whoever creates, edits, opens or closes a cycle manages it: the answer carries its settings. */
const managed = <T>(cycle: T) => ({ cycle, manages: true });

export function cycleRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/cycles', { schema: listCyclesSchema }, async (request) => ({
    cycles: (await listCycles(db, request.actor, { region: request.query.region })).map(presentCycle),
  }));
  api.get('/api/v1/cycles/:cycle', { schema: getCycleSchema }, async (request) =>
    presentCycle(await getCycle(db, request.actor, request.params.cycle)),
  );
  api.post('/api/v1/cycles', { schema: createCycleSchema }, async (request, reply) =>
    reply.status(201).send(presentCycle(managed(await createCycle(db, request.actor, request.body)))),
  );
  api.patch('/api/v1/cycles/:cycle', { schema: editCycleSchema }, async (request) =>
    presentCycle(managed(await editCycle(db, request.actor, request.params.cycle, request.body))),
  );
  api.post('/api/v1/cycles/:cycle/state', { schema: moveCycleSchema }, async (request) =>
    presentCycle(managed(await moveCycle(db, request.actor, request.params.cycle, request.body))),
  );
}
