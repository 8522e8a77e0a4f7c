/** A synthesis's live figures, its publication, versions and exports (issue 14, items 4–5). */
import { Type } from '@sinclair/typebox';
import { DateTime, LangQuery, MultilingualRef, Nullable, OneOf, PUBLIC, SIGNED_IN, problems } from '../../contract.js';
import { JobAccepted } from '../exports/schema.js';

const tags = ['syntheses'];
const SynthesisParams = Type.Object({
  cycle: Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'e.g. demo-1' }),
  synthesis: Type.Integer({ minimum: 1 }),
});
const VersionParams = Type.Object({ ...SynthesisParams.properties, version: Type.Integer({ minimum: 1 }) });

const Common = {
  index: Type.Integer({ description: 'the node’s place among the document’s figure nodes, in reading order' }),
  computedAt: DateTime({ description: 'when the figures were counted: the document says « au <date> »' }),
  source: OneOf(['submission', 'published'] as const, {
    description:
      'submission: the countries’ submissions (live, the secretariat); published: published answers (a version)',
  }),
  missing: Nullable(Type.String({ description: 'why the figure cannot be counted (code.not_found, group.not_found)' })),
};

export const FigureData = Type.Union([
  Type.Object(
    {
      type: Type.Literal('figure'),
      ...Common,
      code: Type.String(),
      group: Nullable(Type.String()),
      title: Type.String({ description: 'the code’s name (— the group’s), in the synthesis’s language' }),
      totalCountries: Type.Integer(),
      codedCountries: Type.Integer(),
      values: Type.Array(
        Type.Object(
          { key: Type.String(), label: Type.String(), count: Type.Integer() },
          { additionalProperties: false },
        ),
      ),
      svgUrl: Nullable(Type.String({ description: 'the live chart (figures.svg, same reader and language)' })),
      svg: Nullable(Type.String({ description: 'the chart frozen in a version' })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('objectivesMatrix'),
      ...Common,
      objectives: Type.Array(
        Type.Object({ number: Type.Integer(), title: Type.String() }, { additionalProperties: false }),
      ),
      countries: Type.Array(
        Type.Object(
          {
            code: Type.String(),
            name: Type.String(),
            synthetic: Type.Boolean(),
            objectives: Type.Array(Type.Integer()),
          },
          { additionalProperties: false },
        ),
      ),
      totals: Type.Array(
        Type.Object({ number: Type.Integer(), count: Type.Integer() }, { additionalProperties: false }),
      ),
    },
    { additionalProperties: false },
  ),
]);

export const VersionSummary = Type.Object(
  {
    version: Type.Integer(),
    revision: Type.Integer({ description: 'the draft’s revision this version published' }),
    publishedAt: DateTime(),
    publishedBy: Type.String(),
  },
  { additionalProperties: false },
);

const PublicCitation = Type.Union([
  Type.Object(
    {
      id: Type.Integer(),
      withheld: Type.Literal(false),
      basis: OneOf(['published', 'approved'] as const),
      text: Type.String(),
      country: Type.String(),
      countryName: MultilingualRef,
      questionId: Type.String(),
      date: DateTime(),
      link: Nullable(Type.String({ description: 'the published review on the portal, never a submission' })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ id: Type.Integer(), withheld: Type.Literal(true) }, { additionalProperties: false }),
]);

const SynthesisVersion = Type.Object(
  {
    synthesis: Type.Integer(),
    cycle: Type.String(),
    ...VersionSummary.properties,
    title: Type.String(),
    language: OneOf(['fr', 'en', 'ar'] as const),
    document: Type.Object({
      type: Type.Literal('doc'),
      content: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    }),
    citations: Type.Array(PublicCitation, { description: 'as the public may read them at publication' }),
    figures: Type.Array(FigureData, { description: 'frozen at publication, from published answers' }),
  },
  { additionalProperties: false },
);

export const getSynthesisFiguresSchema = {
  operationId: 'getSynthesisFigures',
  summary: 'The live figures the draft embeds, counted now as the reader may count them',
  description: 'One per figure or objectivesMatrix node, in reading order. The cycle’s secretariat and translators.',
  tags,
  security: SIGNED_IN,
  params: SynthesisParams,
  querystring: LangQuery,
  response: {
    200: Type.Object({ computedAt: DateTime(), figures: Type.Array(FigureData) }, { additionalProperties: false }),
    ...problems(400, 401, 403, 404),
  },
};

export const publishSynthesisSchema = {
  operationId: 'publishSynthesis',
  summary: 'Publish the synthesis’s current text as its next dated, numbered version (never changed after)',
  description:
    'The cycle’s secretariat. Citations the public may not read are withheld in the version; figures are frozen ' +
    'from published answers. synthesis.empty, synthesis.already_published, synthesis.cycle_planned. Audited.',
  tags,
  security: SIGNED_IN,
  params: SynthesisParams,
  querystring: LangQuery,
  response: { 201: SynthesisVersion, ...problems(400, 401, 403, 404, 409, 422) },
};

export const listSynthesisVersionsSchema = {
  operationId: 'listSynthesisVersions',
  summary: 'The published versions of a synthesis, oldest first',
  description: 'Anyone who may see the cycle: published versions are public. None: synthesis.not_found for the public.',
  tags,
  security: PUBLIC,
  params: SynthesisParams,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      { synthesis: Type.Integer(), versions: Type.Array(VersionSummary) },
      { additionalProperties: false },
    ),
    ...problems(400, 404),
  },
};

export const getSynthesisVersionSchema = {
  operationId: 'getSynthesisVersion',
  summary: 'One published version of a synthesis, as the public reads it',
  tags,
  security: PUBLIC,
  params: VersionParams,
  querystring: LangQuery,
  response: { 200: SynthesisVersion, ...problems(400, 404) },
};

export const exportSynthesisSchema = {
  operationId: 'exportSynthesis',
  summary: 'Queue a DOCX or PDF of the synthesis (the draft for its secretariat, else a published version)',
  description:
    'Footnotes for citations (country, question, date) and a list of sources; the PDF’s notes are end notes. ' +
    'Follow the job at links.self, download at links.download.',
  tags,
  security: PUBLIC,
  params: SynthesisParams,
  querystring: LangQuery,
  body: Type.Object(
    { format: OneOf(['docx', 'pdf'] as const), version: Type.Optional(Type.Integer({ minimum: 1 })) },
    { additionalProperties: false },
  ),
  response: { 202: JobAccepted, ...problems(400, 404, 422, 429, 503) },
};
