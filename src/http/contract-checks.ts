/**
 * Checks that keep the API contract true. Every operation under /api/ must say who may call it
 * (`security`), have a stable `operationId` (client generators name functions after it) and a
 * response schema per status it answers: a route missing one fails at start-up, not in a review.
 * Under tests, every JSON response is also checked against its schema, because Fastify's
 * serializer silently drops a property the schema does not list and never notices a missing one.
 */
import { FormatRegistry, Kind, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { FastifyInstance } from 'fastify';
import { SHARED_SCHEMAS } from './contract.js';

export function requireContract(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as Record<string, unknown> | undefined;
    if (!route.url.startsWith('/api/') || schema?.hide) return;
    const missing = ['operationId', 'security', 'response'].filter((key) => schema?.[key] === undefined);
    if (missing.length > 0) {
      throw new Error(`${[route.method].flat().join(',')} ${route.url}: the route schema lacks ${missing.join(', ')}`);
    }
  });
}

// TypeBox's checker fails every string whose format it does not know: teach it the ones the
// schemas use, as strictly as Fastify's validator (ajv-formats) reads them.
const FORMATS: Record<string, (value: string) => boolean> = {
  date: (value) => {
    const day = new Date(`${value}T00:00:00Z`); // 2024-02-30 would roll over to March: compare back
    return /^\d{4}-\d{2}-\d{2}$/u.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  },
  'date-time': (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/iu.test(value) &&
    !Number.isNaN(Date.parse(value)),
  uuid: (value) => /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/iu.test(value),
};
for (const [format, check] of Object.entries(FORMATS))
  if (!FormatRegistry.Has(format)) FormatRegistry.Set(format, check);

/** `references`: the schemas registered by $id (app.addSchema) that response schemas refer to. */
export function checkResponsesAgainstSchemas(app: FastifyInstance, references: readonly TSchema[] = SHARED_SCHEMAS) {
  const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();
  const checker = (schema: TSchema): TypeCheck<TSchema> => {
    let check = compiled.get(schema);
    if (!check) {
      check = TypeCompiler.Compile(schema, [...references]);
      compiled.set(schema, check);
    }
    return check;
  };
  app.addHook('preSerialization', async (request, reply, payload) => {
    const responses = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
    const schema = responses?.[String(reply.statusCode)] ?? responses?.[`${String(reply.statusCode)[0]}xx`];
    // Only TypeBox schemas (they carry [Kind]); a file answer is a stream, not checked here.
    if (!schema || typeof schema !== 'object' || !(Kind in schema)) return payload;
    const check = checker(schema as TSchema);
    if (!check.Check(payload)) {
      const errors = [...check.Errors(payload)].slice(0, 5).map((e) => `${e.path || '/'}: ${e.message}`);
      const message = `response ${reply.statusCode} of ${request.method} ${request.routeOptions.url} breaks its schema: ${errors.join('; ')}`;
      process.stderr.write(`${message}\n`); // tests run with logs off: say it where a developer looks
      throw new Error(message);
    }
    return payload;
  });
}
