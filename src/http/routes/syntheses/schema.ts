/** The regional synthesis, its citations and the requests to quote (issue 14, items 1–3): one schema per route. */
import { Type } from '@sinclair/typebox';
import { DateTime, LangQuery, MultilingualRef, Nullable, SIGNED_IN, problems } from '../../contract.js';
import {
  Citation,
  CitationRequest,
  Language,
  SubmittedAnswer,
  SubmittedPassage,
  Synthesis,
  SynthesisDocument,
  SynthesisRead,
} from './schema-types.js';

const tags = ['syntheses'];

const CycleParams = Type.Object({ cycle: Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'e.g. demo-1' }) });
const SynthesisParams = Type.Object({ ...CycleParams.properties, synthesis: Type.Integer({ minimum: 1 }) });
const CitationParams = Type.Object({ ...SynthesisParams.properties, citation: Type.Integer({ minimum: 1 }) });
const ReviewParams = Type.Object({
  country: Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3' }),
  cycle: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
});
const RequestParams = Type.Object({ ...ReviewParams.properties, request: Type.Integer({ minimum: 1 }) });

export const listSynthesesSchema = {
  operationId: 'listSyntheses',
  summary: 'The regional syntheses of a cycle',
  description:
    'The cycle’s secretariat and the region’s translators; to anyone else signed in, the cycle does not exist.',
  tags,
  security: SIGNED_IN,
  params: CycleParams,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      { cycle: Type.String(), region: Type.String(), syntheses: Type.Array(Synthesis) },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 404),
  },
};

export const createSynthesisSchema = {
  operationId: 'createSynthesis',
  summary: 'Start a synthesis of the cycle (an edition in one language, maybe translating another)',
  description: 'The cycle’s secretariat. Empty (revision 0) until the first save. Audited.',
  tags,
  security: SIGNED_IN,
  params: CycleParams,
  querystring: LangQuery,
  body: Type.Object(
    {
      language: Language,
      title: Type.String({ maxLength: 1000 }),
      translationOf: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    },
    { additionalProperties: false },
  ),
  response: { 201: Synthesis, ...problems(400, 401, 403, 404, 422) },
};

export const getSynthesisSchema = {
  operationId: 'getSynthesis',
  summary: 'A synthesis: its current revision, its citations (flagged or not) and their latest requests',
  tags,
  security: SIGNED_IN,
  params: SynthesisParams,
  querystring: LangQuery,
  response: { 200: SynthesisRead, ...problems(400, 401, 403, 404) },
};

export const saveSynthesisSchema = {
  operationId: 'saveSynthesis',
  summary: 'Save a new revision of the synthesis',
  description:
    'baseRevision: the revision the writer started from; 409 synthesis.edit_conflict with details.document ' +
    '(the current text), currentRevision and author when someone saved in between. Audited.',
  tags,
  security: SIGNED_IN,
  params: SynthesisParams,
  querystring: LangQuery,
  body: Type.Object(
    {
      document: Type.Unknown({ description: 'ProseMirror JSON, checked by the server (synthesis.invalid_document)' }),
      baseRevision: Type.Integer({ minimum: 0 }),
      title: Type.Optional(Type.String({ maxLength: 1000 })),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({ synthesis: Synthesis, document: SynthesisDocument }, { additionalProperties: false }),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};

export const listSynthesisRevisionsSchema = {
  operationId: 'listSynthesisRevisions',
  summary: 'Every save of a synthesis, newest first (who and when)',
  tags,
  security: SIGNED_IN,
  params: SynthesisParams,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        synthesis: Synthesis,
        revisions: Type.Array(
          Type.Object(
            { revision: Type.Integer(), author: Type.String(), createdAt: DateTime() },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

const PassageBody = Type.Object({ passage: SubmittedPassage }, { additionalProperties: false });

export const createCitationSchema = {
  operationId: 'createCitation',
  summary: 'Cite a passage of a country’s submission (the document then names the citation’s id)',
  description: 'citation.passage_mismatch unless that submission holds those words at that place. Audited.',
  tags,
  security: SIGNED_IN,
  params: SynthesisParams,
  querystring: LangQuery,
  body: PassageBody,
  response: { 201: Citation, ...problems(400, 401, 403, 404, 422) },
};

export const getCitationSchema = {
  operationId: 'getCitation',
  summary: 'A citation with the whole answer it quotes (to highlight the passage) and, when flagged, the latest',
  tags,
  security: SIGNED_IN,
  params: CitationParams,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        citation: Citation,
        countryName: MultilingualRef,
        answer: Nullable(SubmittedAnswer),
        latest: Nullable(SubmittedAnswer),
        history: Type.Array(
          Type.Object(
            { passage: SubmittedPassage, replacedBy: Type.String(), replacedAt: DateTime() },
            { additionalProperties: false },
          ),
        ),
        requests: Type.Array(CitationRequest),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const updateCitationSchema = {
  operationId: 'updateCitation',
  summary: 'Re-point a citation at a passage of the country’s latest submission (updating a flagged one)',
  description: 'The old passage stays in the history and the audit log. citation.not_latest otherwise. Audited.',
  tags,
  security: SIGNED_IN,
  params: CitationParams,
  querystring: LangQuery,
  body: PassageBody,
  response: { 200: Citation, ...problems(400, 401, 403, 404, 422) },
};

export const keepCitationSchema = {
  operationId: 'keepCitation',
  summary: 'Keep a flagged citation as it is (who and when recorded; flagged again after a newer submission)',
  tags,
  security: SIGNED_IN,
  params: CitationParams,
  querystring: LangQuery,
  response: { 200: Citation, ...problems(400, 401, 403, 404, 409) },
};

export const requestCitationApprovalSchema = {
  operationId: 'requestCitationApproval',
  summary: 'Ask the country’s focal points whether the public may read this citation’s passage',
  description: 'One pending request per citation (citation_request.pending). The focal points are notified. Audited.',
  tags,
  security: SIGNED_IN,
  params: CitationParams,
  querystring: LangQuery,
  response: { 201: CitationRequest, ...problems(400, 401, 403, 404, 409) },
};

export const searchPassagesSchema = {
  operationId: 'searchPassages',
  summary: 'Sentences of the latest submissions of the cycle holding every word searched, ready to cite',
  description: 'All questions, all countries of the cycle; words folded as the search index folds them (fr, en, ar).',
  tags,
  security: SIGNED_IN,
  params: CycleParams,
  querystring: Type.Object({ ...LangQuery.properties, q: Type.String({ minLength: 1, maxLength: 200 }) }),
  response: {
    200: Type.Object(
      {
        cycle: Type.String(),
        total: Type.Integer({ description: 'sentences found; at most 100 are given' }),
        passages: Type.Array(
          Type.Object(
            {
              country: Type.String(),
              countryName: MultilingualRef,
              synthetic: Type.Boolean(),
              submittedAt: DateTime(),
              language: Language,
              passage: SubmittedPassage,
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const listCitationRequestsSchema = {
  operationId: 'listCitationRequests',
  summary: 'Requests to quote the country’s passages in the region’s syntheses, pending first',
  description: 'The country’s focal points; to anyone else, the review does not exist.',
  tags,
  security: SIGNED_IN,
  params: ReviewParams,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      { country: Type.String(), cycle: Type.String(), requests: Type.Array(CitationRequest) },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 404),
  },
};

const decide = (verb: 'approve' | 'refuse') => ({
  operationId: verb === 'approve' ? 'approveCitationRequest' : 'refuseCitationRequest',
  summary:
    verb === 'approve'
      ? 'Approve that the public may read the passage quoted'
      : 'Refuse that the public reads the passage quoted, with an optional reason',
  description:
    'A focal point of the country, once (citation_request.decided after). Audited; the secretariat is notified.',
  tags,
  security: SIGNED_IN,
  params: RequestParams,
  querystring: LangQuery,
  response: { 200: CitationRequest, ...problems(400, 401, 404, 409) },
});
export const approveCitationRequestSchema = decide('approve');
export const refuseCitationRequestSchema = {
  ...decide('refuse'),
  body: Type.Object(
    { reason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) },
    { additionalProperties: false },
  ),
};
