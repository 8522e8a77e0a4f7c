import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { Blocks, Problem, SHARED_SCHEMAS, SIGNED_IN, problems } from '../../src/http/contract.js';
import { checkResponsesAgainstSchemas, requireContract } from '../../src/http/contract-checks.js';

/** A server with the contract's shared schemas and checks, and one route answering `answer`. */
async function serverAnswering(answer: unknown) {
  const app = Fastify({ logger: false });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  requireContract(app);
  checkResponsesAgainstSchemas(app);
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/thing',
    {
      schema: {
        operationId: 'getThing',
        security: SIGNED_IN,
        response: {
          200: Type.Object({ id: Type.Integer(), blocks: Blocks }, { additionalProperties: false }),
          ...problems(404),
        },
      },
    },
    // The route's declared type is bypassed on purpose: the check is what stands between a
    // drifting service and the client.
    async () => answer as never,
  );
  await app.ready();
  return app;
}

describe('the API contract', () => {
  it('answers a response that matches its schema', async () => {
    const app = await serverAnswering({ id: 1, blocks: [{ type: 'list', ordered: false, items: [] }] });
    const response = await app.inject('/api/v1/thing');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 1, blocks: [{ type: 'list', ordered: false, items: [] }] });
  });

  it('refuses under tests a response with a property its schema does not list, instead of dropping it silently', async () => {
    const app = await serverAnswering({ id: 1, blocks: [], secret: 'x' });
    const response = await app.inject('/api/v1/thing');
    expect(response.statusCode).toBe(500);
  });

  it('refuses a response missing a property, or with a nested block of the wrong shape', async () => {
    expect((await (await serverAnswering({ blocks: [] })).inject('/api/v1/thing')).statusCode).toBe(500);
    const badBlock = {
      id: 1,
      blocks: [{ type: 'list', ordered: false, items: [{ text: 'a', blocks: [{ type: 'x' }] }] }],
    };
    expect((await (await serverAnswering(badBlock)).inject('/api/v1/thing')).statusCode).toBe(500);
  });

  it('refuses at start-up an API route without an operationId, a security requirement or responses', async () => {
    const app = Fastify({ logger: false });
    requireContract(app);
    expect(() => app.get('/api/v1/anonymous', { schema: { response: { 200: Problem } } }, async () => ({}))).toThrow(
      /GET \/api\/v1\/anonymous: the route schema lacks operationId, security/,
    );
  });
});
