/** The shapes of the regional synthesis's API (schema.ts holds one schema per route). */
import { Type } from '@sinclair/typebox';
import { Blocks, DateTime, Nullable, OneOf } from '../../contract.js';

export const Language = OneOf(['fr', 'en', 'ar'] as const);

/**
 * The document: ProseMirror JSON (type/attrs/content/text/marks), checked by the server itself
 * (src/domain/synthesis.ts) so that a fault is answered `synthesis.invalid_document` with its path
 * rather than a generic request error. docs/regional.md, « The regional synthesis », lists nodes.
 */
export const SynthesisDocument = Type.Object(
  { type: Type.Literal('doc'), content: Type.Array(Type.Record(Type.String(), Type.Unknown())) },
  {
    description:
      'ProseMirror JSON: doc > heading{level 1–3} | paragraph | bulletList | orderedList{start} > listItem > ' +
      'paragraph, lists; figure{code, group}; objectivesMatrix; text with marks bold, italic, ' +
      'citation{citations: [id]}; hardBreak',
  },
);

export const Synthesis = Type.Object(
  {
    id: Type.Integer(),
    cycle: Type.String(),
    language: Language,
    title: Type.String(),
    translationOf: Nullable(Type.Integer({ description: 'the synthesis this edition translates' })),
    state: OneOf(['draft', 'published'] as const),
    revision: Type.Integer({ description: 'the current revision, 0 before the first save' }),
    createdAt: DateTime(),
    createdBy: Type.String(),
    updatedAt: DateTime(),
    updatedBy: Type.String(),
  },
  { additionalProperties: false },
);

export const Source = Type.Object(
  {
    kind: Type.Literal('submission'),
    country: Type.String({ pattern: '^[A-Za-z]{3}$' }),
    cycle: Type.String({ maxLength: 64 }),
    number: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export const SubmittedPassage = Type.Object(
  {
    source: Source,
    questionId: Type.String({ pattern: '^[A-Za-z0-9._-]{1,32}$' }),
    position: Type.Object(
      {
        block: Type.Array(Type.Integer({ minimum: 0 }), { minItems: 1, maxItems: 16 }),
        start: Type.Integer({ minimum: 0 }),
        end: Type.Integer({ minimum: 1 }),
      },
      { additionalProperties: false },
    ),
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
  },
  {
    additionalProperties: false,
    description: 'words of a submitted answer (src/domain/passage.ts): whose, question, block path, UTF-16 offsets',
  },
);

export const DiffLine = Type.Object(
  {
    op: OneOf(['same', 'added', 'removed'] as const),
    depth: Type.Integer(),
    marker: Type.String(),
    text: Type.String(),
  },
  { additionalProperties: false },
);

export const CitationRequest = Type.Object(
  {
    id: Type.Integer(),
    citation: Type.Integer(),
    synthesis: Type.Integer(),
    synthesisTitle: Type.String(),
    country: Type.String(),
    cycle: Type.String(),
    questionId: Type.String(),
    passage: SubmittedPassage,
    state: OneOf(['pending', 'approved', 'refused'] as const),
    requestedBy: Type.String(),
    requestedAt: DateTime(),
    decidedBy: Nullable(Type.String()),
    decidedAt: Nullable(DateTime()),
    reason: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

export const Citation = Type.Object(
  {
    id: Type.Integer(),
    synthesis: Type.Integer(),
    country: Type.String(),
    submissionNumber: Type.Integer(),
    questionId: Type.String(),
    passage: SubmittedPassage,
    outdated: Type.Boolean({
      description: 'a later submission of the country answers the question differently, and it was not kept through it',
    }),
    latestSubmission: Type.Integer({
      description: 'the country’s latest submission, against which outdated is decided',
    }),
    holds: Type.Boolean({ description: 'the quoted words are at the same place in the latest submission' }),
    change: Type.Array(DiffLine, { description: 'cited answer → latest answer, line by line (when outdated)' }),
    keptThrough: Nullable(Type.Integer({ description: 'kept by the secretariat through this submission' })),
    keptBy: Nullable(Type.String()),
    keptAt: Nullable(DateTime()),
    createdAt: DateTime(),
    createdBy: Type.String(),
    updatedAt: DateTime(),
    updatedBy: Type.String(),
  },
  { additionalProperties: false },
);

export const SubmittedAnswer = Type.Object(
  { number: Type.Integer(), submittedAt: DateTime(), language: Language, blocks: Blocks },
  { additionalProperties: false },
);

export const SynthesisRead = Type.Object(
  {
    synthesis: Synthesis,
    document: SynthesisDocument,
    savedBy: Nullable(Type.String()),
    savedAt: Nullable(DateTime()),
    editions: Type.Array(Synthesis, { description: 'the other language editions linked to this one' }),
    citations: Type.Array(
      Type.Object(
        {
          ...Citation.properties,
          request: Nullable(CitationRequest),
          quotable: Nullable(
            OneOf(['published', 'approved'] as const, {
              description:
                'why the public may read it (a published version holds it, or the country approved); null: withheld',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
