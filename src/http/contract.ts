/**
 * The pieces every route schema shares: the problem (error) body, the security requirements,
 * the language query. Each route's params, query, body and response are written once, in TypeBox,
 * in routes/<resource>/schema.ts: Fastify validates with them, the handlers' types come from them,
 * and the OpenAPI document (and from it the web app's types) is generated from them.
 */
import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';
import type { LANGUAGES } from '../domain/language.js';

/** The body of every error response (docs/errors.md): a stable code, a message, details. */
export const Problem = Type.Object(
  {
    code: Type.String({ examples: ['review.not_found'] }),
    message: Type.String({ description: 'in the language asked for (?lang= or Accept-Language)' }),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  {
    $id: 'Problem',
    additionalProperties: false,
    description: 'An error: a stable code (docs/errors.md), a message in the requested language, details.',
  },
);

/** A reference to a schema registered by its $id (SHARED_SCHEMAS), typed as that schema. */
export function refTo<T extends TSchema & { $id?: string }>(schema: T): TUnsafe<Static<T>> {
  if (!schema.$id) throw new Error('refTo needs a schema with an $id');
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id));
}

const ProblemRef = refTo(Problem);

/** Error statuses an operation may answer, each with the problem body. */
export function problems<const S extends readonly number[]>(...statuses: S): { [K in S[number]]: typeof ProblemRef } {
  return Object.fromEntries(statuses.map((status) => [status, ProblemRef])) as { [K in S[number]]: typeof ProblemRef };
}

/** The names of the security schemes declared in the OpenAPI document (server.ts). */
export const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: 'pacte_session', description: 'The browser session cookie.' },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'The token answered by POST /api/v1/session, as `Authorization: Bearer <token>`.',
  },
} as const;

/** An operation for signed-in callers only (a session cookie or a bearer token). */
type Security = readonly Record<string, readonly string[]>[];
export const SIGNED_IN: Security = [{ session: [] }, { bearer: [] }];
/** An operation anyone may call; signing in may show more (e.g. unpublished reviews one works on). */
export const PUBLIC: Security = [{}, { session: [] }, { bearer: [] }];

/** `?lang=`: the language of messages (else Accept-Language). */
export const Lang = Type.Union([Type.Literal('fr'), Type.Literal('en'), Type.Literal('ar')], {
  description: 'Language of messages (else Accept-Language).',
}) satisfies TSchema & { anyOf: { const: (typeof LANGUAGES)[number] }[] };

/** A nullable value: `T | null`, written as JSON Schema's type list where OpenAPI 3.1 expects it. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An ISO 3166-1 alpha-3 country code in a path or a query. */
export const CountryCode = Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3' });

/** A paragraph, or a list whose items may hold nested blocks (src/domain/blocks.ts). */
export const Block = Type.Recursive(
  (This) =>
    Type.Union([
      Type.Object(
        { type: Type.Literal('paragraph'), text: Type.String() },
        { additionalProperties: false, title: 'ParagraphBlock' },
      ),
      Type.Object(
        {
          type: Type.Literal('list'),
          ordered: Type.Boolean(),
          items: Type.Array(
            Type.Object(
              { text: Type.String(), blocks: Type.Array(This) },
              { additionalProperties: false, title: 'ListItem' },
            ),
          ),
        },
        { additionalProperties: false, title: 'ListBlock' },
      ),
    ]),
  { $id: 'Block', description: 'A paragraph, or a list whose items may hold nested blocks.' },
);
export const BlockRef = refTo(Block);
export const Blocks = Type.Array(BlockRef);

/** A figure quoted in an answer (src/domain/facts.ts), with where it is. */
export const Fact = Type.Object(
  {
    value: Type.Number(),
    kind: Type.Union([Type.Literal('count'), Type.Literal('percent'), Type.Literal('amount')]),
    unit: Nullable(Type.String({ examples: ['réseaux'] })),
    qualifier: Nullable(Type.Union([Type.Literal('more_than'), Type.Literal('about'), Type.Literal('less_than')])),
    period: Nullable(Type.String({ examples: ['2020', '2002/2020'] })),
    questionId: Type.String(),
    quote: Type.String(),
    position: Type.Object(
      { block: Type.Array(Type.Integer()), start: Type.Integer(), end: Type.Integer() },
      { additionalProperties: false },
    ),
  },
  {
    $id: 'Fact',
    additionalProperties: false,
    description: 'A figure quoted in an answer, with where it is (block path and character offsets).',
  },
);

/** A GCM objective an answer seems to be about (src/domain/objective-suggestions.ts). */
export const ObjectiveSuggestion = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 23 }),
    score: Type.Number({ minimum: 0, maximum: 1 }),
    evidence: Type.Array(Type.String()),
    status: Type.Optional(Type.Union([Type.Literal('suggested'), Type.Literal('confirmed')])),
  },
  {
    $id: 'ObjectiveSuggestion',
    additionalProperties: false,
    description: 'A GCM objective an answer seems to be about, with the words that suggest it.',
  },
);

/** A text in the languages it exists in (src/domain/language.ts): question wording, names, titles. */
export const Multilingual = Type.Object(
  { fr: Type.Optional(Type.String()), en: Type.Optional(Type.String()), ar: Type.Optional(Type.String()) },
  { $id: 'Multilingual', additionalProperties: false, description: 'A text in the languages it exists in.' },
);
export const MultilingualRef = refTo(Multilingual);

/** An instant, as JSON carries it (presenters turn Dates into these). */
export const DateTime = (options: { description?: string } = {}) => Type.String({ format: 'date-time', ...options });
/** A calendar day, YYYY-MM-DD (due dates). */
export const DateOnly = (options: { description?: string } = {}) => Type.String({ format: 'date', ...options });

/** The schemas registered once with Fastify (app.addSchema) and named in the OpenAPI components. */
export const SHARED_SCHEMAS = [Problem, Block, Fact, ObjectiveSuggestion, Multilingual];

/** `/{country}/{cycle}`: one review. */
export const ReviewKey = Type.Object({
  country: Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3, e.g. MAR' }),
  cycle: Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'e.g. arab-2021' }),
});

/** Whether what a row or page presents is a fictional country's (the demo region): its text is synthetic data. */
export const Synthetic = Type.Boolean({
  description:
    'true for a fictional country’s review (the demo region, docs/regional.md): every text in it is synthetic data',
});

/** The query of an operation whose only parameter is the language of its messages. */
export const LangQuery = Type.Object({ lang: Type.Optional(Lang) });

/** One of a list of strings (a domain union such as the entity categories or a status). */
export const OneOf = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Union(
    values.map((value) => Type.Literal(value as T[number])),
    options,
  );

/**
 * A file answered as an attachment (Content-Disposition with an RFC 5987 filename*), documented
 * with its media types. The payload is a Buffer: Fastify neither serializes nor checks it.
 */
export function FileResponse(mediaTypes: readonly string[], description: string) {
  const schema = Type.String({ format: 'binary' });
  return { description, content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema }])) };
}
